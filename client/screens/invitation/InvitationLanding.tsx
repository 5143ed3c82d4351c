import { useCallback, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { useSession } from '../../session/useSession.ts';
import { UnusableInvitation } from './UnusableInvitation.tsx';

/**
 * Where an invitation link lands, for a partnership's invitation and a network coordinator's alike: the preview is
 * loaded by its token (a used, expired or cancelled one says so), then `children` shows what it offers to whoever is
 * signed in (`me`), or to a newcomer (`me` null).
 */
export function InvitationLanding<T>({
  preview,
  unusable,
  children,
}: {
  preview: (token: string, signal: AbortSignal) => Promise<T>;
  unusable: { days: number; canceller: string; home: { to: string; label: string } };
  children: (invitation: T, token: string, me: Me | null) => ReactNode;
}) {
  const { token = '' } = useParams();
  const { state } = useSession();
  const load = useCallback((signal: AbortSignal) => preview(token, signal), [preview, token]);
  const loaded = useApiData(load);

  if (loaded.status === 'loading' || state.status === 'loading') return <LoadingPage />;
  if (loaded.status === 'failed') {
    const { error } = loaded;
    if (error instanceof ApiError && error.status === 404) {
      return <UnusableInvitation signedIn={state.status === 'signed-in'} {...unusable} />;
    }
    return (
      <ProblemPage title="This invitation could not be opened" message={messageFor(error)} onRetry={loaded.reload} />
    );
  }
  return children(loaded.data, token, state.status === 'signed-in' ? state.me : null);
}
