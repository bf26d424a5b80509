import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { saveFile } from '../save-file.js';
import type { User } from '../types.js';
import { DeleteAccount } from './account/delete-account.js';
import { ModelSettings } from './account/model-settings.js';
import { PasswordForm } from './account/password-form.js';
import { ErrorNotice } from './error-notice.js';

interface AccountPageProps {
  user: User;
  onBack: () => void;
  /** This login ended (everywhere, by a password change, or with the account): show the login form. */
  onLoggedOut: (notice: string) => void;
}

export function AccountPage({ user, onBack, onLoggedOut }: AccountPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const file = await api.exportData();
      saveFile(file.blob, file.name);
      setDownloaded(`Saved as ${file.name}.`);
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  }

  async function logOutEverywhere() {
    setBusy(true);
    setError(null);
    try {
      await api.logoutEverywhere();
      onLoggedOut('You were logged out everywhere: on this device and every other one.');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <main class="workspace account-page">
      <div class="page-head">
        <h1 id="account-heading" ref={headingRef} tabIndex={-1}>
          Your account
        </h1>
        <button type="button" class="button button-quiet" onClick={onBack}>
          Back to interviews
        </button>
      </div>
      <p class="lead">
        Logged in as {user.full_name} ({user.email}).
      </p>
      <div class="columns">
        <div class="column">
          <PasswordForm user={user} onLoggedOut={onLoggedOut} />
          <section class="card" aria-labelledby="logins-heading">
            <h2 id="logins-heading">Logins and data</h2>
            <p>
              Ended a session on a shared computer or lost a device? Log out everywhere ends every
              login of this account, this one included.
            </p>
            <ErrorNotice error={error} />
            {downloaded ? (
              <p class="notice notice-success" role="status">
                {downloaded}
              </p>
            ) : null}
            <div class="actions">
              <button
                type="button"
                class="button button-secondary"
                disabled={busy}
                onClick={logOutEverywhere}
              >
                Log out everywhere
              </button>
              <button
                type="button"
                class="button button-secondary"
                disabled={busy}
                onClick={download}
              >
                Download my data
              </button>
            </div>
          </section>
        </div>
        <div class="column">
          <ModelSettings />
          <DeleteAccount
            onDeleted={() => onLoggedOut('Your account and all its data were deleted.')}
          />
        </div>
      </div>
    </main>
  );
}
