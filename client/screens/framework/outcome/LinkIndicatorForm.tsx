import { useId, useMemo, useState } from 'react';
import { linkIndicator, normaliseSearchText } from '../../../../shared/model/framework/index.ts';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

/** How many matches are offered at once: enough to choose from, few enough to read. */
const offered = 8;

/** Finds an indicator that already exists (serving other outcomes, or none) and makes it serve this outcome too. */
export function LinkIndicatorForm({ outcomeId }: { outcomeId: string }) {
  const { doc } = useWorkspaceDoc();
  const { framework, perform } = useFramework();
  const id = useId();
  const [query, setQuery] = useState('');
  const statementOf = useMemo(
    () => new Map(framework.outcomes.map((outcome) => [outcome.id, outcome.statement.trim() || 'Untitled outcome'])),
    [framework.outcomes],
  );
  const needle = normaliseSearchText(query);
  const candidates = useMemo(
    () =>
      needle === ''
        ? []
        : framework.indicators
            .filter((indicator) => !indicator.outcomeIds.includes(outcomeId))
            .filter((indicator) => normaliseSearchText(`${indicator.name} ${indicator.definition}`).includes(needle)),
    [framework.indicators, needle, outcomeId],
  );
  return (
    <div className="link-indicator">
      <div className="field">
        <label htmlFor={`${id}-query`}>Link an indicator that already exists</label>
        <div id={`${id}-hint`} className="hint">
          Type part of its name. Linking does not copy it: it will serve both outcomes.
        </div>
        <input
          id={`${id}-query`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${id}-hint ${id}-count`}
          autoComplete="off"
        />
      </div>
      <p id={`${id}-count`} className="muted" role="status">
        {needle === ''
          ? ''
          : candidates.length === 0
            ? 'No other indicator matches.'
            : `${candidates.length} ${candidates.length === 1 ? 'indicator matches' : 'indicators match'}${candidates.length > offered ? `; the first ${offered} are shown` : ''}.`}
      </p>
      {candidates.length > 0 ? (
        <ul className="link-indicator__results">
          {candidates.slice(0, offered).map((indicator) => {
            const name = indicator.name.trim() || 'Untitled indicator';
            const serves = indicator.outcomeIds.map((outcome) => statementOf.get(outcome)).filter(Boolean);
            return (
              <li key={indicator.id}>
                <span className="link-indicator__name">{name}</span>
                <span className="table__secondary">
                  {serves.length > 0 ? `Serves: ${serves.join('; ')}` : 'Not linked to any outcome yet'}
                </span>
                <button
                  type="button"
                  className="button--secondary button--small"
                  onClick={() => {
                    if (!doc) return;
                    perform(`Linked the indicator “${name}”`, () => linkIndicator(doc, indicator.id, outcomeId));
                    setQuery('');
                  }}
                >
                  Link<span className="visually-hidden"> {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
