import { domainLabel, type Framework } from '../../shared/model/framework/index.ts';
import { parseNarrativeKey } from '../../shared/model/narratives/keys.ts';
import type { CommentAnchor } from '../../shared/schemas/comments.ts';
import type { Domain } from '../../shared/schemas/framework.ts';

/** What a thread is about, in words: "Safe narrative", "Outcome: Children are safe at home"… */
export function anchorSubject(anchor: CommentAnchor, framework: Framework): string {
  const outcome = (id: string) =>
    framework.outcomes.find((o) => o.id === id)?.statement ?? 'an outcome that was removed';
  const indicator = (id: string) =>
    framework.indicators.find((i) => i.id === id)?.name ?? 'an indicator that was removed';
  if (anchor.kind === 'entity') {
    if (anchor.entityKind === 'outcome') return `Outcome: ${outcome(anchor.entityId)}`;
    if (anchor.entityKind === 'indicator') return `Indicator: ${indicator(anchor.entityId)}`;
    return `Metric: ${framework.metrics.find((m) => m.id === anchor.entityId)?.name ?? 'a metric that was removed'}`;
  }
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
    const indicatorId = framework.metrics.find((m) => m.id === anchor.entityId)?.indicatorId;
    return indicatorId ? ofIndicator(indicatorId) : null;
  }
  const target = parseNarrativeKey(anchor.narrativeKey);
  if (!target) return null;
  if (target.kind === 'domain') return target.domain;
  return target.kind === 'outcome' ? ofOutcome(target.id) : ofIndicator(target.id);
}
