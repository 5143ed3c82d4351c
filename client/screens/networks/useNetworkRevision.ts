import { useEffect, useState } from 'react';
import { readNetworkSignal } from '../../../shared/model/network/networkSignal.ts';
import { networkDocName } from '../../../shared/protocol/docNames.ts';
import { useDoc } from '../../sync/useDoc.ts';

/**
 * The revision of a network's read-only signal doc (`n:<id>`, written only by the server), live. Screens fetch
 * their data again when it moves. Null until the doc is in step with the server (a copy kept on this device may be
 * old, and an empty doc reads as revision 0), or while the socket is down or refused.
 */
export function useNetworkRevision(networkId: string): number | null {
  const { session, state } = useDoc(networkDocName(networkId));
  const doc = session?.doc ?? null;
  const [revision, setRevision] = useState<{ doc: unknown; value: number } | null>(null);

  useEffect(() => {
    if (!doc) return;
    const refresh = (): void => setRevision({ doc, value: readNetworkSignal(doc).revision });
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc]);

  const synced = state.connection.kind === 'connected';
  return synced && revision !== null && revision.doc === doc ? revision.value : null;
}
