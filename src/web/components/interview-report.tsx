import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useElapsedSeconds } from '../hooks.js';
import { plural } from '../format.js';
import {
  CRITERION_LABEL,
  meanLevelLabel,
  RATING_LABEL,
  REQUIREMENT_STATUS_LABEL,
} from '../feedback-format.js';
import type { Report } from '../types.js';
import type { ReportState } from '../use-session-report.js';
import { ErrorNotice } from './error-notice.js';

interface InterviewReportProps {
  state: ReportState;
  onRequest: () => void;
  onReload: () => void;
  /** Shown with a report that is ready (its downloads). */
  children?: ComponentChildren;
}

/** The report of a completed interview, or its progress, or why there is none. */
export function InterviewReport({ state, onRequest, onReload, children }: InterviewReportProps) {
  const elapsed = useElapsedSeconds(state.kind === 'waiting' ? state.since : null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The button goes away with the notice holding it; keep keyboard focus in this region.
  const request = () => {
    headingRef.current?.focus();
    onRequest();
  };
  return (
    <section class="interview-report" aria-label="Interview report">
      <h3 tabIndex={-1} ref={headingRef}>
        Interview report
      </h3>
      {state.kind === 'loading' ? <p class="empty">Loading the report…</p> : null}
      {state.kind === 'waiting' ? (
        <div class="progress">
          <span class="spinner" aria-hidden="true" />
          <p role="status">
            Building your report:{' '}
            <strong>
              {state.status === 'processing' ? 'Reading your answers' : 'Waiting in line'}
            </strong>
          </p>
          <p class="elapsed">{elapsed} s</p>
        </div>
      ) : null}
      {state.kind === 'none' ? (
        state.nothingToReport ? (
          <p class="empty">No question was answered, so there is nothing to report.</p>
        ) : (
          <div class="notice notice-info">
            <p>There is no report for this interview yet.</p>
            <button type="button" class="button button-secondary" onClick={request}>
              Build the report
            </button>
          </div>
        )
      ) : null}
      {state.kind === 'failed' ? (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>The report could not be built.</strong> {state.message}
          </p>
          <button type="button" class="button button-secondary" onClick={request}>
            Try again
          </button>
        </div>
      ) : null}
      {state.kind === 'error' ? <ErrorNotice error={state.error} onRetry={onReload} /> : null}
      {state.kind === 'ready' ? (
        <>
          {children}
          <ReportDetails report={state.report} />
        </>
      ) : null}
    </section>
  );
}

function ReportDetails({ report: r }: { report: Report }) {
  return (
    <div class="report">
      <p class="feedback-score">
        {r.overall_score !== null ? (
          <>
            <span class="score">{r.overall_score}</span>
            <span class="score-of">/ 100</span>
            {r.rating ? (
              <span class={`badge badge-${r.rating}`}>{RATING_LABEL[r.rating]}</span>
            ) : null}
          </>
        ) : (
          <span class="badge badge-unscored">Not scored</span>
        )}
      </p>
      <p class="meta">
        {plural(r.questions, 'question')} asked · {r.answered} answered · {r.scored} scored
      </p>
      <p class="feedback-summary">{r.summary}</p>
      <h4>Criteria</h4>
      <dl class="criteria">
        {r.criteria.map((c) => (
          <div key={c.key} class="criterion">
            <dt>{CRITERION_LABEL[c.key]}</dt>
            <dd>
              {meanLevelLabel(c.mean_level)}
              {c.n > 0 ? ` (${plural(c.n, 'answer')})` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <div class="table-wrap">
        <table class="requirements">
          <caption>Requirements</caption>
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">In your answers</th>
            </tr>
          </thead>
          <tbody>
            {r.requirements.map((req, i) => (
              <tr key={i}>
                <td>{req.text}</td>
                <td>
                  <span class={`badge badge-req-${req.status}`}>
                    {REQUIREMENT_STATUS_LABEL[req.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TextList
        title="Strengths"
        items={r.strengths.map((s) => ({ text: s.text, quote: s.quote }))}
      />
      <TextList title="To improve" items={r.improvements} />
      <TextList
        title="What to practise next"
        items={r.practice_next.map((p) => ({ text: `${p.requirement}: ${p.reason}` }))}
      />
    </div>
  );
}

function TextList({ title, items }: { title: string; items: { text: string; quote?: string }[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            {item.text}
            {item.quote ? <q>{item.quote}</q> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
