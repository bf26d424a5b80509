import { useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorNotice } from './error-notice.js';

interface DeleteInterviewProps {
  sessionId: string;
  onDeleted: () => void;
}

/** "Delete interview", then a confirmation: the transcript, feedback and report go for good. */
export function DeleteInterview({ sessionId, onDeleted }: DeleteInterviewProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  function ask() {
    setConfirming(true);
    // The safe choice has the focus.
    requestAnimationFrame(() => keepRef.current?.focus());
  }

  function keep() {
    setConfirming(false);
    setError(null);
    requestAnimationFrame(() => askRef.current?.focus());
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.deleteSession(sessionId);
      onDeleted();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button type="button" ref={askRef} class="button button-quiet" onClick={ask}>
        Delete interview
      </button>
    );
  }
  return (
    <div class="notice notice-error confirm" role="group" aria-labelledby="delete-interview-ask">
      <p id="delete-interview-ask">
        Delete this interview with its transcript, feedback and report? This cannot be undone.
      </p>
      <ErrorNotice error={error} />
      <div class="actions">
        <button type="button" class="button button-danger" onClick={remove} disabled={busy}>
          Yes, delete it
        </button>
        <button type="button" ref={keepRef} class="button button-secondary" onClick={keep}>
          Keep it
        </button>
      </div>
    </div>
  );
}
