// When the last answer deserves a follow-up: it was short, or vague without anything concrete.

import type { Requirement } from '../analysis/types.js';
import { wordCount } from '../text/normalise.js';
import { hasRefusal } from '../text/refusal.js';
import { citedRequirement } from './coverage.js';
import type { TranscriptEntry } from './types.js';

export interface FollowUp {
  question: string;
  answer: string;
  /** `passed`: the candidate said they do not know or skipped; their words are not quoted back. */
  reason: 'short' | 'vague' | 'passed';
  /** The requirement the last question was about, when it can be recognised. */
  requirement: Requirement | null;
}

/** Each reason in words, for summaries and prompts. */
export const FOLLOW_UP_REASON: Record<FollowUp['reason'], string> = {
  short: 'a short answer',
  vague: 'a vague answer',
  passed: 'an answer that passed on the question',
};

const HEDGES =
  /\b(?:i guess|maybe|not sure|i think so|kind of|sort of|stuff|things like that|it depends|probably|i don'?t know|whatever|and so on|etc|i try my best|usually it works)\b/i;
const CONCRETE =
  /\d|\bfor example\b|\bfor instance\b|\bwhen i\b|\bi (?:led|built|started|changed|wrote|asked|called)\b/i;

/** Why an answer deserves a follow-up, or null when it stands on its own. */
export function weakAnswerReason(answer: string): FollowUp['reason'] | null {
  const words = wordCount(answer);
  if (words < 30 && hasRefusal(answer)) return 'passed';
  if (words < 15) return 'short';
  if (words < 60 && HEDGES.test(answer) && !CONCRETE.test(answer)) return 'vague';
  return null;
}

export function findFollowUp(
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
