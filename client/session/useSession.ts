import { useContext } from 'react';
import type { Me } from '../../shared/schemas/auth.ts';
import { SessionContext, type Session } from './SessionContext.ts';

/** The session of this browser; only inside `SessionProvider`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside SessionProvider');
  return session;
}

/** The signed-in person; only inside `RequireSession`, which renders nothing else until someone is signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe is used outside RequireSession');
  return state.me;
}
