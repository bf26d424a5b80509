import { formatDateTime, plural, postingName, SESSION_STATUS_LABEL } from '../format.js';
import type { JobPosting, Session } from '../types.js';

interface PastInterviewsProps {
  sessions: Session[] | null;
  postings: JobPosting[] | null;
  currentId: string | null;
  onOpen: (id: string) => void;
}

export function PastInterviews({ sessions, postings, currentId, onOpen }: PastInterviewsProps) {
  const titleOf = (s: Session) => {
    const p = postings?.find((x) => x.id === s.job_posting_id);
    return p ? postingName(p) : 'Job posting';
  };
  return (
    <section class="card" aria-labelledby="past-heading">
      <h2 id="past-heading">Past interviews</h2>
      {sessions === null ? <p class="empty">Loading…</p> : null}
      {sessions?.length === 0 ? (
        <p class="empty">Your interviews will be listed here, newest first.</p>
      ) : null}
      <ul class="past" aria-label="Past interviews">
        {(sessions ?? []).map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class={`past-item${s.id === currentId ? ' past-current' : ''}`}
              aria-current={s.id === currentId ? 'true' : undefined}
              onClick={() => onOpen(s.id)}
            >
              <span class="past-title">{titleOf(s)}</span>
              <span class="past-meta">
                <span class={`badge badge-${s.status}`}>{SESSION_STATUS_LABEL[s.status]}</span>{' '}
                {formatDateTime(s.created_at)} · {plural(s.question_count, 'question')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
