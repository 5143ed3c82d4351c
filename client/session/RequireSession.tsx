import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './useSession.ts';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { ProblemPage } from '../components/ProblemPage.tsx';
import { signInPath } from './signInPath.ts';

/** Renders its child routes only for a signed-in person; sends anyone else to sign in and back. */
export function RequireSession() {
  const { state, refresh } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <LoadingPage />;
    case 'unreachable':
      return (
        <ProblemPage
          title="Common Ground cannot be reached"
          message={state.error.message}
          onRetry={() => void refresh()}
        />
      );
    case 'signed-out': {
      // After a deliberate sign-out there is nothing to come back to.
      const deliberate = state.reason === 'signed-out' || state.reason === 'signed-out-everywhere';
      const here = `${location.pathname}${location.search}`;
      return <Navigate to={signInPath(deliberate ? null : here)} replace state={{ reason: state.reason }} />;
    }
    case 'signed-in':
      return <Outlet />;
  }
}
