// What a model must send back, and the checks a reply must pass before it becomes a
// question. The schema catches the wrong shape; the checks catch what a schema cannot:
// several questions in one, a repeat of the session, the wrong type.

import { z } from 'zod';
import { isNearDuplicate } from '../plan/near-duplicate.js';
import type { QuestionPlan } from '../plan/question-plan.js';
import { QUESTION_TYPES, type GeneratedQuestion, type QuestionType } from '../plan/types.js';
import { QUESTION_LENGTH } from './prompt.js';

export const questionOutputSchema = z.object({
  question_text: z.string().min(1),
  question_type: z.enum(QUESTION_TYPES),
  // Lenient on focus: smaller models drop null fields, and the plan can fill them in.
  focus: z
    .object({
      requirement: z.string().nullish(),
      evidence: z.string().nullish(),
      summary: z.string().nullish(),
    })
    .nullish(),
});

export type QuestionOutput = z.infer<typeof questionOutputSchema>;

/** Why a reply cannot be used, phrased to complete "rejected because ...", or null if it can. */
export function rejectionReason(
  output: QuestionOutput,
  plan: QuestionPlan,
  wantedType: QuestionType | undefined,
): string | null {
  const text = output.question_text.trim();
  if (text.length < QUESTION_LENGTH.min) return 'the question was too short';
  if (text.length > QUESTION_LENGTH.max) return 'the question was too long';
  if ((text.match(/\?/g) ?? []).length > 3 || /(?:^|\n)\s*(?:\d+[.)]|[-*•])\s+\S/.test(text)) {
    return 'it contained several questions instead of one';
  }
  if (wantedType && output.question_type !== wantedType) {
    return `it was of type ${output.question_type} instead of ${wantedType}`;
  }
  if (isNearDuplicate(text, plan.askedQuestions)) return 'it repeated a question already asked';
  return null;
}

export function toGeneratedQuestion(
  output: QuestionOutput,
  plan: QuestionPlan,
  hasResume: boolean,
): GeneratedQuestion {
  const focus = output.focus ?? {};
  const requirement = focus.requirement?.trim() || plan.uncovered[0]?.text || null;
  const evidence = hasResume ? focus.evidence?.trim() || null : null;
  const fallbackSummary = hasResume
    ? `Targets ${requirement ? `"${requirement}"` : 'the posting'}${evidence ? ` with "${evidence}" from the resume` : ''}.`
    : `No resume on file, so this is a job-only question${requirement ? ` about "${requirement}"` : ''}.`;
  let summary = focus.summary?.trim() || fallbackSummary;
  if (!hasResume && !/no resume/i.test(summary)) summary = `No resume on file. ${summary}`;
  return {
    questionText: output.question_text.trim().replace(/\s+/g, ' '),
    questionType: output.question_type,
    focus: { requirement, evidence, summary },
  };
}
