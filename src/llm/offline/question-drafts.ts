// The candidate questions for one plan, best first: a follow-up when the plan asks for
// one, then each requirement (uncovered first) in every phrasing that suits it. The
// offline generator takes the first that is not a near-repeat of the session.

import type { Evidence, Requirement, RequirementKind, ResumeAnalysis } from '../analysis/types.js';
import { askedStems } from '../plan/coverage.js';
import { weakAnswerReason } from '../plan/follow-up.js';
import type { QuestionPlan } from '../plan/question-plan.js';
import { evidenceSentence, quotesResume } from '../plan/resume-quotes.js';
import type { GenerationInput, QuestionType } from '../plan/types.js';
import { memoise } from '../text/cache.js';
import { containment, hashText, stemSet, wordCount } from '../text/normalise.js';
import { buildSlots, pickEvidence, shortTitle } from './question-slots.js';
import {
  CREDENTIAL_TEMPLATES,
  FOLLOW_UP_TEMPLATES,
  PASSED_FOLLOW_UP_TEMPLATES,
  TEMPLATES,
  type QuestionSlots,
} from './question-templates.js';

// Every word of an earlier question, quotes included: which resume lines it quoted.
const questionStems = memoise(1024, stemSet);

export interface Draft {
  text: string;
  requirement: Requirement;
  slots: QuestionSlots;
  /** The resume line backing the requirement, quoted in the question or not. */
  evidence: Evidence | null;
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

/**
 * A second requirement to weigh against the first: of the same kind, so two duties or two
 * tools are compared, and short without an "and" of its own, or the question becomes a list.
 */
function pairFor(requirement: Requirement, rest: readonly Requirement[]): Requirement | null {
  const pairable = (r: Requirement) =>
    wordCount(r.text) <= 5 && r.kind !== 'credential' && !/\band\b/.test(r.text);
  if (!pairable(requirement)) return null;
  return rest.find((r) => pairable(r) && r.kind === requirement.kind) ?? null;
}

/** Covered requirements, the one asked about longest ago first: a short posting's session
 * comes back to a topic only after the others have had their turn. */
function leastRecentFirst(
  covered: readonly Requirement[],
  asked: readonly ReadonlySet<string>[],
): Requirement[] {
  const lastAsked = (r: Requirement) =>
    asked.findLastIndex((stems) => containment(r.stems, stems) >= 0.6);
  return covered
    .map((requirement) => ({ requirement, last: lastAsked(requirement) }))
    .sort((a, b) => a.last - b.last)
    .map(({ requirement }) => requirement);
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
  const quotedStems = plan.askedQuestions.map(questionStems);
  const fallback: Requirement = {
    text: `the core duties of this ${shortTitle(posting.title.slice(0, 200))} role`,
    stems: stemSet(posting.title),
    source: 'term',
    kind: 'duty',
  };
  const ordered = [
    ...plan.uncovered,
    ...leastRecentFirst(
      rotate(plan.covered, seed + plan.questionNumber),
      plan.askedQuestions.map(askedStems),
    ),
  ];
  if (ordered.length === 0) ordered.push(fallback);

  const slotsFor = (requirement: Requirement, index: number) => {
    const choice = pickEvidence(requirement, resume, quotedStems);
    const second = pairFor(requirement, ordered.slice(index + 1));
    const quotable = choice.evidence?.headline ? null : choice.evidence;
    return {
      slots: buildSlots(posting, requirement, second, quotable, resume),
      evidence: choice.evidence,
      matched: choice.matched,
      quoted: choice.quoted,
    };
  };

  if (plan.followUp) {
    const requirement = plan.followUp.requirement ?? ordered[0] ?? fallback;
    const { slots, evidence, matched } = slotsFor(requirement, ordered.indexOf(requirement));
    const earlierWeak = input.transcript.filter(
      (e) => e.role === 'candidate' && weakAnswerReason(e.content),
    ).length;
    const quote = quoteOf(plan.followUp.answer);
    // Quoting back a bare "Yes." sounds like mockery, and "I don't know" is no claim to
    // press on: ask for depth without quoting.
    const quotable = wordCount(quote) >= 3;
    const templates =
      plan.followUp.reason === 'passed' ? PASSED_FOLLOW_UP_TEMPLATES : FOLLOW_UP_TEMPLATES;
    for (const template of rotate(templates, earlierWeak)) {
      const text = template(slots, quote);
      if (!quotable && text.includes(`"${quote}"`)) continue;
      yield {
        text,
        requirement,
        slots,
        evidence,
        matched,
        followUp: true,
      };
    }
  }

  // Same type, different phrasing each time: the start moves with the number of questions
  // of this type already asked.
  const justQuoted = quotesResume(plan.askedQuestions.at(-1) ?? '');
  const sameType = input.transcript.filter(
    (e) => e.role === 'interviewer' && e.questionType === plan.type,
  ).length;
  for (const [index, requirement] of ordered.entries()) {
    if (UNSUITED[plan.type].includes(requirement.kind)) continue;
    const templates =
      requirement.kind === 'credential' ? CREDENTIAL_TEMPLATES : TEMPLATES[plan.type];
    const { slots, evidence, matched, quoted } = slotsFor(requirement, index);
    // Rotate over the phrasings that fit these slots, so a template that needs a missing
    // slot does not make two questions in a row fall through to the same neighbour.
    const texts = rotate(
      templates.map((template) => template(slots)).filter((t): t is string => t !== null),
      seed + sameType,
    );
    // Fresh evidence leads, unless the last question already opened on the resume. A line
    // quoted earlier is still the evidence, but quoting it again sounds scripted.
    const quoting = evidenceSentence(slots.evidence);
    const quotes = texts.filter((t) => quoting !== null && t.startsWith(quoting));
    const others = texts.filter((t) => !quotes.includes(t));
    const lead = quotes.length > 0 && !quoted && !justQuoted;
    for (const text of lead ? [...quotes, ...others] : [...others, ...quotes]) {
      yield { text, requirement, slots, evidence, matched, followUp: false };
    }
  }
}
