import type { CommentAnchor, EntityAnchor, MetricAspect } from '../../schemas/comments.ts';

/**
 * The names an entity anchor is described by, looked up by the caller in whatever it has read (the framework, the
 * theory of change); null for something that is no longer there.
 */
export interface AnchorNames {
  outcome: (id: string) => string | null;
  indicator: (id: string) => string | null;
  metric: (id: string) => string | null;
  /** A theory-of-change link as its action and the outcome or indicator it points at. */
  link: (id: string) => { action: string; target: string } | null;
}

/** The arrow between an action and what it is meant to change, as people read a theory of change. */
const linkArrow = '→';

/** What a thread on an entity is about, in words: "Outcome: …", "Data mapping: …", "Evidence: …, 2024/25"… */
export function entityAnchorLabel(anchor: EntityAnchor, names: AnchorNames): string {
  switch (anchor.entityKind) {
    case 'outcome':
      return `Outcome: ${names.outcome(anchor.entityId) ?? 'an outcome that was removed'}`;
    case 'indicator':
      return `Indicator: ${names.indicator(anchor.entityId) ?? 'an indicator that was removed'}`;
    case 'link': {
      const link = names.link(anchor.entityId);
      return link
        ? `Theory-of-change link: ${link.action || 'Untitled action'} ${linkArrow} ${link.target || 'not in the framework'}`
        : 'Theory-of-change link: a link that was removed';
    }
    case 'metric': {
      const metric = names.metric(anchor.entityId) ?? 'a metric that was removed';
      if (anchor.aspect === 'data-mapping') return `Data mapping: ${metric}`;
      if (anchor.aspect === 'evidence') return `Evidence: ${metric}${anchor.period ? `, ${anchor.period}` : ''}`;
      return `Metric: ${metric}`;
    }
  }
}

/** Which part of an entity an anchor is about: a metric's data mapping or evidence, or the entity itself (null). */
export function anchorAspect(anchor: CommentAnchor): MetricAspect | null {
  return anchor.kind === 'entity' ? (anchor.aspect ?? null) : null;
}
