// The default evaluator: no network, deterministic, a few milliseconds. It reads the
// answer with compromise, classifies it, judges the five criteria of the rubric and ties
// the answer to the requirement its question targeted.

import { classify } from './answer-class.js';
import { loadTagger } from './nlp.js';
import { readAnswer } from './answer-reading.js';
import { judgeCriteria } from './criteria.js';
import type { AnswerEvaluator, Evaluation, EvaluationInput } from './evaluator.js';
import { buildExampleAnswer } from './example-answer.js';
import { improvementsOf, scoredSummary, strengthsOf } from './feedback-text.js';
import { requirementStatus } from './requirements.js';
import { questionTerms } from './question-terms.js';
import { finalise } from './rubric.js';
import { stemSet } from './shared.js';
import { expandStems } from './stem-match.js';

const ANSWER_WITH_AN_EXAMPLE =
  'Answer with one real example: where you were, what you did yourself, and what came of it.';

export async function evaluateOffline(input: EvaluationInput): Promise<Evaluation> {
  const { question, jobPosting, resume } = input;
  const posting = [jobPosting.title, jobPosting.description, jobPosting.techStack ?? ''].join('\n');
  const reading = await readAnswer(input.answer, `${question.text}\n${posting}\n${resume ?? ''}`);
  const requirementStems = question.requirement ? stemSet(question.requirement) : null;
  const postingStems = stemSet(`${posting}\n${resume ?? ''}`);
  const context = new Set([...(requirementStems ?? []), ...postingStems]);
  const questionStems = questionTerms(question.text, expandStems(context));
  const related = new Set([...questionStems, ...context]);

  const { answerClass, reason } = classify(reading, question.text, related);
  const substantive = answerClass === 'substantive';
  const requirement = question.requirement
    ? {
        text: question.requirement,
        status: requirementStatus(reading, requirementStems!, substantive),
      }
    : null;
  const criteria = judgeCriteria(reading, {
    questionType: question.type,
    questionStems,
    requirementStems,
    postingStems,
  });
  const topic = new Set([...questionStems, ...(requirementStems ?? [])]);
  const evaluation = finalise({
    answerClass,
    summary: reason ?? '',
    criteria:
      substantive || answerClass === 'off_topic'
        ? criteria
        : criteria.map((c) => ({ ...c, level: null, evidence: [] })),
    strengths: substantive ? strengthsOf(criteria) : [],
    improvements: substantive
      ? improvementsOf(criteria, requirement)
      : [...improvementsOf([], requirement), { text: ANSWER_WITH_AN_EXAMPLE }],
    requirement,
    exampleAnswer: buildExampleAnswer(reading, resume, topic, question.requirement),
    generator: 'offline',
  });
  if (evaluation.status === 'scored')
    evaluation.summary = scoredSummary(evaluation.criteria, evaluation.score!);
  return evaluation;
}

export function createOfflineEvaluator(): AnswerEvaluator {
  return {
    name: 'offline',
    prepare: async () => void (await loadTagger()),
    evaluate: (input) => evaluateOffline(input),
  };
}
