// What the analysis reads and what it finds, in one place: the posting and resume analysers,
// the plan, the generators and the answer evaluator all speak these types.

export interface JobPostingContext {
  title: string;
  company: string | null;
  description: string;
  techStack: string | null;
  experienceLevel: string | null;
}

export type RequirementSource =
  'cue' | 'bullet' | 'sentence' | 'list' | 'stack' | 'level' | 'term' | 'key-phrase';
/** What sort of thing is asked for; it decides which question types suit it. */
export type RequirementKind = 'duty' | 'knowledge' | 'trait' | 'credential';

export interface Requirement {
  /** A phrase that reads as a noun phrase inside a question ("administering medications"). */
  text: string;
  stems: ReadonlySet<string>;
  source: RequirementSource;
  kind: RequirementKind;
}

export interface PostingAnalysis {
  requirements: Requirement[];
  /** Stems of the title and company: citing them alone does not make a question specific. */
  contextStems: ReadonlySet<string>;
}

export type EvidenceKind = 'achievement' | 'skill' | 'role';

export interface Evidence {
  kind: EvidenceKind;
  /** As written, shortened: quoted or cited in a question. */
  text: string;
  /** "you reduced patient falls by 30%..." when the line opens with a verb; else null. */
  clause: string | null;
  stems: ReadonlySet<string>;
  /** Concrete claims (numbers, outcomes) make better questions. */
  weight: number;
  /** The opening line of a prose resume ("Nurse with three years on a surgical ward"): it
   * backs a requirement, but reads oddly quoted back as a claim. */
  headline?: boolean;
}

export interface ResumeAnalysis {
  roles: Evidence[];
  skills: Evidence[];
  achievements: Evidence[];
  /** In how many achievements and skills each stem occurs: a rare shared word says more. */
  stemFrequency: ReadonlyMap<string, number>;
}
