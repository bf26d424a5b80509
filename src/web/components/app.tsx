import { useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedHandler } from '../api.js';
import { getToken, setToken } from '../auth-store.js';
import type { User } from '../types.js';
import { AccountPage } from './account-page.js';
import { AuthPanel } from './auth-panel.js';
import { clearWorkspaceMemory, Workspace, type WorkspaceView } from './workspace.js';

export function App() {
  const [user, setUser] = useState<User | null>(null);
  const [booting, setBooting] = useState(() => getToken() !== null);
  const [expired, setExpired] = useState(false);
  const [page, setPage] = useState<WorkspaceView | 'account'>('practice');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setToken(null);
      setExpired(true);
    });
    if (!getToken()) return;
    api
      .me()
      .then(setUser)
      .catch(() => setExpired(false)) // a stale token from an earlier visit: plain login form
      .finally(() => setBooting(false));
  }, []);

  function loggedIn(next: User) {
    // Someone else logging in on an expired page must not see the previous user's work.
    if (user && user.id !== next.id) clearWorkspaceMemory();
    setUser(next);
    setExpired(false);
    setNotice(null);
  }

  function loggedOut(why: string | null) {
    setToken(null);
    clearWorkspaceMemory();
    setUser(null);
    setExpired(false);
    setPage('practice');
    setNotice(why);
  }

  async function logOut() {
    // The token is ended on the server too; a server out of reach still logs this tab out.
    await api.logout().catch(() => undefined);
    loggedOut(null);
  }

  const signedIn = user !== null && !expired;
  return (
    <>
      <header class="topbar">
        <div class="topbar-inner">
          <p class="brand">Interview practice</p>
          {signedIn ? (
            <div class="account">
              <span class="who">{user.full_name}</span>
              <button
                type="button"
                class="button button-quiet"
                aria-current={page === 'progress' ? 'page' : undefined}
                onClick={() => setPage(page === 'progress' ? 'practice' : 'progress')}
              >
                Progress
              </button>
              <button
                type="button"
                class="button button-quiet"
                aria-current={page === 'account' ? 'page' : undefined}
                onClick={() => setPage(page === 'account' ? 'practice' : 'account')}
              >
                Account
              </button>
              <button type="button" class="button button-quiet" onClick={logOut}>
                Log out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      {booting ? (
        <p class="loading" role="status">
          Loading…
        </p>
      ) : (
        <>
          {signedIn ? null : (
            <div class="auth-wrap">
              <AuthPanel
                expired={expired}
                initialEmail={user?.email}
                notice={notice}
                onLoggedIn={loggedIn}
              />
            </div>
          )}
          {/* Kept mounted while logged out by expiry, so nothing typed is lost. */}
          {user ? (
            <Workspace
              key={user.id}
              user={user}
              hidden={expired || page === 'account'}
              view={page === 'progress' ? 'progress' : 'practice'}
              onView={setPage}
            />
          ) : null}
          {signedIn && page === 'account' ? (
            <AccountPage user={user} onBack={() => setPage('practice')} onLoggedOut={loggedOut} />
          ) : null}
        </>
      )}
    </>
  );
}
