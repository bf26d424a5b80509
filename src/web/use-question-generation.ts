import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';
import type { Message, Operation, OperationStatus } from './types.js';

// Each long-poll waits up to this long for the question before answering with the status
// so far: short at first, so "waiting" turning into "writing" shows up promptly.
const WAIT_SCHEDULE_SECONDS = [2, 5, 10];

export type Generation =
  | { kind: 'idle' }
  | { kind: 'requesting' }
  | { kind: 'waiting'; opId: string; status: OperationStatus; since: number }
  | { kind: 'failed'; message: string }
  /** The request or the polling itself failed; opId set when there is an operation to follow. */
  | { kind: 'error'; error: unknown; opId: string | null; since: number };

const isTerminal = (op: Operation) => op.status === 'completed' || op.status === 'failed';

/**
 * The "next question" of one session: asks for it, follows the operation by long-polling
 * until it ends, and calls `onReady` once the question is stored. Stops polling when the
 * session changes or the component goes away.
 */
export function useQuestionGeneration(sessionId: string, onReady: () => Promise<void>) {
  const [gen, setGen] = useState<Generation>({ kind: 'idle' });
  const polling = useRef<AbortController | null>(null);

  useEffect(() => {
    setGen({ kind: 'idle' });
    return () => polling.current?.abort();
  }, [sessionId]);

  async function follow(opId: string, since: number, first: Operation | null) {
    polling.current?.abort();
    const ctrl = new AbortController();
    polling.current = ctrl;
    setGen({ kind: 'waiting', opId, status: first?.status ?? 'pending', since });
    try {
      let op = first;
      for (let poll = 0; op === null || !isTerminal(op); poll += 1) {
        const wait = WAIT_SCHEDULE_SECONDS[Math.min(poll, WAIT_SCHEDULE_SECONDS.length - 1)]!;
        const next: Operation = await api.waitForOperation(opId, wait, ctrl.signal);
        if (ctrl.signal.aborted) return;
        op = next;
        setGen((g) => (g.kind === 'waiting' ? { ...g, status: next.status } : g));
      }
      if (op.status === 'failed') {
        setGen({
          kind: 'failed',
          message: op.error_message ?? 'The question could not be written. Please try again.',
        });
        return;
      }
      await onReady();
      if (!ctrl.signal.aborted) setGen({ kind: 'idle' });
    } catch (err) {
      if (!ctrl.signal.aborted) setGen({ kind: 'error', error: err, opId, since });
    }
  }

  async function nextQuestion() {
    if (gen.kind === 'requesting' || gen.kind === 'waiting') return;
    setGen({ kind: 'requesting' });
    const since = Date.now();
    try {
      const op = await api.generateQuestion(sessionId);
      await follow(op.id, since, op);
    } catch (err) {
      setGen({ kind: 'error', error: err, opId: null, since });
    }
  }

  function tryAgain() {
    if (gen.kind === 'error' && gen.opId) void follow(gen.opId, gen.since, null);
    else void nextQuestion();
  }

  /** After a (re)load: follow a question still being written, or show the last failure. */
  function pickUp(ops: Operation[], messages: Message[]) {
    const inFlight = ops.find((op) => !isTerminal(op));
    const newest = ops[0];
    const lastQuestion = messages.filter((m) => m.role === 'interviewer').at(-1);
    if (inFlight) {
      void follow(inFlight.id, Date.parse(inFlight.created_at) || Date.now(), inFlight);
    } else if (
      newest?.status === 'failed' &&
      (!lastQuestion || Date.parse(newest.updated_at) > Date.parse(lastQuestion.created_at))
    ) {
      setGen({ kind: 'failed', message: newest.error_message ?? 'The last question failed.' });
    }
  }

  const busy = gen.kind === 'requesting' || gen.kind === 'waiting';
  return { gen, busy, nextQuestion, tryAgain, pickUp };
}
