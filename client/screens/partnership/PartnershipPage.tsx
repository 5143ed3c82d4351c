import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { RoleSummary } from '../../components/RoleSummary.tsx';
import { useMe } from '../../session/useSession.ts';
import { usePartnership } from './PartnershipContext.ts';

interface PartnershipPageProps {
  /** The section's name: the page's heading. */
  title: string;
  /** Shown beside the heading, e.g. the connection status. */
  aside?: ReactNode;
  /** The partnership's name as it is being edited live, when the screen has it. */
  liveName?: string;
  children: ReactNode;
}

/** A screen of one partnership: its name, my role and what it lets me do, and its sections. */
export function PartnershipPage({ title, aside, liveName, children }: PartnershipPageProps) {
  const { partnership, canViewAudit } = usePartnership();
  const { user } = useMe();
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const name = liveName?.trim() || partnership.name;
  return (
    <Page title={`${title} – ${name}`} wide>
      <div className="partnership-header">
        <p className="caption" data-testid="partnership-name">
          {name}
          <span className="caption__area"> · {partnership.areaName}</span>
        </p>
        <div className="partnership-header__title">
          <h1>{title}</h1>
          {aside}
        </div>
        <RoleSummary role={partnership.myRole} isAdmin={user.isAdmin} />
        <nav className="section-nav" aria-label="Partnership sections">
          <ul>
            <li>
              <NavLink to={base} end>
                Workspace
              </NavLink>
            </li>
            <li>
              <NavLink to={`${base}/framework`}>Outcomes framework</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/data-mapping`}>Data mapping</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/evidence`}>Evidence</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/concerns`}>Concerns</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/rounds`}>Prioritisation</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/theory-of-change`}>Theory of change</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/needs-assessment`}>Needs assessment</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/meetings`}>Meetings</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/versions`}>Versions</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/members`}>Members</NavLink>
            </li>
            <li>
              <NavLink to={`${base}/networks`}>Networks</NavLink>
            </li>
            {canViewAudit ? (
              <li>
                <NavLink to={`${base}/audit`}>Audit log</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
      {children}
    </Page>
  );
}
