import { useCallback, useState, type MouseEvent } from 'react';
import { useLocation } from 'react-router';
import { listMembers } from '../../api/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { Invitations } from './Invitations.tsx';
import { MembersTable } from './MembersTable.tsx';

/** Moves focus to a heading on this page (a fragment link alone only scrolls under client-side routing). */
function jumpTo(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>): void => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}

/** Who is on the partnership board; facilitators also invite, change and remove members here. */
export function MembersScreen() {
  const { partnership, canManageMembers } = usePartnership();
  const location = useLocation();
  const arrivalNotice = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrivalNotice);
  const load = useCallback((signal: AbortSignal) => listMembers(partnership.id, signal), [partnership.id]);
  const members = useApiData(load);

  return (
    <PartnershipPage title="Members">
      {notice ? <SuccessNotice testId="members-notice">{notice}</SuccessNotice> : null}
      <section className="section" aria-labelledby="members-heading">
        <h2 id="members-heading">People on this partnership</h2>
        {canManageMembers ? (
          <>
            <p className="hint">
              You can change what each member can do, or remove them. Their access changes at once, including any
              workspace they have open.
            </p>
            <p>
              <a href="#invite-heading" onClick={jumpTo('invite-heading')}>
                Invite someone to join
              </a>
            </p>
          </>
        ) : null}
        {members.status === 'loading' ? (
          <p className="loading" role="status">
            Loading members…
          </p>
        ) : null}
        {members.status === 'failed' ? (
          <LoadFailure what="The members" error={members.error} onRetry={members.reload} />
        ) : null}
        {members.status === 'ready' ? (
          <MembersTable
            members={members.data}
            canManage={canManageMembers}
            onChanged={(message) => {
              setNotice(message);
              members.reload();
            }}
          />
        ) : null}
      </section>
      {canManageMembers ? <Invitations onNotice={setNotice} /> : null}
    </PartnershipPage>
  );
}
