import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteOutcome, readFramework } from '../../../shared/model/framework/index.ts';
import {
  applyTemplate,
  commonOutcomesTemplate,
  defaultFrameworkTemplateId,
  frameworkTemplates,
} from '../../../shared/templates/index.ts';

describe('applying a template', () => {
  it('fills an empty workspace with all 20 cells populated, every item core and traceable to the template', () => {
    const doc = new Y.Doc();
    const added = applyTemplate(doc, 'common-outcomes');
    const framework = readFramework(doc);
    expect(framework.problems).toEqual([]);
    for (const cell of framework.cells)
      expect(cell.outcomes.length, `${cell.domain} × ${cell.level}`).toBeGreaterThanOrEqual(2);
    expect(added).toEqual({
      outcomes: framework.outcomes.length,
      indicators: framework.indicators.length,
      metrics: framework.metrics.length,
    });
    expect(framework.indicators.length).toBeGreaterThanOrEqual(35);
    for (const item of [...framework.outcomes, ...framework.indicators, ...framework.metrics]) {
      expect(item.scope).toBe('core');
      expect(item.templateId).toMatch(/^cof\./);
    }
  });

  it('keeps the template’s order within each cell and its links', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'common-outcomes');
    const framework = readFramework(doc);
    const safeChild = framework.cells.find((cell) => cell.domain === 'safe' && cell.level === 'child')!;
    expect(safeChild.outcomes.map((outcome) => outcome.templateId)).toEqual(
      commonOutcomesTemplate.domains[0]!.outcomes.filter((o) => o.level === 'child').map((o) => o.templateId),
    );
    const injuries = framework.indicators.find((i) => i.templateId === 'cof.ind.safe.injuries-0-4')!;
    expect(injuries.outcomeIds).toHaveLength(2);
  });

  it('is idempotent: applying twice adds nothing', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'common-outcomes');
    const once = readFramework(doc);
    expect(applyTemplate(doc, 'common-outcomes')).toEqual({ outcomes: 0, indicators: 0, metrics: 0 });
    expect(readFramework(doc)).toEqual(once);
  });

  it('does not bring back template items people deleted', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'common-outcomes');
    const [first] = readFramework(doc).outcomes;
    deleteOutcome(doc, first!.id, 'someone');
    applyTemplate(doc, 'common-outcomes');
    expect(readFramework(doc).outcomes.map((outcome) => outcome.id)).not.toContain(first!.id);
  });

  it('leaves a workspace empty with the blank template', () => {
    const doc = new Y.Doc();
    expect(applyTemplate(doc, 'blank')).toEqual({ outcomes: 0, indicators: 0, metrics: 0 });
    expect(readFramework(doc).outcomes).toEqual([]);
  });

  it('lists the templates for the create-partnership form, default first, with what each holds', () => {
    expect(frameworkTemplates.map((template) => template.id)).toEqual([defaultFrameworkTemplateId, 'blank']);
    expect(frameworkTemplates[0]).toMatchObject({ name: 'Common Outcomes Framework' });
    expect(frameworkTemplates[0]!.indicatorCount).toBeGreaterThanOrEqual(35);
    expect(frameworkTemplates[1]).toMatchObject({ outcomeCount: 0, indicatorCount: 0, metricCount: 0 });
  });
});
