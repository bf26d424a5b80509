// The candidate questions for one plan, best first: a follow-up when the plan asks for
// one, then each requirement (uncovered first) in every phrasing that suits it. The
// offline generator takes the first that is not a near-repeat of the session.

import type { GenerationInput, QuestionType } from './generator.js';
import type { Requirement, RequirementKind } from './posting-analysis.js';
import { weakAnswerReason, type QuestionPlan } from './question-plan.js';
import { buildSlots, pickEvidence, shortTitle } from './question-slots.js';
import {
  CREDENTIAL_TEMPLATES,
  FOLLOW_UP_TEMPLATES,
  TEMPLATES,
  type QuestionSlots,
} from './question-templates.js';
import type { ResumeAnalysis } from './resume-analysis.js';
import { hashText, stemSet, wordCount } from './text-normalise.js';

export interface Draft {
  text: string;
  requirement: Requirement;
  slots: QuestionSlots;
  matched: boolean;
  followUp: boolean;
}

// A licence is asked about as held, not as a task; a trait ("staying calm under pressure")
// is shown by a story, not explained like a procedure.
const UNSUITED: Record<QuestionType, readonly RequirementKind[]> = {
  experience: [],
  technical: ['credential', 'trait'],
  behavioral: ['credential'],
  situational: ['credential'],
};

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** A second requirement to weigh against the first; only short ones, or the question becomes a list. */
function pairFor(requirement: Requirement, rest: readonly Requirement[]): Requirement | null {
  const short = (r: Requirement) => wordCount(r.text) <= 5 && r.kind !== 'credential';
  return short(requirement) ? (rest.find(short) ?? null) : null;
}

/** The first few words of an answer, to quote back in a follow-up. */
function quoteOf(answer: string): string {
  const words = answer
    .trim()
    .replace(/[.!?]+$/, '')
    .split(/\s+/);
  return words.length <= 10 ? words.join(' ') : `${words.slice(0, 8).join(' ')}...`;
}

export function* drafts(
  input: GenerationInput,
  plan: QuestionPlan,
  resume: ResumeAnalysis | null,
): Generator<Draft> {
  const { jobPosting: posting } = input;
  const seed = hashText(`${posting.title}\n${posting.description}`);
  const askedStems = plan.askedQuestions.map(stemSet);
  const fallback: Requirement = {
    text: `the core duties of this ${shortTitle(posting.title)} role`,
    stems: stemSet(posting.title),
    source: 'term',
    kind: 'duty',
  };
  const ordered = [...plan.uncovered, ...rotate(plan.covered, seed + plan.questionNumber)];
  if (ordered.length === 0) ordered.push(fallback);

  const slotsFor = (requirement: Requirement, index: number) => {
    const choice = pickEvidence(requirement, resume, askedStems);
    const second = pairFor(requirement, ordered.slice(index + 1));
    return {
      slots: buildSlots(posting, requirement, second, choice.evidence, resume),
      matched: choice.matched,
    };
  };

  if (plan.followUp) {
    const requirement = plan.followUp.requirement ?? ordered[0] ?? fallback;
    const { slots, matched } = slotsFor(requirement, ordered.indexOf(requirement));
    const earlierWeak = input.transcript.filter(
      (e) => e.role === 'candidate' && weakAnswerReason(e.content),
    ).length;
    for (const template of rotate(FOLLOW_UP_TEMPLATES, earlierWeak)) {
      yield {
        text: template(slots, quoteOf(plan.followUp.answer)),
        requirement,
        slots,
        matched,
        followUp: true,
      };
    }
  }

  // Same type, different phrasing each time: the start moves with the number of questions
  // of this type already asked.
  const sameType = input.transcript.filter(
    (e) => e.role === 'interviewer' && e.questionType === plan.type,
  ).length;
  for (const [index, requirement] of ordered.entries()) {
    if (UNSUITED[plan.type].includes(requirement.kind)) continue;
    const templates =
      requirement.kind === 'credential' ? CREDENTIAL_TEMPLATES : TEMPLATES[plan.type];
    const { slots, matched } = slotsFor(requirement, index);
    // Rotate over the phrasings that fit these slots, so a template that needs a missing
    // slot does not make two questions in a row fall through to the same neighbour.
    const texts = templates
      .map((template) => template(slots))
      .filter((t): t is string => t !== null);
    for (const text of rotate(texts, seed + sameType)) {
      yield { text, requirement, slots, matched, followUp: false };
    }
  }
}
