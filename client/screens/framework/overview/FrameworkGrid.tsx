import { useMemo, type CSSProperties } from 'react';
import { domains, levelLabel, type Framework } from '../../../../shared/model/framework/index.ts';
import type { Domain, Level } from '../../../../shared/schemas/framework.ts';
import type { PriorityLookup } from '../../../../shared/model/prioritisation/projection.ts';
import type { Presence } from '../../../../shared/model/presence.ts';
import { peopleOnOutcome } from '../../../framework/presenceKeys.ts';
import { FrameworkCell } from './FrameworkCell.tsx';

interface FrameworkGridProps {
  framework: Framework;
  outcomeHref: (outcomeId: string) => string;
  priorityOf: PriorityLookup;
  people: readonly Presence[];
  selfClientId: number | null;
  canEdit: boolean;
  filtered: boolean;
}

/**
 * The framework at a glance: one row per domain, one column per level (babies, children and young people first).
 * Each domain is a section with its own heading and each cell a sub-heading, so on a narrow screen (or zoomed in) the
 * grid reflows into a list per domain and still reads in order.
 */
export function FrameworkGrid({
  framework,
  outcomeHref,
  priorityOf,
  people,
  selfClientId,
  canEdit,
  filtered,
}: FrameworkGridProps) {
  const shownDomains = [...new Set(framework.cells.map((cell) => cell.domain))];
  const shownLevels = [...new Set(framework.cells.map((cell) => cell.level))];
  const hereByOutcome = useMemo(() => {
    const byOutcome = new Map<string, readonly Presence[]>();
    for (const person of people) {
      const outcomeId = person.viewing?.startsWith('outcome:') ? person.viewing.slice('outcome:'.length) : null;
      if (outcomeId && !byOutcome.has(outcomeId))
        byOutcome.set(outcomeId, peopleOnOutcome(people, outcomeId, selfClientId));
    }
    return byOutcome;
  }, [people, selfClientId]);
  const style = { '--framework-levels': shownLevels.length } as CSSProperties;
  const cellsOf = (domain: Domain) => framework.cells.filter((cell) => cell.domain === domain);
  return (
    <div className="framework-grid" style={style} data-testid="framework-grid">
      <div className="framework-grid__levels" aria-hidden="true">
        <span className="framework-grid__corner">Domain</span>
        {shownLevels.map((level: Level) => (
          <span key={level} className="framework-grid__level">
            {levelLabel(level)}
          </span>
        ))}
      </div>
      {shownDomains.map((domain) => (
        <section key={domain} className="framework-domain" aria-labelledby={`domain-${domain}`}>
          <div className="framework-domain__heading">
            <h2 id={`domain-${domain}`}>{domains[domain].label}</h2>
            <p className="framework-domain__description">{domains[domain].description}</p>
          </div>
          {cellsOf(domain).map((cell) => (
            <FrameworkCell
              key={cell.level}
              cell={cell}
              outcomeHref={outcomeHref}
              priorityOf={priorityOf}
              hereByOutcome={hereByOutcome}
              canEdit={canEdit}
              filtered={filtered}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
