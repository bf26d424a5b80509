import { useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedHandler } from '../api.js';
import { getToken, setToken } from '../auth-store.js';
import type { User } from '../types.js';
import { AuthPanel } from './auth-panel.js';
import { clearWorkspaceMemory, Workspace } from './workspace.js';

export function App() {
  const [user, setUser] = useState<User | null>(null);
  const [booting, setBooting] = useState(() => getToken() !== null);
  const [expired, setExpired] = useState(false);

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
  }

  function logOut() {
    setToken(null);
    clearWorkspaceMemory();
    setUser(null);
    setExpired(false);
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
              <AuthPanel expired={expired} initialEmail={user?.email} onLoggedIn={loggedIn} />
            </div>
          )}
          {/* Kept mounted while logged out by expiry, so nothing typed is lost. */}
          {user ? <Workspace key={user.id} user={user} hidden={expired} /> : null}
        </>
      )}
    </>
  );
}
