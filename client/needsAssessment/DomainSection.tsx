import { useId } from 'react';
import { domains, frameworkCell, levelLabel, levelOrder, type Framework } from '../../shared/model/framework/index.ts';
import { narrativeKey } from '../../shared/model/narratives/keys.ts';
import type { Domain } from '../../shared/schemas/framework.ts';
import { NarrativeField } from './NarrativeField.tsx';
import { OutcomeNarrative } from './OutcomeNarrative.tsx';

/** One domain: its narrative, then its outcomes by level, each with its story behind the curve. */
export function DomainSection({ domain, framework }: { domain: Domain; framework: Framework }) {
  const id = useId();
  const { label, description } = domains[domain];
  const levels = levelOrder.map((level) => ({ level, outcomes: frameworkCell(framework, domain, level).outcomes }));
  return (
    <section className="domain-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{label}</h2>
      <p className="lead">{description}</p>
      <NarrativeField narrativeKey={narrativeKey({ kind: 'domain', domain })} label={`Narrative for ${label}`} />
      <p className="domain-section__intro">
        The outcomes of this domain, by who they are about. Open an outcome or indicator to write its story behind the
        curve: what the data show, why, and what would help.
      </p>
      {levels.every(({ outcomes }) => outcomes.length === 0) ? (
        <p className="muted">This domain has no outcomes yet. Add them in the framework.</p>
      ) : (
        levels
          .filter(({ outcomes }) => outcomes.length > 0)
          .map(({ level, outcomes }) => (
            <section key={level} className="domain-section__level" aria-labelledby={`${id}-${level}`}>
              <h3 id={`${id}-${level}`} className="domain-section__level-heading">
                {levelLabel(level)}
              </h3>
              <ul className="domain-section__outcomes">
                {outcomes.map((outcome) => (
                  <OutcomeNarrative key={outcome.id} outcome={outcome} framework={framework} />
                ))}
              </ul>
            </section>
          ))
      )}
    </section>
  );
}
