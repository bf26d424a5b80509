// Feedback from any OpenAI-compatible chat model, held to the same rubric as the offline
// evaluator: the model judges levels and quotes, the code locates every quote in the answer
// (dropping those it cannot find), computes the score and decides what may be scored.

import { APICallError, generateObject } from 'ai';
import { createChatModel } from '../openai/chat-model.js';
import { loadTagger } from './nlp.js';
import {
  CRITERION_KEYS,
  type AnswerEvaluator,
  type Criterion,
  type Evaluation,
  type EvaluationInput,
} from './evaluator.js';
import {
  buildEvaluationPrompt,
  EVALUATION_SYSTEM_PROMPT,
  evaluationOutputSchema,
  type EvaluationOutput,
} from './evaluation-prompt.js';
import { evaluationFailure } from './evaluation-failures.js';
import { evaluateOffline } from './offline-evaluator.js';
import { withPlaceholders } from './example-answer.js';
import { finalise } from './rubric.js';
import { locateQuote } from './spans.js';
import {
  GenerationError,
  openAIGeneratorName,
  providerHost,
  type OpenAIGeneratorOptions,
} from './shared.js';

const ATTEMPTS = 2;

/** The model's judgement, checked: quotes located, unsupported levels withdrawn. */
export function fromModelOutput(out: EvaluationOutput, input: EvaluationInput): Evaluation {
  const answer = input.answer;
  const locate = (quotes: string[]) =>
    quotes.map((q) => locateQuote(answer, q)).filter((s): s is NonNullable<typeof s> => s !== null);
  const criteria: Criterion[] = CRITERION_KEYS.map((key) => {
    const given = out.criteria.find((c) => c.key === key);
    if (!given) return { key, level: null, comment: 'Not judged by the model.', evidence: [] };
    const evidence = locate(given.quotes).slice(0, 3);
    // A level above 0 resting on words that are not in the answer is not a judgement of it.
    if (given.level !== null && given.level > 0 && evidence.length === 0) {
      return {
        key,
        level: null,
        comment: 'The model’s evidence was not found in the answer, so this is not judged.',
        evidence: [],
      };
    }
    return {
      key,
      level: given.level,
      comment: given.comment,
      evidence: given.level === null ? [] : evidence,
    };
  });
  const example = out.example_answer?.trim()
    ? withPlaceholders(out.example_answer.trim(), [answer, input.resume ?? ''])
    : null;
  return finalise({
    answerClass: out.answer_class,
    summary: out.summary,
    criteria,
    strengths: out.strengths
      .map((s) => ({ text: s.text, evidence: locate(s.quotes).slice(0, 2) }))
      .filter((s) => s.evidence.length > 0),
    improvements: out.improvements,
    requirement:
      input.question.requirement && out.requirement_status
        ? { text: input.question.requirement, status: out.requirement_status }
        : input.question.requirement
          ? { text: input.question.requirement, status: 'absent' }
          : null,
    exampleAnswer: example,
    generator: 'openai',
  });
}

/** The offline evaluation, whose class decides whether the model is asked at all. */
export type AnswerScreen = (input: EvaluationInput, signal: AbortSignal) => Promise<Evaluation>;

export function createOpenAIEvaluator(
  options: OpenAIGeneratorOptions,
  screen: AnswerScreen = (input) => evaluateOffline(input),
): AnswerEvaluator {
  const model = createChatModel(options);
  const host = providerHost(options.baseUrl);

  return {
    name: openAIGeneratorName(options),
    prepare: async () => void (await loadTagger()),
    async evaluate(input, { signal: callerSignal }): Promise<Evaluation> {
      // "I don't know" and four words are never sent to a model: they are not scored, whatever it says.
      const offline = await screen(input, callerSignal);
      if (offline.answerClass === 'non_answer' || offline.answerClass === 'too_short')
        return offline;

      // The worker owns the time budget: its signal fires with the failure a person reads.
      const signal = callerSignal;
      let rejection: string | null = null;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        try {
          const { object } = await generateObject({
            model,
            schema: evaluationOutputSchema,
            schemaName: 'answer_feedback',
            system: EVALUATION_SYSTEM_PROMPT,
            prompt: buildEvaluationPrompt(input, rejection),
            abortSignal: signal,
            maxRetries: 0,
            temperature: 0,
            maxOutputTokens: 1_500,
          });
          return fromModelOutput(object, input);
        } catch (error) {
          const failure = evaluationFailure(error, {
            signal,
            providerHost: host,
          });
          if (failure.kind !== 'invalid_output' || APICallError.isInstance(error)) throw failure;
          rejection = 'it was not one JSON object of the required shape';
        }
      }
      throw new GenerationError(
        'invalid_output',
        'The model did not return usable feedback in two tries. Try again, or configure a more capable model.',
      );
    },
  };
}
