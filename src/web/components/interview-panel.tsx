import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { formatDateTime, plural, postingName, SESSION_STATUS_LABEL } from '../format.js';
import type { JobPosting, Message, Session } from '../types.js';
import { useQuestionGeneration } from '../use-question-generation.js';
import { useAnswerFeedback } from '../use-answer-feedback.js';
import { useFeedbackPreference } from '../use-feedback-preference.js';
import { useSessionReport } from '../use-session-report.js';
import { isTerminal } from '../use-operation.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';
import { CurrentQuestion } from './current-question.js';
import { Transcript } from './transcript.js';
import { DeleteInterview } from './delete-interview.js';
import { ReportDownloads } from './report-downloads.js';
import { InterviewReport } from './interview-report.js';
import { AllFeedback, LatestFeedback } from './session-feedback.js';

interface InterviewPanelProps {
  session: Session;
  posting: JobPosting | null;
  onChange: (session: Session) => void;
  onDeleted: (sessionId: string) => void;
  /** Ask for the first question as soon as the interview is open (practising weak areas). */
  askFirst?: boolean;
}

export function InterviewPanel(props: InterviewPanelProps) {
  const { session, posting, onChange } = props;
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [answer, setAnswer] = useState('');
  const [answering, setAnswering] = useState(false);
  const [answerError, setAnswerError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const nextRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = session.id;
  const feedback = useAnswerFeedback(id);
  const report = useSessionReport(id);
  const [showFeedback, setShowFeedback] = useFeedbackPreference();

  async function refresh(): Promise<Message[]> {
    const [list, fresh] = await Promise.all([api.messages(id), api.getSession(id)]);
    setMessages(list);
    onChange(fresh);
    return list;
  }

  const { gen, busy, nextQuestion, tryAgain, pickUp } = useQuestionGeneration(id, async () => {
    const fresh = await refresh();
    const n = fresh.filter((m) => m.role === 'interviewer').length;
    setAnnouncement(`Question ${n} is ready.`);
  });

  function askForNextQuestion() {
    setAnnouncement('');
    void nextQuestion();
  }

  // Load the transcript, and pick up a question that was still being written (e.g. after a reload).
  async function load() {
    setLoadError(null);
    try {
      const [list, ops] = await Promise.all([api.messages(id), api.sessionOperations(id)]);
      setMessages(list);
      pickUp(ops, list);
      const idle = ops.every(isTerminal);
      if (props.askFirst && idle && !list.some((m) => m.role === 'interviewer'))
        void nextQuestion();
      if (session.status === 'completed') void report.load();
      await feedback.load(ops);
    } catch (err) {
      setLoadError(err);
    }
  }

  useEffect(() => {
    void load();
  }, [id]);

  async function transition(action: 'pause' | 'resume' | 'complete') {
    setActionError(null);
    try {
      const next = await api.transition(id, action);
      onChange(next);
      if (action === 'complete' && 'report_operation_id' in next)
        report.started(next.report_operation_id ?? null);
      // Complete goes away with a completed interview: keep keyboard focus on the page.
      if (action === 'complete') headingRef.current?.focus();
    } catch (err) {
      setActionError(err);
    }
  }

  /** Stores an answer to the open question or, with `questionId`, an earlier one again. */
  async function send(content: string, questionId?: string) {
    const stored = await api.answer(id, content, questionId);
    setMessages((list) => [...(list ?? []), stored]);
    feedback.track(stored.id, stored.feedback_operation_id);
    setAnnouncement(questionId ? 'Your new answer is saved.' : 'Your answer is saved.');
    nextRef.current?.focus();
  }

  async function submitAnswer(event: Event) {
    event.preventDefault();
    setAnswering(true);
    setAnswerError(null);
    try {
      await send(answer);
      setAnswer('');
    } catch (err) {
      setAnswerError(err);
    } finally {
      setAnswering(false);
    }
  }

  const list = messages ?? [];
  const questionIndex = list.findLastIndex((m) => m.role === 'interviewer');
  const question = questionIndex >= 0 ? list[questionIndex] : undefined;
  // An earlier question answered again comes later in the transcript: look at what answers it.
  const answered = list.some((m) => m.role === 'candidate' && m.reply_to === question?.id);
  const questionNumber = list.filter((m) => m.role === 'interviewer').length;
  const active = session.status === 'active';
  const completed = session.status === 'completed';
  const openQuestion = Boolean(question) && !answered;
  const title = posting ? postingName(posting) : 'Job posting';

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
        <div class="actions toolbar">
          {completed ? null : (
            <>
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
            </>
          )}
          <DeleteInterview sessionId={id} onDeleted={() => props.onDeleted(id)} />
        </div>
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
      {showFeedback && !completed && messages ? (
        <LatestFeedback
          messages={messages}
          stateOf={feedback.stateOf}
          onRetry={feedback.tryAgain}
        />
      ) : null}
      {completed ? (
        <>
          <InterviewReport state={report.state} onRequest={report.request} onReload={report.load}>
            <ReportDownloads sessionId={id} />
          </InterviewReport>
          <AllFeedback messages={list} stateOf={feedback.stateOf} onRetry={feedback.tryAgain} />
        </>
      ) : (
        <>
          <label class="check preference">
            <input
              type="checkbox"
              checked={showFeedback}
              onChange={(e) => setShowFeedback(e.currentTarget.checked)}
            />{' '}
            Show feedback after each answer
          </label>
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
                onClick={askForNextQuestion}
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
      <Transcript
        messages={messages}
        onRetry={active ? (questionId, content) => send(content, questionId) : undefined}
        stateOf={showFeedback || completed ? feedback.stateOf : undefined}
      />
    </div>
  );
}
