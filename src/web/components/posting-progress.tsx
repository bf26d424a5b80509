import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoaded } from '../hooks.js';
import { plural } from '../format.js';
import type { PostingProgress as Progress, Session } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { CriteriaChart, ScoreChart } from './progress-charts.js';
import { isWeak, RequirementProgressTable } from './requirement-progress.js';

interface PostingProgressProps {
  postingId: string;
  name: string;
  /** A weak-areas interview was started: open it. */
  onPractise: (session: Session) => void;
  onOpenInterview: (sessionId: string) => void;
}

/** The region "Progress" of one job posting: scores and criteria over time, requirements. */
export function PostingProgress({
  postingId,
  name,
  onPractise,
  onOpenInterview,
}: PostingProgressProps) {
  const { state, reload } = useLoaded(() => api.postingProgress(postingId), [postingId]);
  return (
    <section class="card posting-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <p class="lead">{name}</p>
      {state.kind === 'loading' ? <p class="empty">Loading your progress…</p> : null}
      {state.kind === 'error' ? <ErrorNotice error={state.error} onRetry={reload} /> : null}
      {state.kind === 'ready' ? (
        <ProgressDetails
          progress={state.data}
          onPractise={onPractise}
          onOpenInterview={onOpenInterview}
        />
      ) : null}
    </section>
  );
}

interface DetailsProps {
  progress: Progress;
  onPractise: (session: Session) => void;
  onOpenInterview: (sessionId: string) => void;
}

function ProgressDetails({ progress, onPractise, onOpenInterview }: DetailsProps) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const weak = progress.requirements.filter(isWeak);
  const sessions = progress.sessions;

  async function practise() {
    setStarting(true);
    setError(null);
    try {
      onPractise(await api.startSession(progress.job_posting_id, 'weak_areas'));
    } catch (err) {
      setError(err);
      setStarting(false);
    }
  }

  return (
    <>
      <p class="meta">
        {sessions.length === 0
          ? 'No interviews for this job posting yet.'
          : `${plural(sessions.length, 'interview')}, oldest first.`}
      </p>
      <div class="practise">
        <p>
          {weak.length > 0 ? (
            <>
              Still to practise: <strong>{weak.map((r) => r.text).join('; ')}</strong>. A new
              interview on the weak areas asks about these first, and about the criteria with the
              lowest levels.
            </>
          ) : (
            'Every requirement has been shown in an answer. A weak-areas interview works on the criteria with the lowest levels.'
          )}
        </p>
        <button type="button" class="button" onClick={practise} disabled={starting}>
          Practise weak areas
        </button>
        <ErrorNotice error={error} onRetry={practise} />
      </div>
      <div class="chart-grid-2">
        <ScoreChart progress={progress} />
        <CriteriaChart progress={progress} />
      </div>
      <RequirementProgressTable requirements={progress.requirements} />
      {sessions.length > 0 ? (
        <>
          <h3>Interviews</h3>
          <ul class="progress-interviews">
            {sessions.map((s, i) => (
              <li key={s.session_id}>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => onOpenInterview(s.session_id)}
                >
                  Open interview #{i + 1}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
