import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api.js';
import { ErrorNotice } from '../error-notice.js';
import { Field } from '../field.js';

const CONFIRMATION = 'DELETE';

interface DeleteAccountProps {
  onDeleted: () => void;
}

/** Deleting is for good, so it takes the word typed out and the password. */
export function DeleteAccount({ onDeleted }: DeleteAccountProps) {
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const wrong = error instanceof ApiError && error.code === 'WRONG_PASSWORD';

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    if (typed.trim() !== CONFIRMATION) {
      setConfirmError(`Type ${CONFIRMATION} in capital letters to confirm.`);
      return;
    }
    setConfirmError(undefined);
    setBusy(true);
    try {
      await api.deleteAccount(password);
      onDeleted();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section class="card card-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>
        This deletes your account and everything in it for good: resume, job postings, interviews,
        answers, feedback and model settings. Download your data first if you want to keep it.
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          label={`Type ${CONFIRMATION} to confirm`}
          value={typed}
          onInput={setTyped}
          required
          autoComplete="off"
          error={confirmError}
        />
        <Field
          label="Your password"
          type="password"
          value={password}
          onInput={setPassword}
          required
          autoComplete="current-password"
          error={wrong ? 'This is not your password. Nothing was deleted.' : undefined}
        />
        {wrong ? null : <ErrorNotice error={error} fieldsInline />}
        <div class="actions">
          <button type="submit" class="button button-danger" disabled={busy}>
            Delete my account
          </button>
        </div>
      </form>
    </section>
  );
}
