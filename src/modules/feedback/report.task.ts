import { randomUUID } from 'node:crypto';
import { GenerationError } from '../../llm/feedback/shared.js';
import type { ClaimedOperation } from '../operations/generation-queue.repository.js';
import type { EvaluationStore } from './evaluation-store.repository.js';
import { buildReport } from './report-builder.js';
import { runOperation, type TaskDeps } from '../operations/run-operation.js';

const WORDING = {
  name: 'report building',
  interrupted: 'Building the interview report was interrupted repeatedly. Please try again.',
  internal:
    'The interview report could not be built because of an internal error. Please try again.',
};

/**
 * The session_report task. The queue runs a session's operations in order, so every
 * feedback created before this report has ended (completed or failed) when it runs.
 */
export function createSessionReportTask(deps: TaskDeps & { store: EvaluationStore }) {
  return (op: ClaimedOperation, shutdown: AbortSignal): Promise<void> =>
    runOperation(op, shutdown, deps, WORDING, async (log) => {
      const context = await deps.store.loadReportContext(op);
      if (!context) throw new GenerationError('invalid_output', 'The interview no longer exists.');
      const report = buildReport(context);
      const done = await deps.store.completeReport(op, randomUUID(), report);
      if (!done) return 'not_held';
      log.info({ overall_score: report.overallScore }, 'report built');
      return 'completed';
    });
}
