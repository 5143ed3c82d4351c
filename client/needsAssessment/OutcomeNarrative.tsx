import { useId, useState, type ReactNode } from 'react';
import { threadsOnEntity, threadsOnNarrative } from '../../shared/model/comments/filters.ts';
import {
  indicatorsForOutcome,
  metricsForOutcome,
  type Framework,
  type OutcomeSummary,
} from '../../shared/model/framework/index.ts';
import { narrativeKey } from '../../shared/model/narratives/keys.ts';
import type { Indicator, Metric } from '../../shared/schemas/framework.ts';
import { EvidenceCurves } from '../evidence/OutcomeEvidence.tsx';
import { FieldPresence } from '../components/FieldPresence.tsx';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { NarrativeField, NarrativeMeta } from './NarrativeField.tsx';
import { useNeedsAssessment } from './NeedsAssessmentContext.ts';
import { useNarrativeStats } from './useNarrativeStats.ts';

function openCount(count: number): string {
  return `${count} open ${count === 1 ? 'comment' : 'comments'}`;
}

/**
 * An outcome or indicator with its "story behind the curve": collapsed to a line (words, last edit, open comments)
 * until someone opens it, so a domain with dozens of outcomes does not mount dozens of editors.
 */
function StoryBehindTheCurve({
  kind,
  id,
  title,
  headingLevel,
  metrics,
  children,
}: {
  kind: 'outcome' | 'indicator';
  id: string;
  title: string;
  headingLevel: 4 | 5;
  /** The metrics whose curves the story is about, shown above it when it is open. */
  metrics: readonly Metric[];
  children?: ReactNode;
}) {
  const { doc, threads, canComment, startDraft } = useNeedsAssessment();
  const { people } = useWorkspaceDoc();
  const key = narrativeKey({ kind, id });
  const stats = useNarrativeStats(doc, key);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const comments = [...threadsOnEntity(threads, kind, id), ...threadsOnNarrative(threads, key)].filter(
    (thread) => thread.status === 'open',
  ).length;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <div className={`story story--${kind}`} data-testid={`${kind}-${id}`}>
      <Heading className="story__title">{title}</Heading>
      <div className="story__summary">
        {/* Once open, the narrative's own line says the same. */}
        {open ? null : <NarrativeMeta {...stats} />}
        {comments > 0 ? <p className="story__comments">{openCount(comments)}</p> : null}
        {open ? null : <FieldPresence people={people} field={key} selfClientId={doc?.clientID ?? null} />}
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button--small button--secondary"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide the story behind the curve' : 'Story behind the curve'}
          <span className="visually-hidden"> for {title}</span>
        </button>
        {canComment ? (
          <button
            type="button"
            className="button--small button--secondary"
            onClick={() => startDraft({ anchor: { kind: 'entity', entityKind: kind, entityId: id }, about: title })}
          >
            Comment on this {kind}
            <span className="visually-hidden">: {title}</span>
          </button>
        ) : null}
      </div>
      <div id={regionId} hidden={!open}>
        {open ? (
          <>
            <div className="story__curves" aria-label={`The curve: ${title}`} role="group">
              {metrics.length > 0 ? (
                <EvidenceCurves metrics={metrics} titleLevel={headingLevel === 4 ? 5 : 6} />
              ) : (
                <p className="hint">No metrics measure this {kind} yet, so there is no curve to show.</p>
              )}
            </div>
            <NarrativeField narrativeKey={key} label={`Story behind the curve: ${title}`} />
          </>
        ) : null}
      </div>
      {children}
    </div>
  );
}

/** An outcome, its story, and its indicators with theirs. */
export function OutcomeNarrative({ outcome, framework }: { outcome: OutcomeSummary; framework: Framework }) {
  const indicators: Indicator[] = indicatorsForOutcome(framework, outcome.id);
  return (
    <li className="outcome-narrative">
      <StoryBehindTheCurve
        kind="outcome"
        id={outcome.id}
        title={outcome.statement}
        headingLevel={4}
        metrics={metricsForOutcome(framework, outcome.id)}
      >
        {indicators.length > 0 ? (
          <ul className="outcome-narrative__indicators" aria-label={`Indicators for ${outcome.statement}`}>
            {indicators.map((indicator) => (
              <li key={indicator.id}>
                <StoryBehindTheCurve
                  kind="indicator"
                  id={indicator.id}
                  title={indicator.name}
                  headingLevel={5}
                  metrics={framework.metrics.filter((metric) => metric.indicatorId === indicator.id)}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </StoryBehindTheCurve>
    </li>
  );
}
