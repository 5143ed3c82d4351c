import { roleCan } from '../../shared/model/roles.ts';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { useMe } from '../session/useSession.ts';

/** Whether I may schedule and close meetings, keep the actions log and take versions: facilitators (and admins). */
export function useCanRunMeetings(): boolean {
  const { partnership } = usePartnership();
  const { user } = useMe();
  return (partnership.myRole !== null && roleCan(partnership.myRole, 'rounds.run')) || user.isAdmin;
}

/** Whether I may add actions to the log and change their status: everyone who may edit the workspace. */
export function useCanKeepActions(): boolean {
  const { partnership } = usePartnership();
  const { user } = useMe();
  return (partnership.myRole !== null && roleCan(partnership.myRole, 'workspace.edit')) || user.isAdmin;
}
