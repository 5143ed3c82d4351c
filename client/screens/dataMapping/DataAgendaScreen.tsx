import { Link } from 'react-router';
import { dataDevelopmentAgenda, dataStatusLabel } from '../../../shared/model/dataMapping/index.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { useDataMapping } from '../../dataMapping/useDataMapping.ts';
import { useMetricContexts } from '../../dataMapping/useMetricContexts.ts';
import { statusTagClass } from '../../dataMapping/statusStyles.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';

/** The data development agenda: every metric whose data are not available, by the organisation to act and the step. */
export function DataAgendaScreen() {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const contexts = useMetricContexts();
  const mappings = useDataMapping(doc);
  if (!contexts) return <LoadingPage />;
  const { owners, notMapped } = dataDevelopmentAgenda(contexts, mappings);
  const paths = evidencePaths(partnership.id);
  const total = owners.reduce((sum, owner) => sum + owner.count, 0);
  return (
    <PartnershipPage title="Data development agenda">
      <p className="back-link-wrapper">
        <Link className="back-link" to={paths.dataMapping}>
          Data mapping
        </Link>
      </p>
      <p className="lead">
        {total === 0
          ? 'No metric is marked as not accessible, partial or missing.'
          : `${total} ${total === 1 ? 'metric needs' : 'metrics need'} work before the partnership can measure ${total === 1 ? 'it' : 'them'}, grouped by who holds the data and the agreed next step.`}
      </p>
      {owners.map((group) => (
        <section
          key={group.owner || 'no-owner'}
          className="section agenda-owner"
          aria-labelledby={`owner-${group.owner || 'none'}`}
        >
          <h2 id={`owner-${group.owner || 'none'}`}>
            {group.owner || 'No owner agreed yet'}{' '}
            <span className="count-badge">
              {group.count} {group.count === 1 ? 'metric' : 'metrics'}
            </span>
          </h2>
          {group.steps.map((step) => (
            <div key={step.nextStep || 'no-step'} className="agenda-step">
              <h3>{step.nextStep ? `Next step: ${step.nextStep}` : 'No next step agreed yet'}</h3>
              <ul className="agenda-step__items">
                {step.items.map(({ context, mapping }) => (
                  <li key={context.metric.id}>
                    <span className={statusTagClass(mapping.status ?? 'not-mapped')}>
                      {dataStatusLabel(mapping.status)}
                    </span>{' '}
                    <Link to={paths.metric(context.metric.id)}>{context.metric.name || 'Untitled metric'}</Link>
                    {mapping.reason ? <span className="agenda-step__reason"> — {mapping.reason}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {notMapped.length > 0 ? (
        <section className="section" aria-labelledby="not-mapped-heading">
          <h2 id="not-mapped-heading">Not yet mapped ({notMapped.length})</h2>
          <p>
            Nobody has said yet whether these metrics have data.{' '}
            <Link to={paths.dataMapping}>Map them in the data mapping grid</Link>.
          </p>
          <details className="inline-details">
            <summary>Show the {notMapped.length} metrics</summary>
            <ul>
              {notMapped.map((context) => (
                <li key={context.metric.id}>{context.metric.name || 'Untitled metric'}</li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}
    </PartnershipPage>
  );
}
