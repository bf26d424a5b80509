import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import type { Feedback, Operation, OperationStatus } from './types.js';
import { followOperation, isTerminal } from './use-operation.js';

export type FeedbackState =
  | { kind: 'waiting'; status: OperationStatus; since: number }
  | { kind: 'ready'; feedback: Feedback }
  | { kind: 'failed'; message: string }
  /** The request or the polling failed: the feedback may still come. */
  | { kind: 'error'; error: unknown }
  | { kind: 'missing' };

type ByAnswer = Record<string, FeedbackState>;

const FAILED = 'The answer could not be evaluated.';

/** The newest feedback of each answer, keyed by answer message id. */
function newestByAnswer(list: Feedback[]): ByAnswer {
  const out: ByAnswer = {};
  for (const f of list) out[f.answer_message_id] = { kind: 'ready', feedback: f };
  return out;
}

/**
 * The feedback of a session's answers: loads what is stored, follows each evaluation while
 * it runs, and asks again after a failure. Stops polling when the session changes.
 */
export function useAnswerFeedback(sessionId: string) {
  const [byAnswer, setByAnswer] = useState<ByAnswer>({});
  const polls = useRef(new Set<AbortController>());
  // Evaluations picked up after a reload, whose answer is known only once they finish.
  const [unplaced, setUnplaced] = useState({ count: 0, since: 0 });

  useEffect(() => {
    setByAnswer({});
    setUnplaced({ count: 0, since: 0 });
    const live = polls.current;
    return () => {
      for (const ctrl of live) ctrl.abort();
      live.clear();
    };
  }, [sessionId]);

  const set = (answerId: string, state: FeedbackState) =>
    setByAnswer((all) => ({ ...all, [answerId]: state }));

  async function refresh(): Promise<ByAnswer> {
    const fresh = newestByAnswer(await api.sessionFeedback(sessionId));
    setByAnswer((all) => ({ ...all, ...fresh }));
    return fresh;
  }

  async function follow(answerId: string | null, opId: string, first?: Operation) {
    const ctrl = new AbortController();
    polls.current.add(ctrl);
    const since = first ? Date.parse(first.created_at) || Date.now() : Date.now();
    if (answerId) set(answerId, { kind: 'waiting', status: first?.status ?? 'pending', since });
    try {
      const op = await followOperation(opId, ctrl.signal, (status) => {
        if (answerId) set(answerId, { kind: 'waiting', status, since });
      });
      if (op.status === 'failed') {
        if (answerId) set(answerId, { kind: 'failed', message: op.error_message ?? FAILED });
        return;
      }
      await refresh();
    } catch (error) {
      if (!ctrl.signal.aborted && answerId) set(answerId, { kind: 'error', error });
    } finally {
      polls.current.delete(ctrl);
    }
  }

  /** After an answer is stored: its evaluation is already queued. */
  const track = (answerId: string, opId: string) => void follow(answerId, opId);

  async function tryAgain(answerId: string) {
    set(answerId, { kind: 'waiting', status: 'pending', since: Date.now() });
    try {
      const op = await api.retryFeedback(sessionId, answerId);
      await follow(answerId, op.id, op);
    } catch (error) {
      set(answerId, { kind: 'error', error });
    }
  }

  /** After a (re)load: what is stored, then any evaluation still running. */
  async function load(ops: Operation[]) {
    const fresh = await refresh();
    for (const op of ops) {
      if (op.operation_type !== 'answer_feedback' || isTerminal(op)) continue;
      const since = Date.parse(op.created_at) || Date.now();
      setUnplaced((u) => ({
        count: u.count + 1,
        since: u.count ? Math.min(u.since, since) : since,
      }));
      void follow(null, op.id, op).finally(() =>
        setUnplaced((u) => ({ ...u, count: u.count - 1 })),
      );
    }
    return fresh;
  }

  const stateOf = (answerId: string): FeedbackState =>
    byAnswer[answerId] ??
    (unplaced.count > 0
      ? { kind: 'waiting', status: 'processing', since: unplaced.since }
      : { kind: 'missing' });
  return { stateOf, track, tryAgain, load };
}
