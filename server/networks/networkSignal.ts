import type * as Y from 'yjs';
import { bumpNetworkSignal } from '../../shared/model/network/networkSignal.ts';
import type { Logger } from '../logger.ts';

/** Writes a network's server-only signal doc (through the room manager); absent in route tests. */
export type WriteNetworkDoc = (networkId: string, change: (doc: Y.Doc) => void) => Promise<void>;

/** Tells the screens of a network that what it sees has changed. */
export interface NetworkSignal {
  /** Moves the network's revision on. Never throws: the change it reports is already stored. */
  changed(networkId: string): Promise<void>;
}

/**
 * The live signal of each network: call `changed` after (never inside) the unit of work that changed membership,
 * sharing, a template version or a choice. Without a writer (route tests) it does nothing.
 */
export function createNetworkSignal(write: WriteNetworkDoc | undefined, logger: Logger): NetworkSignal {
  return {
    async changed(networkId) {
      if (!write) return;
      try {
        await write(networkId, (doc) => bumpNetworkSignal(doc));
      } catch (error) {
        logger.error('could not move the network signal on', { networkId, error });
      }
    },
  };
}
