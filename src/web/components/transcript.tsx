import { formatTime, QUESTION_TYPE_LABEL } from '../format.js';
import type { Message } from '../types.js';

export function Transcript({ messages }: { messages: Message[] | null }) {
  return (
    <>
      {messages === null ? <p class="empty">Loading the transcript…</p> : null}
      {messages?.length === 0 ? <p class="empty">Nothing said yet.</p> : null}
      <ol class="transcript" aria-label="Transcript">
        {(messages ?? []).map((m) => (
          <li key={m.id} class={`turn turn-${m.role}`}>
            <p class="turn-head">
              <span class="speaker">{m.role === 'interviewer' ? 'Interviewer' : 'You'}</span>
              {m.question_type ? (
                <span class="badge badge-type">{QUESTION_TYPE_LABEL[m.question_type]}</span>
              ) : null}
              <time dateTime={m.created_at}>{formatTime(m.created_at)}</time>
            </p>
            <p class="turn-text">{m.content}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
