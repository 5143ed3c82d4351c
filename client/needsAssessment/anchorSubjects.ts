import { entityAnchorLabel, type AnchorNames } from '../../shared/model/comments/anchorLabels.ts';
import { domainLabel, type Framework } from '../../shared/model/framework/index.ts';
import { parseNarrativeKey } from '../../shared/model/narratives/keys.ts';
import type { TheoryOfChange } from '../../shared/model/theoryOfChange/index.ts';
import type { CommentAnchor } from '../../shared/schemas/comments.ts';
import type { Domain } from '../../shared/schemas/framework.ts';

/** The names anchors are described by, from the framework and (for links) the theory of change when it is read. */
export function anchorNames(framework: Framework, theoryOfChange?: TheoryOfChange): AnchorNames {
  return {
    outcome: (id) => framework.outcomes.find((o) => o.id === id)?.statement ?? null,
    indicator: (id) => framework.indicators.find((i) => i.id === id)?.name ?? null,
    metric: (id) => framework.metrics.find((m) => m.id === id)?.name ?? null,
    link: (id) => {
      const link = theoryOfChange?.links.find((l) => l.id === id);
      if (!link) return null;
      const action = theoryOfChange?.actions.find((a) => a.id === link.actionId);
      return { action: action?.name ?? '', target: link.target.label };
    },
  };
}

/**
 * What a thread is about, in words: "Safe narrative", "Outcome: Children are safe at home", "Data mapping: …",
 * "Evidence: …, 2024/25", "Theory-of-change link: … → …".
 */
export function anchorSubject(anchor: CommentAnchor, framework: Framework, theoryOfChange?: TheoryOfChange): string {
  if (anchor.kind === 'entity') return entityAnchorLabel(anchor, anchorNames(framework, theoryOfChange));
  const outcome = (id: string) =>
    framework.outcomes.find((o) => o.id === id)?.statement ?? 'an outcome that was removed';
  const indicator = (id: string) =>
    framework.indicators.find((i) => i.id === id)?.name ?? 'an indicator that was removed';
  const target = parseNarrativeKey(anchor.narrativeKey);
  if (!target) return 'A narrative';
  if (target.kind === 'domain') return `${domainLabel(target.domain)} narrative`;
  if (target.kind === 'outcome') return `Story behind the curve of outcome: ${outcome(target.id)}`;
  return `Story behind the curve of indicator: ${indicator(target.id)}`;
}

/** The domain a thread belongs to, so each domain's page lists its own threads; null when that is unknown. */
export function anchorDomain(anchor: CommentAnchor, framework: Framework): Domain | null {
  const ofOutcome = (id: string) => framework.outcomes.find((o) => o.id === id)?.domain ?? null;
  const ofIndicator = (id: string) => {
    const outcomeId = framework.indicators.find((i) => i.id === id)?.outcomeIds[0];
    return outcomeId ? ofOutcome(outcomeId) : null;
  };
  if (anchor.kind === 'entity') {
    if (anchor.entityKind === 'outcome') return ofOutcome(anchor.entityId);
    if (anchor.entityKind === 'indicator') return ofIndicator(anchor.entityId);
    // A link's domain is its target's, which needs the theory of change: not known from the framework alone.
    if (anchor.entityKind === 'link') return null;
    const indicatorId = framework.metrics.find((m) => m.id === anchor.entityId)?.indicatorId;
    return indicatorId ? ofIndicator(indicatorId) : null;
  }
  const target = parseNarrativeKey(anchor.narrativeKey);
  if (!target) return null;
  if (target.kind === 'domain') return target.domain;
  return target.kind === 'outcome' ? ofOutcome(target.id) : ofIndicator(target.id);
}
