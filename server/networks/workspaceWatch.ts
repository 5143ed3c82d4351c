import type * as Y from 'yjs';
import { observeDataMapping } from '../../shared/model/dataMapping/dataMapping.ts';
import { observeFramework } from '../../shared/model/framework/docShape.ts';
import { parseDocName } from '../../shared/protocol/docNames.ts';
import type { Logger } from '../logger.ts';
import type { NetworkRepository } from '../store/repositories/NetworkRepository.ts';
import type { NetworkSignal } from './networkSignal.ts';

/** How long a partnership's framework or data mapping must stay still before its networks hear of the change. */
const workspaceSettleMs = 2_000;

/**
 * Moves the signal of every network a partnership is a member of (and shares its framework or data mapping with)
 * on, once edits to its framework or data mapping settle: the network's screens then refetch their aggregate views.
 * Only those two parts are watched, so a network learns nothing of when narratives or comments are written.
 */
export function watchMemberWorkspaces(
  networks: Pick<NetworkRepository, 'membershipsOf'>,
  signal: () => NetworkSignal | null,
  logger: Pick<Logger, 'error'>,
): { onRoomLoaded: (docName: string, doc: Y.Doc) => void } {
  const tell = async (partnershipId: string): Promise<void> => {
    const current = signal();
    if (!current) return;
    const places = await networks.membershipsOf([partnershipId]);
    for (const place of places) {
      if (place.state === 'member' && (place.sharing.framework || place.sharing.dataMapping)) {
        await current.changed(place.networkId);
      }
    }
  };
  return {
    onRoomLoaded(docName, doc) {
      const parsed = parseDocName(docName);
      if (parsed?.kind !== 'workspace') return;
      let timer: NodeJS.Timeout | undefined;
      const changed = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          tell(parsed.partnershipId).catch((error: unknown) =>
            logger.error('could not tell the networks of a partnership about its change', { error }),
          );
        }, workspaceSettleMs);
        timer.unref();
      };
      const stopFramework = observeFramework(doc, changed);
      const stopDataMapping = observeDataMapping(doc, changed);
      doc.on('destroy', () => {
        clearTimeout(timer);
        stopFramework();
        stopDataMapping();
      });
    },
  };
}
