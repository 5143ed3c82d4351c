import { useOutletContext } from 'react-router';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';

/** What every screen of one partnership knows about it. */
export interface PartnershipContext {
  partnership: Partnership;
  /** Asks the server again, e.g. after my role may have changed. */
  reload: () => void;
  /** Whether I may invite, change and remove members. */
  canManageMembers: boolean;
  /** Whether I may read the audit log. */
  canViewAudit: boolean;
}

/** The partnership whose screen this is; only inside `PartnershipLayout`. */
export function usePartnership(): PartnershipContext {
  return useOutletContext<PartnershipContext>();
}
