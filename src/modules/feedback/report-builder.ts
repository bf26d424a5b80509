// The interview report, by arithmetic over the stored feedback: nothing here is judged
// again, so a report says exactly what the feedback said, summed up.

import {
  CRITERION_KEYS,
  RUBRIC_VERSION,
  matchRequirement,
  postingRequirements,
  ratingFor,
  type Rating,
} from '../../llm/feedback/index.js';
import type { FeedbackRow } from './feedback.repository.js';
import type { ReportContext } from './evaluation-store.repository.js';

export type ReportRequirementStatus = 'demonstrated' | 'mentioned' | 'absent' | 'untested';

export interface BuiltReport {
  questions: number;
  answered: number;
  scored: number;
  overallScore: number | null;
  rating: Rating | null;
  summary: string;
  criteria: { key: string; mean_level: number | null; n: number }[];
  requirements: { text: string; status: ReportRequirementStatus }[];
  strengths: { text: string; answer_message_id: string; quote: string }[];
  improvements: { text: string; answer_message_id: string }[];
  practiceNext: { requirement: string; reason: string }[];
  generator: 'offline' | 'openai';
  rubricVersion: number;
}

const RANK: Record<ReportRequirementStatus, number> = {
  untested: 0,
  absent: 1,
  mentioned: 2,
  demonstrated: 3,
};
const MAX_ITEMS = 5;

/** The attempt that counts for a question: the best scored one, else the newest evaluated. */
function bestAttempt(attempts: FeedbackRow[]): FeedbackRow | null {
  const scored = attempts.filter((f) => f.status === 'scored');
  if (scored.length > 0) return scored.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
  return attempts.reduce<FeedbackRow | null>((a, b) => (!a || b.seq > a.seq ? b : a), null);
}

export function buildReport(ctx: ReportContext): BuiltReport {
  const byAnswer = new Map(ctx.feedback.map((f) => [f.answer_message_id, f]));
  const answersOf = new Map<string, string[]>();
  for (const a of ctx.answers)
    answersOf.set(a.question_id, [...(answersOf.get(a.question_id) ?? []), a.id]);

  const requirementTexts = postingRequirements(ctx.posting);
  const status = new Map<string, ReportRequirementStatus>(
    requirementTexts.map((r) => [r, 'untested']),
  );
  const best: FeedbackRow[] = [];
  for (const q of ctx.questions) {
    const attempts = (answersOf.get(q.id) ?? []).flatMap((id) => byAnswer.get(id) ?? []);
    const counted = bestAttempt(attempts);
    if (counted) best.push(counted);
    if (!q.requirement) continue;
    // A question's requirement in the posting's words; one the posting list lacks is kept too.
    const text = matchRequirement(q.requirement, requirementTexts) ?? q.requirement;
    let current = status.get(text) ?? 'untested';
    if ((answersOf.get(q.id) ?? []).length > 0 && RANK[current] < RANK.absent) current = 'absent';
    for (const f of attempts) {
      const s = f.requirement?.status;
      if (s && RANK[s] > RANK[current]) current = s;
    }
    status.set(text, current);
  }

  const scored = best.filter((f) => f.status === 'scored');
  const overallScore =
    scored.length === 0
      ? null
      : Math.round(scored.reduce((n, f) => n + f.score!, 0) / scored.length);
  const criteria = CRITERION_KEYS.map((key) => {
    const levels = scored.flatMap((f) =>
      f.criteria.filter((c) => c.key === key && c.level !== null).map((c) => c.level!),
    );
    const mean =
      levels.length === 0
        ? null
        : Math.round((100 * levels.reduce((a, b) => a + b, 0)) / levels.length) / 100;
    return { key, mean_level: mean, n: levels.length };
  });
  const requirements = [...status].map(([text, s]) => ({ text, status: s }));

  const strengths = scored
    .toSorted((a, b) => b.score! - a.score!)
    .flatMap((f) =>
      f.strengths.flatMap((s) =>
        s.evidence[0]
          ? [{ text: s.text, answer_message_id: f.answer_message_id, quote: s.evidence[0].quote }]
          : [],
      ),
    )
    .slice(0, MAX_ITEMS);
  const improvements = best
    .toSorted((a, b) => (a.score ?? -1) - (b.score ?? -1))
    .flatMap((f) =>
      f.improvements.map((i) => ({ text: i.text, answer_message_id: f.answer_message_id })),
    )
    .filter((item, i, all) => all.findIndex((o) => o.text === item.text) === i)
    .slice(0, MAX_ITEMS);
  const practiceNext = requirements
    .filter((r) => r.status !== 'demonstrated')
    .toSorted((a, b) => RANK[b.status] - RANK[a.status])
    .map((r) => ({
      requirement: r.text,
      reason: {
        mentioned: 'You named it but did not show it: prepare one example of doing it.',
        absent: 'Asked about, but your answer did not speak to it.',
        untested: 'Not asked yet: prepare an example before the real interview.',
        demonstrated: '',
      }[r.status],
    }))
    .slice(0, MAX_ITEMS);

  const answered = ctx.questions.filter((q) => (answersOf.get(q.id) ?? []).length > 0).length;
  const unevaluated = ctx.questions.filter(
    (q) =>
      (answersOf.get(q.id) ?? []).length > 0 && !best.some((f) => f.question_message_id === q.id),
  ).length;
  const summary = [
    `${answered} of ${ctx.questions.length} question${ctx.questions.length === 1 ? '' : 's'} answered, ${scored.length} scored.`,
    overallScore === null
      ? 'No answer was scored, so there is no overall score.'
      : `Overall ${overallScore}/100 (${ratingFor(overallScore)}), the mean of the scored answers.`,
    unevaluated > 0
      ? `${unevaluated} answer${unevaluated === 1 ? ' has' : 's have'} no feedback (its evaluation failed).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    questions: ctx.questions.length,
    answered,
    scored: scored.length,
    overallScore,
    rating: overallScore === null ? null : ratingFor(overallScore),
    summary,
    criteria,
    requirements,
    strengths,
    improvements,
    practiceNext,
    generator: best.some((f) => f.generator === 'openai') ? 'openai' : 'offline',
    rubricVersion: RUBRIC_VERSION,
  };
}
