import type { ConnectionState } from '../sync/DocSession.ts';

function describe(
  state: ConnectionState,
  readOnly: boolean,
): { label: string; detail?: string; tone: 'ok' | 'busy' | 'warn' | 'error' } {
  const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'} saved on this device`;
  switch (state.kind) {
    case 'connected':
      // Someone who cannot edit has no changes to save; what matters to them is seeing the latest.
      return { label: 'Connected', detail: readOnly ? 'Showing the latest changes' : 'All changes saved', tone: 'ok' };
    case 'connecting':
      return { label: 'Connecting…', tone: 'busy' };
    case 'reconnecting':
      return {
        label: 'Reconnecting…',
        ...(state.unsyncedChanges > 0 ? { detail: changes(state.unsyncedChanges) } : {}),
        tone: 'warn',
      };
    case 'offline':
      return { label: 'Offline', detail: changes(state.unsyncedChanges), tone: 'warn' };
    case 'refused':
      return { label: 'Not connected', detail: state.reason, tone: 'error' };
  }
}

/** Says, in words and not only colour, whether edits are reaching the server. */
export function ConnectionStatus({ state, readOnly = false }: { state: ConnectionState; readOnly?: boolean }) {
  const { label, detail, tone } = describe(state, readOnly);
  return (
    <p className={`connection-status connection-status--${tone}`} role="status" data-testid="connection-status">
      <span className="connection-status__dot" aria-hidden="true" />
      <strong>{label}</strong>
      {detail ? <span> — {detail}</span> : null}
    </p>
  );
}
