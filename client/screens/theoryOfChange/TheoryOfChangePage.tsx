import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { ExportButtons } from './ExportButtons.tsx';

/** The base address of the theory of change screens of a partnership. */
export function theoryOfChangePath(partnershipId: string, rest = ''): string {
  return `/p/${encodeURIComponent(partnershipId)}/theory-of-change${rest}`;
}

/** The address of an outcome's page in the framework screens. */
export function outcomePath(partnershipId: string, outcomeId: string): string {
  return `/p/${encodeURIComponent(partnershipId)}/framework/outcomes/${encodeURIComponent(outcomeId)}`;
}

/** A theory of change screen: the partnership's header, the views of the theory of change, and the downloads. */
export function TheoryOfChangePage({ title, children }: { title: string; children: ReactNode }) {
  const { partnership } = usePartnership();
  const { state, canEdit, readOnlyReason } = useWorkspaceDoc();
  const base = theoryOfChangePath(partnership.id);
  return (
    <PartnershipPage title={title} aside={<ConnectionStatus state={state.connection} readOnly={!canEdit} />}>
      <nav className="toc-nav" aria-label="Theory of change views">
        <ul>
          <li>
            <NavLink to={base} end>
              The offer
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/graph`}>Graph and links table</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/matrix`}>Coverage matrix</NavLink>
          </li>
        </ul>
      </nav>
      {readOnlyReason ? (
        <p className="notice notice--info" data-testid="read-only-notice">
          <strong>Read only.</strong> {readOnlyReason}
        </p>
      ) : null}
      {children}
      <ExportButtons />
    </PartnershipPage>
  );
}
