// The interview plan both generators follow, so a question is chosen by rule, not by luck:
// rotate the types, move to requirements the session has not covered, and dig into the
// last answer when it was short or vague.

import { analyseContext } from '../analysis/context-analysis.js';
import type { Requirement } from '../analysis/types.js';
import { askedStems, isCovered } from './coverage.js';
import { firstTypeFor, weakFirst } from './practice.js';
import { findFollowUp, type FollowUp } from './follow-up.js';
import type { GenerationInput, QuestionType, TranscriptEntry } from './types.js';

/** Warm up on experience, then alternate hard skills with stories and scenarios. */
export const TYPE_ROTATION: readonly QuestionType[] = [
  'experience',
  'technical',
  'behavioral',
  'situational',
];

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

export function planNextQuestion(
  input: GenerationInput,
  requirements: readonly Requirement[],
): QuestionPlan {
  const asked = input.transcript.filter((entry) => entry.role === 'interviewer');
  const questionStems = asked.map((entry) => askedStems(entry.content));
  const followUp = findFollowUp(input.transcript, requirements);
  const lastType = asked.at(-1)?.questionType ?? null;
  const practice = input.practice;
  const opening = asked.length === 0 && practice ? firstTypeFor(practice) : null;
  const type = input.wantedType ?? opening ?? (followUp && lastType ? lastType : chooseType(asked));
  const order = practice ? weakFirst(practice) : <T>(list: T[]) => list;
  const uncovered = order(requirements.filter((r) => !isCovered(r, questionStems)));
  const covered = order(requirements.filter((r) => isCovered(r, questionStems)));
  return {
    type,
    followUp,
    uncovered,
    covered,
    // Questions answered well in earlier sessions count as asked, so they are not repeated;
    // they go first, so "the last question asked" stays this session's.
    askedQuestions: [...(practice?.answeredWell ?? []), ...asked.map((entry) => entry.content)],
    questionNumber: asked.length + 1,
  };
}

/** What a model-backed generator needs before it calls the model: the plan, and whether a resume was read. */
export interface PlannedQuestion {
  plan: QuestionPlan;
  hasResume: boolean;
}

/** Reads the posting and resume and plans the next question (CPU work: run it in a thread). */
export function planQuestion(input: GenerationInput): PlannedQuestion {
  const context = analyseContext(input.jobPosting, input.resume);
  return {
    plan: planNextQuestion(input, context.posting.requirements),
    hasResume: context.resume !== null,
  };
}
