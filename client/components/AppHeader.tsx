import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { messageFor } from '../api/ApiError.ts';
import { useSession } from '../session/useSession.ts';
import { MentionsLink } from '../comments/MentionsLink.tsx';

/** A round's present mode fills the meeting-room screen: no product bar above it. */
const presentPath = /^\/p\/[^/]+\/rounds\/[^/]+\/present\/?$/;

/** The product bar at the top of every screen, with who is signed in and a way to sign out. */
export function AppHeader() {
  const { state, signOut } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const { pathname } = useLocation();

  const handleSignOut = (): void => {
    setProblem(null);
    signOut().catch((error: unknown) => setProblem(`You are still signed in. ${messageFor(error)}`));
  };

  if (presentPath.test(pathname)) return null;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__product">
          <Link to="/" className="app-header__brand">
            Common Ground
          </Link>
          <span className="app-header__tagline">Family hubs partnership workspace</span>
        </div>
        {state.status === 'signed-in' ? (
          <nav className="app-header__nav" aria-label="Your account">
            <ul>
              <li>
                <Link to="/">Your partnerships</Link>
              </li>
              <li>
                <Link to="/networks">Networks</Link>
              </li>
              <li className="app-header__who" data-testid="signed-in-as">
                Signed in as {state.me.user.displayName}
              </li>
              <li>
                <MentionsLink />
              </li>
              <li>
                <Link to="/account">Your account</Link>
              </li>
              <li>
                <button type="button" className="app-header__sign-out" onClick={handleSignOut}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
      {problem ? (
        <p className="app-header__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </header>
  );
}
