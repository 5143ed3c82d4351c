import { createContext } from 'react';
import type { Me } from '../../shared/schemas/auth.ts';
import type { ApiError } from '../api/ApiError.ts';

/** Why nobody is signed in: it decides what the sign-in screen says. */
export type SignedOutReason = 'not-signed-in' | 'signed-out' | 'signed-out-everywhere' | 'session-ended';

/** Whether someone is signed in in this browser, as far as the app knows. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; me: Me }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'unreachable'; error: ApiError };

/** The session and the ways screens change it. */
export interface Session {
  state: SessionState;
  /** Asks the server again who is signed in (after accepting an invitation, changing my name…). */
  refresh: () => Promise<void>;
  /** Records a sign-in the server has just confirmed. */
  signedIn: (me: Me) => void;
  /** Signs out of this browser, or of every device, and forgets local copies of workspaces. */
  signOut: (options?: { everywhere?: boolean }) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);
