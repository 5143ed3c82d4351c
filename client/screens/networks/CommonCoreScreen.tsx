import { useCallback, useMemo, useState } from 'react';
import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { CommonCore } from '../../../shared/schemas/networks.ts';
import { fetchCommonCore } from '../../api/networks.ts';
import {
  countOf,
  coreSummary,
  filterCoreItems,
  nextSort,
  pageOfRows,
  placeAbbreviations,
  sortCoreItems,
  type CoreFilter,
  type CoreSort,
} from './commonCoreView.ts';
import { CoreCandidates } from './CoreCandidates.tsx';
import { CoreFilters } from './CoreFilters.tsx';
import { CoreItemsTable } from './CoreItemsTable.tsx';
import { HeatMap } from './HeatMap.tsx';
import { HeatMapTable } from './HeatMapTable.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { useNetwork } from './NetworkContext.ts';
import { NetworkPage } from './NetworkPage.tsx';
import { RowPager } from './RowPager.tsx';
import { useNetworkData } from './useNetworkData.ts';

/** The network's main screen: for each template item, how places hold it; a heat map; candidates for the core. */
export function CommonCoreScreen() {
  const { network, canCoordinate } = useNetwork();
  const load = useCallback((signal: AbortSignal) => fetchCommonCore(network.id, signal), [network.id]);
  const core = useNetworkData(load);
  return (
    <NetworkPage title="Common core">
      <LoadStatus data={core} loading="Loading the common core…" what="The common core" />
      {core.status === 'ready' ? (
        <CommonCoreView networkId={network.id} core={core.data} canCoordinate={canCoordinate} />
      ) : null}
    </NetworkPage>
  );
}

function CommonCoreView({
  networkId,
  core,
  canCoordinate,
}: {
  networkId: string;
  core: CommonCore;
  canCoordinate: boolean;
}) {
  const [filter, setFilter] = useState<CoreFilter>({ type: 'outcome', domain: 'all' });
  const [sort, setSort] = useState<CoreSort>({ column: 'order', direction: 'ascending' });
  const [page, setPage] = useState(0);
  const [asTable, setAsTable] = useState(false);

  const filtered = useMemo(() => filterCoreItems(core.items, filter), [core.items, filter]);
  const sorted = useMemo(() => sortCoreItems(filtered, sort), [filtered, sort]);
  const shown = useMemo(() => pageOfRows(sorted, page), [sorted, page]);
  const abbreviations = useMemo(() => placeAbbreviations(core.places.map((place) => place.name)), [core.places]);
  const what = `${countOf(filtered.length, filter.type)}${filter.domain === 'all' ? '' : ` in ${domainLabel(filter.domain)}`}`;
  const range = shown.pageCount > 1 ? ` (${shown.from}–${shown.to} of ${shown.total})` : '';

  return (
    <>
      <p className="lead" data-testid="core-summary">
        {coreSummary(core, filtered, filter.type)}
      </p>
      <CoreFilters
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(0);
        }}
      />
      <RowPager page={shown} what={what} onPage={setPage} />
      <section className="section" aria-labelledby="core-items-heading">
        <h2 id="core-items-heading">How places hold each item</h2>
        <CoreItemsTable
          caption={`${what}${range}: number of places holding each as is, changed, dropped or not decided`}
          items={shown.rows}
          sort={sort}
          onSort={(column) => setSort(nextSort(sort, column))}
        />
      </section>
      <section className="section" aria-labelledby="heat-map-heading">
        <h2 id="heat-map-heading">Places and items</h2>
        <p className="hint">
          One row per item{range}, one column per place, in the order of the table above. Places that do not share their
          framework show as not shared.
        </p>
        <button
          type="button"
          className="button--secondary"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
          data-testid="heat-map-toggle"
        >
          Show as table
        </button>
        {shown.rows.length === 0 ? (
          <p>No items match these choices.</p>
        ) : asTable ? (
          <HeatMapTable
            key={`${filter.type}-${filter.domain}-${sort.column}-${sort.direction}-${shown.page}`}
            caption={`${what}${range} by place`}
            places={core.places}
            abbreviations={abbreviations}
            rows={shown.rows}
          />
        ) : (
          <HeatMap places={core.places} abbreviations={abbreviations} rows={shown.rows} rowsWords={what} />
        )}
        <details className="network-abbreviations">
          <summary>Place abbreviations</summary>
          <dl className="network-abbreviations__list">
            {core.places.map((place, index) => (
              <div key={place.partnershipId}>
                <dt>{abbreviations[index]}</dt>
                <dd>
                  {place.name} ({place.areaName})
                </dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
      <CoreCandidates networkId={networkId} core={core} canCoordinate={canCoordinate} />
    </>
  );
}
