import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api.js';
import { setToken } from '../../auth-store.js';
import { fieldErrorsOf } from '../../field-errors.js';
import type { User } from '../../types.js';
import { ErrorNotice } from '../error-notice.js';
import { Field } from '../field.js';

interface PasswordFormProps {
  user: User;
  /** The change ended this login too and logging in again failed: back to the login form. */
  onLoggedOut: (notice: string) => void;
}

/**
 * A password change ends every earlier login, this tab's included, so the form logs in
 * again with the new password straight away: the person stays where they were.
 */
export function PasswordForm({ user, onLoggedOut }: PasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const wrong = error instanceof ApiError && error.code === 'WRONG_PASSWORD';
  const fields = fieldErrorsOf(error);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.changePassword({ current_password: current, new_password: next });
    } catch (err) {
      setError(err);
      setBusy(false);
      return;
    }
    try {
      const token = await api.login({ email: user.email, password: next });
      setToken(token.access_token);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch {
      onLoggedOut('Your password was changed and every login was ended. Log in with the new one.');
    }
    setBusy(false);
  }

  return (
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form onSubmit={submit} noValidate>
        <Field
          label="Current password"
          type="password"
          value={current}
          onInput={setCurrent}
          required
          autoComplete="current-password"
          error={wrong ? 'This is not your current password. Check it and try again.' : undefined}
        />
        <Field
          label="New password"
          type="password"
          value={next}
          onInput={setNext}
          required
          autoComplete="new-password"
          hint="At least 8 characters."
          error={fields.new_password}
        />
        {wrong ? null : <ErrorNotice error={error} fieldsInline />}
        {done ? (
          <p class="notice notice-success" role="status">
            Password changed. Every other login (other browsers and devices) was logged out; you are
            still logged in here.
          </p>
        ) : null}
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
