import { useRef } from 'preact/hooks';
import { OPERATION_STATUS_LABEL, QUESTION_TYPE_LABEL } from '../format.js';
import { useElapsedSeconds } from '../hooks.js';
import type { Message } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import type { Generation } from '../use-question-generation.js';

interface CurrentQuestionProps {
  question: Message | undefined;
  number: number;
  answered: boolean;
  gen: Generation;
  onRetry: () => void;
}

/** The newest question, with the progress or failure of the next one. */
export function CurrentQuestion({
  question,
  number,
  answered,
  gen,
  onRetry,
}: CurrentQuestionProps) {
  const since = gen.kind === 'waiting' ? gen.since : null;
  const elapsed = useElapsedSeconds(since);
  const focus = question?.focus;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The alert holding the button goes away on retry; keep keyboard focus in this region.
  const retry = () => {
    headingRef.current?.focus();
    onRetry();
  };

  return (
    <section class="current-question" aria-labelledby="current-question-heading">
      <h3 id="current-question-heading" tabIndex={-1} ref={headingRef}>
        Current question
      </h3>
      {gen.kind === 'requesting' || gen.kind === 'waiting' ? (
        <div class="progress">
          <span class="spinner" aria-hidden="true" />
          <p role="status">
            Preparing the next question:{' '}
            <strong>
              {gen.kind === 'waiting' ? OPERATION_STATUS_LABEL[gen.status] : 'Sending the request'}
            </strong>
          </p>
          <p class="elapsed">{elapsed} s</p>
        </div>
      ) : null}
      {gen.kind === 'failed' ? (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>The next question could not be written.</strong> {gen.message}
          </p>
          <button type="button" class="button button-secondary" onClick={retry}>
            Try again
          </button>
        </div>
      ) : null}
      {gen.kind === 'error' ? <ErrorNotice error={gen.error} onRetry={retry} /> : null}
      {question ? (
        <div class="question">
          <p class="question-meta">
            <span class="question-number">Question {number}</span>
            {question.question_type ? (
              <span class={`badge badge-type badge-${question.question_type}`}>
                {QUESTION_TYPE_LABEL[question.question_type]}
              </span>
            ) : null}
            {answered ? <span class="badge badge-answered">Answered</span> : null}
          </p>
          <p class="question-text">{question.content}</p>
          {focus ? (
            <div class="focus">
              <p class="focus-summary">
                <span class="focus-label">What it targets:</span> {focus.summary}
              </p>
              {focus.requirement || focus.evidence ? (
                <dl>
                  {focus.requirement ? (
                    <>
                      <dt>From the job posting</dt>
                      <dd>{focus.requirement}</dd>
                    </>
                  ) : null}
                  {focus.evidence ? (
                    <>
                      <dt>From your resume</dt>
                      <dd>{focus.evidence}</dd>
                    </>
                  ) : null}
                </dl>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : gen.kind === 'idle' ? (
        <p class="empty">No question yet. Press Next question to get the first one.</p>
      ) : null}
    </section>
  );
}
