import { useMemo, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import {
  restoreIndicator,
  restoreMetric,
  restoreOutcome,
  type EntityKind,
} from '../../../../shared/model/framework/index.ts';
import { formatDateTime } from '../../../format.ts';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

/** How many deleted items are listed: enough to find what was just removed, not an archive. */
const listed = 15;

interface DeletedItem {
  kind: EntityKind;
  id: string;
  name: string;
  deletedAt: string;
  deletedBy: string | null;
}

const kindWords: Record<EntityKind, string> = { outcome: 'Outcome', indicator: 'Indicator', metric: 'Metric' };
const restorers: Record<EntityKind, typeof restoreOutcome> = {
  outcome: restoreOutcome,
  indicator: restoreIndicator,
  metric: restoreMetric,
};

/**
 * What was deleted lately, by anyone, with Restore: deletes are soft, so this is how a delete is undone after a
 * reload, on another device, or by a colleague. Outcome links lead to the (deleted) outcome's page.
 */
export function RecentlyDeleted({ outcomeHref }: { outcomeHref: (outcomeId: string) => string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { cache, perform } = useFramework();
  const everything = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => cache.read({ includeDeleted: true }),
  );
  const deleted = useMemo<DeletedItem[]>(() => {
    const item = (
      kind: EntityKind,
      entity: { id: string; deletedAt: string | null; deletedBy: string | null },
      name: string,
    ) =>
      entity.deletedAt === null
        ? []
        : [{ kind, id: entity.id, name, deletedAt: entity.deletedAt, deletedBy: entity.deletedBy }];
    const items: DeletedItem[] = [
      ...everything.outcomes.flatMap((outcome) => item('outcome', outcome, outcome.statement)),
      ...everything.indicators.flatMap((indicator) => item('indicator', indicator, indicator.name)),
      ...everything.metrics.flatMap((metric) => item('metric', metric, metric.name)),
    ];
    return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).slice(0, listed);
  }, [everything]);

  if (deleted.length === 0) return null;
  const restore = (item: DeletedItem): void => {
    if (!doc) return;
    perform(`Restored the ${item.kind} “${item.name.trim() || 'untitled'}”`, () => restorers[item.kind](doc, item.id));
  };
  return (
    <section className="section recently-deleted" aria-labelledby="recently-deleted">
      <h2 id="recently-deleted">Recently deleted</h2>
      <p className="hint">
        Deleted outcomes, indicators and metrics stay here so anyone can bring them back, with what hung under them.
      </p>
      <table className="table" data-testid="recently-deleted">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Deleted</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deleted.map((item) => {
            const name = item.name.trim() || `Untitled ${item.kind}`;
            return (
              <tr key={`${item.kind}:${item.id}`}>
                <td>
                  <span className="table__secondary">{kindWords[item.kind]}</span>
                  {item.kind === 'outcome' ? <Link to={outcomeHref(item.id)}>{name}</Link> : name}
                </td>
                <td>
                  {formatDateTime(item.deletedAt)}
                  {item.deletedBy ? <span className="table__secondary">by {item.deletedBy}</span> : null}
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button--secondary button--small"
                    disabled={!canEdit}
                    onClick={() => restore(item)}
                  >
                    Restore<span className="visually-hidden"> {name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
