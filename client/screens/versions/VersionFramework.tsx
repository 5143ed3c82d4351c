import {
  domainLabel,
  domainOrder,
  indicatorsForOutcome,
  levelLabel,
  metricsForIndicator,
  polarityLabels,
  type Framework,
} from '../../../shared/model/framework/index.ts';
import type { OutcomeSummary } from '../../../shared/model/framework/index.ts';
import { AsItWas } from './AsItWas.tsx';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One outcome of a version, opened to show its description, its indicators and their metrics. */
function OutcomeDetails({ framework, outcome }: { framework: Framework; outcome: OutcomeSummary }) {
  const indicators = indicatorsForOutcome(framework, outcome.id);
  return (
    <details data-testid="version-outcome">
      <summary>{outcome.statement || 'Untitled outcome'}</summary>
      {outcome.description ? <p>{outcome.description}</p> : <p className="muted">No description.</p>}
      {indicators.length === 0 ? <p className="muted">No indicators.</p> : null}
      {indicators.length > 0 ? (
        <ul>
          {indicators.map((indicator) => {
            const metrics = metricsForIndicator(framework, indicator.id);
            return (
              <li key={indicator.id}>
                <strong>Indicator: {indicator.name || 'Untitled indicator'}</strong>
                {indicator.definition ? <span className="table__secondary">{indicator.definition}</span> : null}
                {metrics.length === 0 ? (
                  <span className="table__secondary">No metrics.</span>
                ) : (
                  <ul>
                    {metrics.map((metric) => (
                      <li key={metric.id}>
                        Metric: {metric.name || 'Untitled metric'}
                        <span className="table__secondary">
                          {[
                            metric.unit ? `Unit: ${metric.unit}` : '',
                            polarityLabels[metric.polarity],
                            metric.source ? `Source: ${metric.source}` : '',
                            metric.frequency,
                          ]
                            .filter((part) => part !== '')
                            .join(' · ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </details>
  );
}

/** The framework grid as a version holds it: a table per domain, its outcomes by level with their counts. */
export function VersionFramework({ framework, date }: { framework: Framework; date: string }) {
  return (
    <section className="section" aria-labelledby="version-framework-heading" data-testid="version-framework">
      <h2 id="version-framework-heading">Framework</h2>
      <AsItWas date={date} />
      {framework.outcomes.length === 0 ? <p className="muted">No outcomes.</p> : null}
      {domainOrder.map((domain) => {
        const cells = framework.cells.filter((cell) => cell.domain === domain && cell.outcomes.length > 0);
        if (cells.length === 0) return null;
        const name = domainLabel(domain);
        return (
          <div
            key={domain}
            className="table-scroll"
            role="region"
            aria-label={`${name}: outcomes`}
            tabIndex={0}
            data-testid={`version-domain-${domain}`}
          >
            <table className="table table--compact">
              <caption className="table__caption">
                {name}: outcomes by level, as it was on {date}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Indicators</th>
                  <th scope="col">Metrics</th>
                </tr>
              </thead>
              <tbody>
                {cells.flatMap((cell) =>
                  cell.outcomes.map((outcome) => (
                    <tr key={outcome.id}>
                      <td className="table__nowrap">{levelLabel(cell.level)}</td>
                      <th scope="row" className="version-outcome">
                        <OutcomeDetails framework={framework} outcome={outcome} />
                      </th>
                      <td>{plural(outcome.indicatorCount, 'indicator', 'indicators')}</td>
                      <td>{plural(outcome.metricCount, 'metric', 'metrics')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
