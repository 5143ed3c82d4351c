import { Link } from 'react-router';
import type { Partnership } from '../../shared/schemas/partnerships.ts';
import { listPartnerships } from '../api/partnerships.ts';
import { useApiData } from '../api/useApiData.ts';
import { LoadFailure } from '../components/LoadFailure.tsx';
import { Page } from '../components/Page.tsx';
import { RoleSummary } from '../components/RoleSummary.tsx';
import { useMe } from '../session/useSession.ts';

function PartnershipCard({ partnership, isAdmin }: { partnership: Partnership; isAdmin: boolean }) {
  const members = partnership.memberCount === 1 ? '1 member' : `${partnership.memberCount} members`;
  return (
    <li className="card partnership-card" data-testid="partnership-card">
      <h2 className="partnership-card__name">
        <Link to={`/p/${encodeURIComponent(partnership.id)}`}>{partnership.name}</Link>
      </h2>
      <p className="partnership-card__area">
        {partnership.areaName} <span className="muted">(area code {partnership.areaCode})</span> · {members}
      </p>
      <RoleSummary role={partnership.myRole} isAdmin={isAdmin} />
    </li>
  );
}

/** The start page: every partnership I belong to (administrators: all), with my role in each. */
export function PartnershipsScreen() {
  const { user } = useMe();
  const partnerships = useApiData(listPartnerships);

  return (
    <Page title="Your partnerships">
      <div className="page-heading">
        <h1>Your partnerships</h1>
        {user.isAdmin ? (
          <>
            <Link to="/partnerships/new" className="button">
              Create partnership
            </Link>
            <Link to="/admin/outbox" className="button button--secondary">
              Outbox
            </Link>
          </>
        ) : null}
      </div>
      {partnerships.status === 'loading' ? (
        <p className="loading" role="status">
          Loading your partnerships…
        </p>
      ) : null}
      {partnerships.status === 'failed' ? (
        <LoadFailure what="Your partnerships" error={partnerships.error} onRetry={partnerships.reload} />
      ) : null}
      {partnerships.status === 'ready' && partnerships.data.length === 0 ? (
        <div className="card">
          <h2>You are not in any partnership yet</h2>
          {user.isAdmin ? (
            <p>Create the first partnership, then invite its members.</p>
          ) : (
            <p>
              When a facilitator invites you, open the link they send you and you will be added to their partnership.
            </p>
          )}
        </div>
      ) : null}
      {partnerships.status === 'ready' && partnerships.data.length > 0 ? (
        <ul className="card-list">
          {partnerships.data.map((partnership) => (
            <PartnershipCard key={partnership.id} partnership={partnership} isAdmin={user.isAdmin} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
