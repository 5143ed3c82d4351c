import { describe, expect, it } from 'vitest';
import { anchorAspect, entityAnchorLabel, type AnchorNames } from '../../../../shared/model/comments/anchorLabels.ts';
import type { EntityAnchor } from '../../../../shared/schemas/comments.ts';

/** Names for one outcome, indicator, metric and link; everything else reads as removed. */
const names: AnchorNames = {
  outcome: (id) => (id === 'o1' ? 'Children are safe at home' : null),
  indicator: (id) => (id === 'i1' ? 'Fewer emergency admissions' : null),
  metric: (id) => (id === 'm1' ? 'Admissions per 10,000 children' : null),
  link: (id) => (id === 'l1' ? { action: 'Baby massage group', target: 'Children are safe at home' } : null),
};

const on = (
  entityKind: EntityAnchor['entityKind'],
  entityId: string,
  more: Partial<EntityAnchor> = {},
): EntityAnchor => ({
  kind: 'entity',
  entityKind,
  entityId,
  ...more,
});

describe('what an entity anchor is about, in words', () => {
  it('names outcomes, indicators, metrics, their data mapping and evidence, and links', () => {
    expect(entityAnchorLabel(on('outcome', 'o1'), names)).toBe('Outcome: Children are safe at home');
    expect(entityAnchorLabel(on('indicator', 'i1'), names)).toBe('Indicator: Fewer emergency admissions');
    expect(entityAnchorLabel(on('metric', 'm1'), names)).toBe('Metric: Admissions per 10,000 children');
    expect(entityAnchorLabel(on('metric', 'm1', { aspect: 'data-mapping' }), names)).toBe(
      'Data mapping: Admissions per 10,000 children',
    );
    expect(entityAnchorLabel(on('metric', 'm1', { aspect: 'evidence' }), names)).toBe(
      'Evidence: Admissions per 10,000 children',
    );
    expect(entityAnchorLabel(on('metric', 'm1', { aspect: 'evidence', period: '2024/25' }), names)).toBe(
      'Evidence: Admissions per 10,000 children, 2024/25',
    );
    expect(entityAnchorLabel(on('link', 'l1'), names)).toBe(
      'Theory-of-change link: Baby massage group → Children are safe at home',
    );
  });

  it('says when what a thread was about has gone', () => {
    expect(entityAnchorLabel(on('outcome', 'gone'), names)).toBe('Outcome: an outcome that was removed');
    expect(entityAnchorLabel(on('metric', 'gone', { aspect: 'data-mapping' }), names)).toBe(
      'Data mapping: a metric that was removed',
    );
    expect(entityAnchorLabel(on('link', 'gone'), names)).toBe('Theory-of-change link: a link that was removed');
  });

  it('tells the aspect of an anchor, none for a whole entity or a passage', () => {
    expect(anchorAspect(on('metric', 'm1', { aspect: 'evidence' }))).toBe('evidence');
    expect(anchorAspect(on('metric', 'm1'))).toBeNull();
  });
});
