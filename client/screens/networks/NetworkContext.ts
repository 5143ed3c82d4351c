import { useOutletContext } from 'react-router';
import type { Network } from '../../../shared/schemas/networks.ts';

/** What every screen of one network knows about it. */
export interface NetworkContext {
  network: Network;
  /** Asks the server again, e.g. after a place was invited or removed. */
  reload: () => void;
  /** Whether I may publish template versions, invite places and coordinators: coordinators and administrators. */
  canCoordinate: boolean;
  /** The network doc's revision: it moves whenever something the network's views show has changed. */
  revision: number | null;
}

/** The network whose screen this is; only inside `NetworkLayout`. */
export function useNetwork(): NetworkContext {
  return useOutletContext<NetworkContext>();
}
