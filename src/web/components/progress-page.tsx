import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api.js';
import { plural, postingName } from '../format.js';
import { useLoaded } from '../hooks.js';
import type { Session } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { PostingProgress } from './posting-progress.js';

interface ProgressPageProps {
  postingId: string | null;
  onSelectPosting: (id: string) => void;
  onPractise: (session: Session) => void;
  onOpenInterview: (sessionId: string) => void;
  onBack: () => void;
}

const scoreText = (score: number | null) => (score === null ? 'not scored yet' : `${score}`);

/** Progress per job posting: pick a posting, see how its interviews went. */
export function ProgressPage(props: ProgressPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state, reload } = useLoaded(() => api.progressOverview(), []);
  useEffect(() => headingRef.current?.focus(), []);

  const postings = state.kind === 'ready' ? state.data.job_postings : [];
  const selected = postings.find((p) => p.job_posting_id === props.postingId) ?? postings[0];

  return (
    <main class="workspace progress-page">
      <div class="page-head">
        <h1 ref={headingRef} tabIndex={-1}>
          Your progress
        </h1>
        <button type="button" class="button button-quiet" onClick={props.onBack}>
          Back to interviews
        </button>
      </div>
      {state.kind === 'loading' ? <p class="empty">Loading your job postings…</p> : null}
      {state.kind === 'error' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
      {state.kind === 'ready' && postings.length === 0 ? (
        <p class="empty">Add a job posting and practise for it: your progress shows here.</p>
      ) : null}
      {postings.length > 0 ? (
        <div class="columns progress-columns">
          <section class="card" aria-labelledby="progress-postings-heading">
            <h2 id="progress-postings-heading">Job postings</h2>
            <ul class="past" aria-label="Job postings with progress">
              {postings.map((p) => (
                <li key={p.job_posting_id}>
                  <button
                    type="button"
                    class={`past-item${p === selected ? ' past-current' : ''}`}
                    aria-current={p === selected ? 'true' : undefined}
                    onClick={() => props.onSelectPosting(p.job_posting_id)}
                  >
                    <span class="past-title">{postingName(p)}</span>
                    <span class="past-meta">
                      {plural(p.sessions, 'interview')} · latest {scoreText(p.latest_score)} · best{' '}
                      {scoreText(p.best_score)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {selected ? (
            <PostingProgress
              key={selected.job_posting_id}
              postingId={selected.job_posting_id}
              name={postingName(selected)}
              onPractise={props.onPractise}
              onOpenInterview={props.onOpenInterview}
            />
          ) : null}
        </div>
      ) : null}
    </main>
  );
}
