import { useCallback } from 'react';
import type { AcrossPlaces } from '../../../shared/schemas/networks.ts';
import { fetchAcrossPlaces } from '../../api/networks.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { useNetwork } from './NetworkContext.ts';
import { NetworkPage } from './NetworkPage.tsx';
import { ofPlaces, placesCount } from './networkWords.ts';
import { useNetworkData } from './useNetworkData.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const valueWords = (value: number | null, unit: string) =>
  value === null ? 'No value' : `${numberFormat.format(value)}${unit ? ` ${unit}` : ''}`;

/** Which outcomes most places chose as priorities, each place's evidence against England, and theory-of-change coverage. */
export function AcrossPlacesScreen() {
  const { network } = useNetwork();
  const load = useCallback((signal: AbortSignal) => fetchAcrossPlaces(network.id, signal), [network.id]);
  const across = useNetworkData(load);
  return (
    <NetworkPage title="Across places">
      <p className="lead">
        What places share with the network, side by side: their agreed priorities, their latest evidence for core
        metrics and how far their theory of change reaches. Places that do not share a section are left out of it.
      </p>
      <LoadStatus data={across} loading="Loading…" what="The comparison across places" />
      {across.status === 'ready' ? <AcrossPlacesView across={across.data} /> : null}
    </NetworkPage>
  );
}

function AcrossPlacesView({ across }: { across: AcrossPlaces }) {
  const placeName = new Map(across.places.map((place) => [place.partnershipId, place.name]));
  const nameOf = (id: string) => placeName.get(id) ?? id;
  const sharingPriorities = across.places.filter((place) => place.sharing.priorities).length;
  return (
    <>
      <section className="section" aria-labelledby="priorities-heading">
        <h2 id="priorities-heading">Priorities</h2>
        {across.priorities.length === 0 ? (
          <p>No place that shares its priorities has agreed any yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table network-table" data-testid="across-priorities">
              <caption className="table__caption">
                Outcomes agreed as priorities, most places first ({placesCount(sharingPriorities)} share their
                priorities)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="network-table__number">
                    Places
                  </th>
                  <th scope="col">Which places</th>
                </tr>
              </thead>
              <tbody>
                {across.priorities.map((priority) => (
                  <tr key={priority.templateId}>
                    <th scope="row">{priority.label}</th>
                    <td className="network-table__number">
                      {ofPlaces(priority.partnershipIds.length, sharingPriorities)}
                    </td>
                    <td>{priority.partnershipIds.map(nameOf).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence for core metrics</h2>
        {across.evidence.length === 0 ? (
          <p>No place shares evidence for a core metric with a Fingertips id yet.</p>
        ) : (
          across.evidence.map((metric) => (
            <div className="table-scroll" key={metric.templateId}>
              <table className="table network-table" data-testid="across-evidence">
                <caption className="table__caption">
                  {metric.name} <span className="muted">(Fingertips indicator {metric.fingertipsId})</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Place</th>
                    <th scope="col">Period</th>
                    <th scope="col" className="network-table__number">
                      Value
                    </th>
                    <th scope="col" className="network-table__number">
                      England
                    </th>
                    <th scope="col">Compared with England</th>
                  </tr>
                </thead>
                <tbody>
                  {metric.places.map((place) => (
                    <tr key={place.partnershipId}>
                      <th scope="row">{nameOf(place.partnershipId)}</th>
                      <td>{place.period}</td>
                      <td className="network-table__number">{valueWords(place.value, metric.unit)}</td>
                      <td className="network-table__number">{valueWords(place.englandValue, metric.unit)}</td>
                      <td>{place.words}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>
      <section className="section" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Theory of change coverage</h2>
        {across.theoryOfChange.length === 0 ? (
          <p>No place shares its theory-of-change coverage yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table network-table" data-testid="across-theory-of-change">
              <caption className="table__caption">Actions, links and the outcomes they cover, per place</caption>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col" className="network-table__number">
                    Actions
                  </th>
                  <th scope="col" className="network-table__number">
                    Links to outcomes
                  </th>
                  <th scope="col" className="network-table__number">
                    Outcomes covered
                  </th>
                </tr>
              </thead>
              <tbody>
                {across.theoryOfChange.map((coverage) => (
                  <tr key={coverage.partnershipId}>
                    <th scope="row">{nameOf(coverage.partnershipId)}</th>
                    <td className="network-table__number">{coverage.actions}</td>
                    <td className="network-table__number">{coverage.links}</td>
                    <td className="network-table__number">
                      {coverage.outcomesCovered} of {coverage.outcomes}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
