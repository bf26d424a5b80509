import { useRef, useState } from 'preact/hooks';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';

interface RetryAnswerProps {
  /** Stores the new attempt; rejects with the API's error (e.g. 409 TOO_MANY_ATTEMPTS). */
  onSubmit: (content: string) => Promise<void>;
  /** The question's text, so each "Try this question again" says which question it is. */
  questionTextId: string;
}

/** "Try this question again": a new attempt at an answered question, with its own feedback. */
export function RetryAnswer({ onSubmit, questionTextId }: RetryAnswerProps) {
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function start() {
    setOpen(true);
    setError(null);
    requestAnimationFrame(() => fieldRef.current?.focus());
  }

  function cancel() {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(content);
      setContent('');
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        ref={buttonRef}
        class="button button-quiet retry-button"
        aria-describedby={questionTextId}
        onClick={start}
      >
        Try this question again
      </button>
    );
  }
  return (
    <form class="retry-form" onSubmit={submit} noValidate>
      <Field
        label="Your new answer"
        multiline
        rows={4}
        value={content}
        onInput={setContent}
        required
        maxLength={20_000}
        inputRef={fieldRef}
        hint="A new attempt gets its own feedback; the report counts your best one."
      />
      <ErrorNotice error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy || !content.trim()}>
          Submit new answer
        </button>
        <button type="button" class="button button-secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
