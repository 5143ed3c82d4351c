import { useCallback } from 'react';
import { domainLabel } from '../../../shared/model/framework/domains.ts';
import { fetchNetworkDataAgenda, networkDataAgendaDownloadUrl } from '../../api/networks.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { useNetwork } from './NetworkContext.ts';
import { NetworkPage } from './NetworkPage.tsx';
import { gapWords, ofPlaces } from './networkWords.ts';
import { useNetworkData } from './useNetworkData.ts';

function CountedList({
  entries,
  places,
  empty,
}: {
  entries: { text: string; count: number }[];
  places: number;
  empty: string;
}) {
  if (entries.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="network-counted">
      {entries.map((entry) => (
        <li key={entry.text}>
          {entry.text}: {ofPlaces(entry.count, places)}
        </li>
      ))}
    </ul>
  );
}

/** The shared data development agenda: metrics most places lack, why, who holds them and the next steps. */
export function NetworkDataAgendaScreen() {
  const { network } = useNetwork();
  const load = useCallback((signal: AbortSignal) => fetchNetworkDataAgenda(network.id, signal), [network.id]);
  const agenda = useNetworkData(load);
  return (
    <NetworkPage title="Data agenda">
      <p className="lead">
        What data are missing, or out of reach, in most places, and why: the network’s list of asks to national bodies.
      </p>
      <ul className="network-downloads" aria-label="Download the data agenda">
        <li>
          <a href={networkDataAgendaDownloadUrl(network.id, 'csv')} download>
            Download as CSV
          </a>
        </li>
        <li>
          <a href={networkDataAgendaDownloadUrl(network.id, 'xlsx')} download>
            Download as Excel (XLSX)
          </a>
        </li>
        <li>
          <a href={networkDataAgendaDownloadUrl(network.id, 'docx')} download>
            Download as Word (DOCX)
          </a>
        </li>
      </ul>
      <LoadStatus data={agenda} loading="Loading the data agenda…" what="The data agenda" />
      {agenda.status === 'ready' ? (
        <>
          <p data-testid="data-agenda-rule">
            {agenda.data.rule}{' '}
            <span className="muted">
              ({agenda.data.places === 1 ? '1 place shares' : `${agenda.data.places} places share`} their data mapping.)
            </span>
          </p>
          {agenda.data.metrics.length === 0 ? (
            <p>No metric is missing or out of reach in more than half of the places.</p>
          ) : (
            agenda.data.metrics.map((metric) => (
              <section key={metric.templateId} className="section" aria-labelledby={`agenda-${metric.templateId}`}>
                <h2 id={`agenda-${metric.templateId}`} className="network-agenda__title">
                  {metric.name}
                </h2>
                <div className="table-scroll">
                  <table className="table network-table" data-testid="data-agenda-metric">
                    <caption className="visually-hidden">{metric.name}: what places lack, why, and what next</caption>
                    <tbody>
                      <tr>
                        <th scope="row">Indicator</th>
                        <td>{metric.indicator}</td>
                      </tr>
                      <tr>
                        <th scope="row">Domain</th>
                        <td>{metric.domain ? domainLabel(metric.domain) : 'No domain'}</td>
                      </tr>
                      <tr>
                        <th scope="row">Places lacking it</th>
                        <td data-testid="data-agenda-gaps">
                          {gapWords(metric)}
                          {metric.notMapped > 0 ? (
                            <span className="table__secondary">
                              {ofPlaces(metric.notMapped, metric.places)} have not mapped it yet
                            </span>
                          ) : null}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">Reasons</th>
                        <td>
                          <CountedList
                            entries={metric.reasons.map((r) => ({ text: r.reason, count: r.count }))}
                            places={metric.places}
                            empty="No reason given"
                          />
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">Held by</th>
                        <td>
                          <CountedList
                            entries={metric.owners.map((o) => ({ text: o.owner, count: o.count }))}
                            places={metric.places}
                            empty="No owner agreed"
                          />
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">Next steps</th>
                        <td>
                          <CountedList
                            entries={metric.nextSteps.map((s) => ({ text: s.nextStep, count: s.count }))}
                            places={metric.places}
                            empty="No next step agreed"
                          />
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )}
        </>
      ) : null}
    </NetworkPage>
  );
}
