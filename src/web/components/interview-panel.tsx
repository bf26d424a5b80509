import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDateTime, plural, SESSION_STATUS_LABEL } from '../format.js';
import type { JobPosting, Message, Operation, OperationStatus, Session } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';
import { CurrentQuestion } from './current-question.js';
import { Transcript } from './transcript.js';

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

interface InterviewPanelProps {
  session: Session;
  posting: JobPosting | null;
  onChange: (session: Session) => void;
}

export function InterviewPanel({ session, posting, onChange }: InterviewPanelProps) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [gen, setGen] = useState<Generation>({ kind: 'idle' });
  const [answer, setAnswer] = useState('');
  const [answering, setAnswering] = useState(false);
  const [answerError, setAnswerError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const polling = useRef<AbortController | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = session.id;

  async function refresh(): Promise<Message[]> {
    const [list, fresh] = await Promise.all([api.messages(id), api.getSession(id)]);
    setMessages(list);
    onChange(fresh);
    return list;
  }

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
      const list = await refresh();
      if (ctrl.signal.aborted) return;
      setGen({ kind: 'idle' });
      const n = list.filter((m) => m.role === 'interviewer').length;
      setAnnouncement(`Question ${n} is ready.`);
    } catch (err) {
      if (!ctrl.signal.aborted) setGen({ kind: 'error', error: err, opId, since });
    }
  }

  async function nextQuestion() {
    if (gen.kind === 'requesting' || gen.kind === 'waiting') return;
    setAnnouncement('');
    setGen({ kind: 'requesting' });
    const since = Date.now();
    try {
      const op = await api.generateQuestion(id);
      await follow(op.id, since, op);
    } catch (err) {
      setGen({ kind: 'error', error: err, opId: null, since });
    }
  }

  function tryAgain() {
    if (gen.kind === 'error' && gen.opId) void follow(gen.opId, gen.since, null);
    else void nextQuestion();
  }

  // Load the transcript, and pick up a question that was still being written (e.g. after a reload).
  async function load() {
    setLoadError(null);
    try {
      const [list, ops] = await Promise.all([api.messages(id), api.sessionOperations(id)]);
      setMessages(list);
      const inFlight = ops.find((op) => !isTerminal(op));
      const newest = ops[0];
      const lastQuestion = list.filter((m) => m.role === 'interviewer').at(-1);
      if (inFlight) {
        void follow(inFlight.id, Date.parse(inFlight.created_at) || Date.now(), inFlight);
      } else if (
        newest?.status === 'failed' &&
        (!lastQuestion || Date.parse(newest.updated_at) > Date.parse(lastQuestion.created_at))
      ) {
        setGen({ kind: 'failed', message: newest.error_message ?? 'The last question failed.' });
      }
    } catch (err) {
      setLoadError(err);
    }
  }

  useEffect(() => {
    void load();
    return () => polling.current?.abort();
  }, [id]);

  async function transition(action: 'pause' | 'resume' | 'complete') {
    setActionError(null);
    try {
      onChange(await api.transition(id, action));
      // The toolbar goes away with a completed interview: keep keyboard focus on the page.
      if (action === 'complete') headingRef.current?.focus();
    } catch (err) {
      setActionError(err);
    }
  }

  async function submitAnswer(event: Event) {
    event.preventDefault();
    setAnswering(true);
    setAnswerError(null);
    try {
      const stored = await api.answer(id, answer);
      setAnswer('');
      setMessages((list) => [...(list ?? []), stored]);
      setAnnouncement('Your answer is saved.');
      nextRef.current?.focus();
    } catch (err) {
      setAnswerError(err);
    } finally {
      setAnswering(false);
    }
  }

  const list = messages ?? [];
  const questionIndex = list.findLastIndex((m) => m.role === 'interviewer');
  const question = questionIndex >= 0 ? list[questionIndex] : undefined;
  const answered = list.slice(questionIndex + 1).some((m) => m.role === 'candidate');
  const questionNumber = list.filter((m) => m.role === 'interviewer').length;
  const active = session.status === 'active';
  const completed = session.status === 'completed';
  const busy = gen.kind === 'requesting' || gen.kind === 'waiting';
  const openQuestion = Boolean(question) && !answered;
  const title = posting
    ? `${posting.title}${posting.company ? ` · ${posting.company}` : ''}`
    : 'Job posting';

  return (
    <div class="interview-panel">
      <div class="interview-head">
        <h2 id="interview-heading" tabIndex={-1} ref={headingRef}>
          Interview: {title}
        </h2>
        <p class="meta">
          <span class={`badge badge-${session.status}`}>
            {SESSION_STATUS_LABEL[session.status]}
          </span>{' '}
          Started {formatDateTime(session.created_at)} ·{' '}
          {plural(session.question_count, 'question')}
        </p>
        {completed ? null : (
          <div class="actions toolbar">
            {session.status === 'paused' ? (
              <button type="button" class="button" onClick={() => transition('resume')}>
                Resume
              </button>
            ) : (
              <button
                type="button"
                class="button button-secondary"
                onClick={() => transition('pause')}
              >
                Pause
              </button>
            )}
            <button
              type="button"
              class="button button-secondary"
              onClick={() => transition('complete')}
            >
              Complete interview
            </button>
          </div>
        )}
        <ErrorNotice error={actionError} />
      </div>
      <ErrorNotice error={loadError} onRetry={load} />
      {session.status === 'paused' ? (
        <p class="notice notice-info">
          This interview is paused. Press <strong>Resume</strong> to carry on.
        </p>
      ) : null}
      {completed ? (
        <p class="notice notice-success">This interview is complete. Its transcript is below.</p>
      ) : null}
      <CurrentQuestion
        question={question}
        number={questionNumber}
        answered={answered}
        gen={gen}
        onRetry={tryAgain}
      />
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {completed ? null : (
        <>
          <form class="answer-form" onSubmit={submitAnswer} noValidate>
            <Field
              label="Your answer"
              multiline
              rows={5}
              value={answer}
              onInput={setAnswer}
              required
              maxLength={20_000}
              hint={
                !active
                  ? 'Resume the interview to answer.'
                  : openQuestion
                    ? 'Take your time. Answer as you would in the real interview.'
                    : 'Press Next question to get a question to answer.'
              }
            />
            <ErrorNotice error={answerError} />
            <div class="actions">
              <button
                type="submit"
                class="button"
                disabled={answering || !active || !openQuestion || !answer.trim()}
              >
                Submit answer
              </button>
              {/* aria-disabled while a question is on its way, so keyboard focus stays here. */}
              <button
                type="button"
                ref={nextRef}
                class={`button${openQuestion ? ' button-secondary' : ''}`}
                onClick={nextQuestion}
                disabled={!active}
                aria-disabled={busy ? 'true' : undefined}
              >
                Next question
              </button>
            </div>
          </form>
        </>
      )}
      <h3 id="transcript-heading">Transcript</h3>
      <Transcript messages={messages} />
    </div>
  );
}
