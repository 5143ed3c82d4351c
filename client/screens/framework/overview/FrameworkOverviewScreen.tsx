import { useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { filterFramework } from '../../../../shared/model/framework/index.ts';
import { ConnectionStatus } from '../../../components/ConnectionStatus.tsx';
import { PresenceBar } from '../../../components/PresenceBar.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { frameworkPaths } from '../../../framework/paths.ts';
import { useFrameworkActivity } from '../../../framework/useFrameworkActivity.ts';
import { frameworkViewing } from '../../../framework/presenceKeys.ts';
import { isFiltered, useFrameworkFilter } from '../../../framework/useFrameworkFilter.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../../partnership/PartnershipPage.tsx';
import { FrameworkNoticeBar } from '../common/FrameworkNoticeBar.tsx';
import { ReadOnlyNotice } from '../common/ReadOnlyNotice.tsx';
import { FrameworkFilters } from './FrameworkFilters.tsx';
import { FrameworkGrid } from './FrameworkGrid.tsx';
import { RecentlyDeleted } from './RecentlyDeleted.tsx';
import { useGridRenderedMark } from './useGridRenderedMark.ts';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The partnership's outcomes framework at a glance: domains × levels, searchable, built out together live. */
export function FrameworkOverviewScreen() {
  const { partnership } = usePartnership();
  const { doc, people, canEdit, state } = useWorkspaceDoc();
  const { framework, priorityOf } = useFramework();
  const [filter, setFilter] = useFrameworkFilter();
  const paths = frameworkPaths(partnership.id);

  useFrameworkActivity(frameworkViewing.overview);

  // Typing in the search box stays responsive in a large workspace: the grid follows a moment behind if it must.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterFramework(framework, deferredFilter), [framework, deferredFilter]);
  useGridRenderedMark();

  return (
    <PartnershipPage
      title="Outcomes framework"
      aside={<ConnectionStatus state={state.connection} readOnly={!canEdit} />}
    >
      <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
      <div className="framework-intro">
        <p className="lead">
          {count(framework.outcomes.length, 'outcome')}, {count(framework.indicators.length, 'indicator')} and{' '}
          {count(framework.metrics.length, 'metric')} in five domains, for babies, children and young people first, then
          parents and carers, then services.
        </p>
        <p>
          <Link to={paths.spreadsheet}>Download or import the framework as a spreadsheet</Link>
        </p>
      </div>
      <ReadOnlyNotice />
      <FrameworkNoticeBar />
      <FrameworkFilters
        filter={filter}
        onChange={setFilter}
        shown={shown.outcomes.length}
        total={framework.outcomes.length}
      />
      <FrameworkGrid
        framework={shown}
        outcomeHref={paths.outcome}
        priorityOf={priorityOf}
        people={people}
        selfClientId={doc?.clientID ?? null}
        canEdit={canEdit}
        filtered={isFiltered(deferredFilter)}
      />
      <RecentlyDeleted outcomeHref={paths.outcome} />
    </PartnershipPage>
  );
}
