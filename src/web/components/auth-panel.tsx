import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { setToken } from '../auth-store.js';
import { fieldErrorsOf } from '../field-errors.js';
import type { User } from '../types.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';

interface AuthPanelProps {
  /** The previous login expired: ask to log in again, keeping the page as it was. */
  expired: boolean;
  initialEmail?: string;
  /** Why the person is logged out (they logged out everywhere, deleted the account...). */
  notice?: string | null;
  onLoggedIn: (user: User) => void;
}

export function AuthPanel({ expired, initialEmail = '', notice, onLoggedIn }: AuthPanelProps) {
  const [mode, setMode] = useState<'signup' | 'login'>(expired || notice ? 'login' : 'signup');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [fullName, setFullName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const passwordRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (expired) passwordRef.current?.focus();
  }, [expired]);

  const signup = mode === 'signup';
  const fields = fieldErrorsOf(error);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signup) await api.register({ email, password, full_name: fullName });
      const token = await api.login({ email, password });
      setToken(token.access_token);
      onLoggedIn(await api.me());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  function switchMode() {
    setMode(signup ? 'login' : 'signup');
    setError(null);
    headingRef.current?.focus();
  }

  return (
    <section class="card auth" aria-labelledby="auth-heading">
      <h2 id="auth-heading" ref={headingRef} tabIndex={-1}>
        {signup ? 'Create your account' : 'Log in'}
      </h2>
      {expired ? (
        <p class="notice notice-info" role="status">
          Your login has expired. Log in again to carry on; everything you typed is still here.
        </p>
      ) : notice ? (
        <p class="notice notice-info" role="status">
          {notice}
        </p>
      ) : (
        <p class="lead">
          Practise job interviews with questions built from your resume and the job you want.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {signup ? (
          <Field
            label="Full name"
            value={fullName}
            onInput={setFullName}
            required
            autoComplete="name"
            error={fields.full_name}
          />
        ) : null}
        <Field
          label="Email"
          type="email"
          value={email}
          onInput={setEmail}
          required
          autoComplete="email"
          error={fields.email}
        />
        <Field
          label="Password"
          type="password"
          value={password}
          onInput={setPassword}
          required
          autoComplete={signup ? 'new-password' : 'current-password'}
          hint={signup ? 'At least 8 characters.' : undefined}
          error={fields.password}
          inputRef={passwordRef}
        />
        <ErrorNotice error={error} fieldsInline />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {signup ? 'Sign up' : 'Log in'}
          </button>
        </div>
      </form>
      <p class="switch">
        {signup ? 'Been here before?' : 'New here?'}{' '}
        <button type="button" class="link-button" onClick={switchMode}>
          {signup ? 'I already have an account' : 'Create a new account'}
        </button>
      </p>
    </section>
  );
}
