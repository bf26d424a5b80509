// The interview plan both generators follow, so a question is chosen by rule, not by luck:
// rotate the types, move to requirements the session has not covered, and dig into the
// last answer when it was short or vague.

import type { GenerationInput, QuestionType, TranscriptEntry } from './generator.js';
import type { Requirement } from './posting-analysis.js';
import { withoutResumeQuote } from './question-templates.js';
import { containment, stemSet, wordCount } from './text-normalise.js';
import { memoise } from './text-memo.js';

/** Warm up on experience, then alternate hard skills with stories and scenarios. */
export const TYPE_ROTATION: readonly QuestionType[] = [
  'experience',
  'technical',
  'behavioral',
  'situational',
];

export interface FollowUp {
  question: string;
  answer: string;
  reason: 'short' | 'vague';
  /** The requirement the last question was about, when it can be recognised. */
  requirement: Requirement | null;
}

export interface QuestionPlan {
  type: QuestionType;
  followUp: FollowUp | null;
  /** Requirements no earlier question touched, most important first. */
  uncovered: Requirement[];
  covered: Requirement[];
  askedQuestions: string[];
  /** 1-based number of the question being planned. */
  questionNumber: number;
}

const HEDGES =
  /\b(?:i guess|maybe|not sure|i think so|kind of|sort of|stuff|things like that|it depends|probably|i don'?t know|whatever|and so on|etc|i try my best|usually it works)\b/i;
const CONCRETE =
  /\d|\bfor example\b|\bfor instance\b|\bwhen i\b|\bi (?:led|built|started|changed|wrote|asked|called)\b/i;

/**
 * The stems a question asks about, for coverage. Quoting a resume line that shares words
 * with a requirement does not ask about it, so the quote is left out.
 */
export const askedStems: (question: string) => ReadonlySet<string> = memoise(1024, (question) =>
  stemSet(withoutResumeQuote(question)),
);

/** Why an answer deserves a follow-up, or null when it stands on its own. */
export function weakAnswerReason(answer: string): FollowUp['reason'] | null {
  const words = wordCount(answer);
  if (words < 15) return 'short';
  if (words < 60 && HEDGES.test(answer) && !CONCRETE.test(answer)) return 'vague';
  return null;
}

/** A requirement counts as covered once an earlier question cites most of its words. */
function isCovered(
  requirement: Requirement,
  questionStems: readonly ReadonlySet<string>[],
): boolean {
  return questionStems.some((stems) => containment(requirement.stems, stems) >= 0.6);
}

/** The requirement a question was built on: the one it cites most completely. */
export function citedRequirement(
  question: string,
  requirements: readonly Requirement[],
): Requirement | null {
  const stems = stemSet(question);
  let best: Requirement | null = null;
  let bestScore = 0.5;
  for (const requirement of requirements) {
    const score = containment(requirement.stems, stems);
    if (score > bestScore) [best, bestScore] = [requirement, score];
  }
  return best;
}

function chooseType(asked: TranscriptEntry[]): QuestionType {
  const counts = new Map<QuestionType, number>(TYPE_ROTATION.map((t) => [t, 0]));
  for (const entry of asked) {
    if (entry.questionType)
      counts.set(entry.questionType, (counts.get(entry.questionType) ?? 0) + 1);
  }
  const lastType = asked.at(-1)?.questionType ?? null;
  const start = lastType ? TYPE_ROTATION.indexOf(lastType) + 1 : 0;
  const ordered = TYPE_ROTATION.map((_, i) => TYPE_ROTATION[(start + i) % TYPE_ROTATION.length]!);
  return ordered.reduce((best, type) =>
    (counts.get(type) ?? 0) < (counts.get(best) ?? 0) ? type : best,
  );
}

function findFollowUp(
  transcript: readonly TranscriptEntry[],
  requirements: readonly Requirement[],
): FollowUp | null {
  const answer = transcript.at(-1);
  const question = transcript.at(-2);
  if (answer?.role !== 'candidate' || question?.role !== 'interviewer') return null;
  const reason = weakAnswerReason(answer.content);
  if (!reason) return null;
  // One follow-up per topic: if the answer before was weak too, the last question was
  // probably our follow-up already, and pressing again would feel like an interrogation.
  const earlier = transcript.at(-3);
  if (earlier?.role === 'candidate' && weakAnswerReason(earlier.content)) return null;
  // A short "yes, it is current" to a question about a licence is a complete answer.
  const requirement = citedRequirement(question.content, requirements);
  if (requirement?.kind === 'credential') return null;
  return { question: question.content, answer: answer.content, reason, requirement };
}

export function planNextQuestion(
  input: GenerationInput,
  requirements: readonly Requirement[],
): QuestionPlan {
  const asked = input.transcript.filter((entry) => entry.role === 'interviewer');
  const questionStems = asked.map((entry) => askedStems(entry.content));
  const followUp = findFollowUp(input.transcript, requirements);
  const lastType = asked.at(-1)?.questionType ?? null;
  const type = input.wantedType ?? (followUp && lastType ? lastType : chooseType(asked));
  const uncovered = requirements.filter((r) => !isCovered(r, questionStems));
  const covered = requirements.filter((r) => isCovered(r, questionStems));
  return {
    type,
    followUp,
    uncovered,
    covered,
    askedQuestions: asked.map((entry) => entry.content),
    questionNumber: asked.length + 1,
  };
}
