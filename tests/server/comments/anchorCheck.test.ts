import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorProblem, entityAnchorKey } from '../../../server/comments/anchorCheck.ts';
import { addMetric, deleteMetric } from '../../../shared/model/framework/index.ts';
import { deleteAction, deleteLink } from '../../../shared/model/theoryOfChange/index.ts';
import { CommentAnchorSchema, type EntityAnchor } from '../../../shared/schemas/comments.ts';
import { buildMetric } from '../../shared/model/framework/factories.ts';
import { linkOrFail, seedTheoryOfChange } from '../../shared/model/theoryOfChange/factories.ts';

/** A workspace with outcomes, an indicator with a metric, two actions and a link from the first to an outcome. */
function workspace() {
  const doc = new Y.Doc();
  const seeded = seedTheoryOfChange(doc);
  const metric = addMetric(doc, buildMetric(seeded.indicator));
  const link = linkOrFail(doc, { actionId: seeded.actions[0], target: { kind: 'outcome', id: seeded.outcomes[0] } });
  return { doc, ...seeded, metric, link };
}

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

describe('entity anchors', () => {
  it('accepts a live outcome, indicator, metric, its data mapping and evidence (with a period), and a live link', () => {
    const { doc, outcomes, indicator, metric, link } = workspace();
    for (const anchor of [
      on('outcome', outcomes[0]),
      on('indicator', indicator),
      on('metric', metric),
      on('metric', metric, { aspect: 'data-mapping' }),
      on('metric', metric, { aspect: 'evidence' }),
      on('metric', metric, { aspect: 'evidence', period: '2024/25' }),
      on('link', link),
    ]) {
      expect(anchorProblem(doc, anchor), JSON.stringify(anchor)).toBeNull();
    }
  });

  it('refuses a link that does not exist, was deleted, or is hidden with its deleted action', () => {
    const { doc, actions, outcomes, link } = workspace();
    expect(anchorProblem(doc, on('link', 'no-such-link'))).toBe(
      'There is no such theory-of-change link in this partnership.',
    );
    deleteLink(doc, link, 'Esme');
    expect(anchorProblem(doc, on('link', link))).toBe('That theory-of-change link has been deleted.');

    const other = linkOrFail(doc, { actionId: actions[1], target: { kind: 'outcome', id: outcomes[1] } });
    expect(anchorProblem(doc, on('link', other))).toBeNull();
    deleteAction(doc, actions[1], 'Esme');
    expect(anchorProblem(doc, on('link', other))).toBe('That theory-of-change link has been deleted.');
  });

  it('refuses an aspect on anything but a metric, a period without evidence, and a deleted metric', () => {
    const { doc, outcomes, metric, link } = workspace();
    expect(anchorProblem(doc, on('outcome', outcomes[0], { aspect: 'evidence' }))).toBe(
      'Only a metric has a data mapping or evidence.',
    );
    expect(anchorProblem(doc, on('link', link, { aspect: 'data-mapping' }))).toBe(
      'Only a metric has a data mapping or evidence.',
    );
    expect(anchorProblem(doc, on('metric', metric, { aspect: 'data-mapping', period: '2024/25' }))).toBe(
      'A period is only for comments on evidence.',
    );
    expect(anchorProblem(doc, on('metric', metric, { period: '2024/25' }))).toBe(
      'A period is only for comments on evidence.',
    );
    deleteMetric(doc, metric, 'Esme');
    expect(anchorProblem(doc, on('metric', metric, { aspect: 'evidence' }))).toBe(
      'There is no such metric in this partnership.',
    );
  });

  it('names each anchor in the audit log with its aspect and period', () => {
    expect(entityAnchorKey(on('outcome', 'o1'))).toBe('outcome:o1');
    expect(entityAnchorKey(on('link', 'l1'))).toBe('link:l1');
    expect(entityAnchorKey(on('metric', 'm1', { aspect: 'data-mapping' }))).toBe('metric:m1:data-mapping');
    expect(entityAnchorKey(on('metric', 'm1', { aspect: 'evidence', period: '2024/25' }))).toBe(
      'metric:m1:evidence:2024/25',
    );
  });
});

describe('the anchor schema', () => {
  it('reads anchors stored before aspects existed, and new ones on links, data mapping and evidence', () => {
    for (const anchor of [
      on('outcome', 'o1'),
      on('metric', 'm1'),
      on('link', 'l1'),
      on('metric', 'm1', { aspect: 'data-mapping' }),
      on('metric', 'm1', { aspect: 'evidence', period: '2024/25' }),
    ]) {
      expect(CommentAnchorSchema.parse(anchor)).toEqual(anchor);
    }
  });

  it('refuses an aspect off a metric, a period without evidence, and a period too long to be a label', () => {
    const problems = (anchor: unknown) =>
      CommentAnchorSchema.safeParse(anchor).error?.issues.map((issue) => issue.path.join('.'));
    expect(problems(on('outcome', 'o1', { aspect: 'evidence' }))).toEqual(['aspect']);
    expect(problems(on('metric', 'm1', { aspect: 'data-mapping', period: '2024' }))).toEqual(['period']);
    expect(problems(on('metric', 'm1', { aspect: 'evidence', period: 'x'.repeat(41) }))).toEqual(['period']);
    expect(problems({ kind: 'entity', entityKind: 'action', entityId: 'a1' })).toEqual(['entityKind']);
  });
});
