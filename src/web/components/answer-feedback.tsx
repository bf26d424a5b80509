import { useElapsedSeconds } from '../hooks.js';
import {
  CRITERION_LABEL,
  FEEDBACK_PROGRESS_LABEL,
  levelLabel,
  RATING_LABEL,
  REQUIREMENT_STATUS_LABEL,
} from '../feedback-format.js';
import type { Feedback } from '../types.js';
import type { FeedbackState } from '../use-answer-feedback.js';
import { ErrorNotice } from './error-notice.js';
import { HighlightedAnswer } from './highlighted-answer.js';

interface AnswerFeedbackProps {
  state: FeedbackState;
  /** The answer's text, in which the quotes are highlighted. */
  answer: string;
  onRetry: () => void;
}

/** One answer's feedback, or its progress, or why there is none. */
export function AnswerFeedback({ state, answer, onRetry }: AnswerFeedbackProps) {
  const elapsed = useElapsedSeconds(state.kind === 'waiting' ? state.since : null);
  if (state.kind === 'waiting') {
    return (
      <div class="progress">
        <span class="spinner" aria-hidden="true" />
        <p role="status">
          Evaluating your answer: <strong>{FEEDBACK_PROGRESS_LABEL[state.status]}</strong>
        </p>
        <p class="elapsed">{elapsed} s</p>
      </div>
    );
  }
  if (state.kind === 'failed' || state.kind === 'missing') {
    return (
      <div
        class={`notice ${state.kind === 'failed' ? 'notice-error' : 'notice-info'}`}
        role="alert"
      >
        <p>
          {state.kind === 'failed' ? (
            <>
              <strong>Your answer could not be evaluated.</strong> {state.message} Your answer is
              saved.
            </>
          ) : (
            'There is no feedback on this answer yet.'
          )}
        </p>
        <button type="button" class="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={onRetry} />;
  return <FeedbackDetails feedback={state.feedback} answer={answer} />;
}

function FeedbackDetails({ feedback: f, answer }: { feedback: Feedback; answer: string }) {
  const quoted = f.strengths.flatMap((s) => s.evidence);
  return (
    <div class="feedback">
      <p class="feedback-score">
        {f.status === 'scored' && f.score !== null ? (
          <>
            <span class="score">{f.score}</span>
            <span class="score-of">/ 100</span>
            {f.rating ? (
              <span class={`badge badge-${f.rating}`}>{RATING_LABEL[f.rating]}</span>
            ) : null}
          </>
        ) : (
          <span class="badge badge-unscored">Not scored</span>
        )}
      </p>
      <p class="feedback-summary">{f.summary}</p>
      {answer ? <HighlightedAnswer text={answer} spans={quoted} /> : null}
      <h4>Criteria</h4>
      <dl class="criteria">
        {f.criteria.map((c) => (
          <div key={c.key} class="criterion">
            <dt>
              {CRITERION_LABEL[c.key]}: <span class="level">{levelLabel(c.level)}</span>
            </dt>
            <dd>{c.comment}</dd>
          </div>
        ))}
      </dl>
      {f.strengths.length > 0 ? (
        <>
          <h4>Strengths</h4>
          <ul class="strengths">
            {f.strengths.map((s, i) => (
              <li key={i}>
                {s.text}
                {s.evidence.map((e) => (
                  <q key={e.start}>{e.quote}</q>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {f.improvements.length > 0 ? (
        <>
          <h4>To improve</h4>
          <ul class="improvements">
            {f.improvements.map((s, i) => (
              <li key={i}>{s.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {f.requirement ? (
        <p class="feedback-requirement">
          <span class="focus-label">Requirement:</span> {f.requirement.text}{' '}
          <span class={`badge badge-req-${f.requirement.status}`}>
            {REQUIREMENT_STATUS_LABEL[f.requirement.status]}
          </span>
        </p>
      ) : null}
      {f.example_answer ? (
        <details class="example-answer">
          <summary>Example of a strong answer</summary>
          <p>{f.example_answer}</p>
        </details>
      ) : null}
    </div>
  );
}
