import { randomUUID } from 'node:crypto';
import { GenerationError, type QuestionGenerator } from '../../llm/generator.js';
import { generateWithRetries } from './generate-with-retries.js';
import type { OperationTask } from './operation-dispatch.js';
import { runOperation, type TaskDeps } from './run-operation.js';

const WORDING = {
  name: 'question generation',
  interrupted: 'Question generation was interrupted repeatedly. Please try again.',
  internal: 'The question could not be generated because of an internal error. Please try again.',
};

const sessionEnded = (status: string) => ({
  fail: `The interview was ${status === 'paused' ? 'paused' : 'completed'} before the question was ready.`,
});

/** The question_generation task: generate the next question and add it to the transcript. */
export function createQuestionGenerationTask(
  deps: TaskDeps & {
    generator: QuestionGenerator;
    /** A user's own provider, when they set one; otherwise `generator`. */
    generatorFor?: (userId: string) => Promise<{ generator: QuestionGenerator }>;
  },
): OperationTask {
  const { queue, metrics, budgetMs } = deps;
  return (op, shutdown) =>
    runOperation(op, shutdown, deps, WORDING, async (log) => {
      if (op.session_status !== 'active') {
        log.info(
          { session_status: op.session_status },
          'interview no longer active; not generating',
        );
        return sessionEnded(op.session_status);
      }
      const stopTimer = metrics.generationDuration.startTimer();
      try {
        const input = await queue.loadContext(op);
        if (!input) throw new GenerationError('invalid_output', 'The interview no longer exists.');
        log.debug('generating question');
        const generator = deps.generatorFor
          ? (await deps.generatorFor(op.user_id)).generator
          : deps.generator;
        await generator.prepare?.();
        const question = await generateWithRetries(generator, input, { budgetMs, shutdown, log });
        const outcome = await queue.complete(op, randomUUID(), question);
        if (outcome.kind === 'completed') {
          log.info({ question_type: question.questionType }, 'question generated');
          return 'completed';
        }
        if (outcome.kind === 'session_not_active') {
          log.info(
            { session_status: outcome.status },
            'interview ended during generation; dropped',
          );
          return sessionEnded(outcome.status);
        }
        return 'not_held';
      } finally {
        stopTimer();
      }
    });
}
