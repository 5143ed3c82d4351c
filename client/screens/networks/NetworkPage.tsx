import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { useNetwork } from './NetworkContext.ts';
import { networkPaths } from './paths.ts';
import './networks.css';

const accessWords = {
  admin: 'You are an administrator: you can coordinate this network.',
  coordinator: 'You coordinate this network: you can publish template versions and invite places.',
  member: 'One of your partnerships belongs to this network: you can read its shared views.',
  invited:
    'One of your partnerships is invited to this network: its facilitators answer on the partnership’s Networks page.',
} as const;

/** A screen of one network: its name, how I relate to it, and its sections as a row of links. */
export function NetworkPage({ title, children }: { title: string; children: ReactNode }) {
  const { network } = useNetwork();
  const paths = networkPaths(network.id);
  return (
    <Page title={`${title} – ${network.name}`} wide>
      <div className="partnership-header">
        <p className="back-link-wrapper">
          <Link className="back-link" to={paths.list}>
            Networks
          </Link>
        </p>
        <p className="caption" data-testid="network-name">
          {network.name}
          {network.isDemo ? <span className="tag tag--orange network-demo-tag">Sample data</span> : null}
        </p>
        <div className="partnership-header__title">
          <h1>{title}</h1>
        </div>
        <p className="role-summary">{accessWords[network.myAccess]}</p>
        <nav className="section-nav" aria-label="Network sections">
          <ul>
            <li>
              <NavLink to={paths.commonCore} end>
                Common core
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.dataAgenda}>Data agenda</NavLink>
            </li>
            <li>
              <NavLink to={paths.acrossPlaces}>Across places</NavLink>
            </li>
            <li>
              <NavLink to={paths.templateVersions}>Template versions</NavLink>
            </li>
            <li>
              <NavLink to={paths.members}>Members</NavLink>
            </li>
          </ul>
        </nav>
      </div>
      {children}
    </Page>
  );
}
