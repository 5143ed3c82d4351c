import { describe, expect, it } from 'vitest';
import { domainKeys, levelKeys, polarityKeys } from '../../../shared/schemas/framework.ts';
import { commonOutcomesTemplate } from '../../../shared/templates/index.ts';

const template = commonOutcomesTemplate;
const outcomes = template.domains.flatMap((domain) =>
  domain.outcomes.map((outcome) => ({ ...outcome, domain: domain.domain })),
);
const indicators = template.domains.flatMap((domain) => domain.indicators);
const metrics = indicators.flatMap((indicator) => indicator.metrics);

// Fingertips ids the reference facts give; the template must carry each on the right metric.
const referenceFingertipsIds = [
  '93085',
  '20101',
  '92196',
  '20201',
  '92517',
  '91323',
  '93436',
  '90631',
  '90632',
  '90319',
  '90323',
  '20601',
  '20602',
  '93563',
  '92702',
  '93701',
  '93736',
  '90803',
  '92672',
  '93378',
  '93203',
  '10401',
  '20401',
  '848',
];

describe('the Common Outcomes Framework template', () => {
  it('covers the five domains in order', () => {
    expect(template.domains.map((domain) => domain.domain)).toEqual(domainKeys);
  });

  describe.each(domainKeys.flatMap((domain) => levelKeys.map((level) => [domain, level] as const)))(
    '%s × %s',
    (domain, level) => {
      it('has 2 to 4 outcomes', () => {
        const inCell = outcomes.filter((outcome) => outcome.domain === domain && outcome.level === level);
        expect(inCell.length).toBeGreaterThanOrEqual(2);
        expect(inCell.length).toBeLessThanOrEqual(4);
      });
    },
  );

  it('has at least 35 indicators, each serving an outcome of the template and with at least one metric', () => {
    const outcomeIds = new Set(outcomes.map((outcome) => outcome.templateId));
    expect(indicators.length).toBeGreaterThanOrEqual(35);
    for (const indicator of indicators) {
      expect(indicator.outcomes.length, indicator.templateId).toBeGreaterThan(0);
      for (const id of indicator.outcomes) expect(outcomeIds, `${indicator.templateId} → ${id}`).toContain(id);
      expect(indicator.metrics.length, indicator.templateId).toBeGreaterThan(0);
    }
  });

  it('gives every metric a source, a unit, a polarity and a frequency', () => {
    for (const metric of metrics) {
      expect(metric.source.trim(), metric.templateId).not.toBe('');
      expect(metric.unit.trim(), metric.templateId).not.toBe('');
      expect(polarityKeys, metric.templateId).toContain(metric.polarity);
      expect(metric.frequency.trim(), metric.templateId).not.toBe('');
      if (metric.fingertipsId !== null) expect(metric.fingertipsId).toMatch(/^\d+$/);
    }
  });

  it('carries the Fingertips ids of the reference facts', () => {
    const carried = metrics.flatMap((metric) => metric.fingertipsId ?? []);
    for (const id of referenceFingertipsIds) expect(carried).toContain(id);
  });

  it('has unique, stable template ids that say what they are', () => {
    const ids = [...outcomes, ...indicators, ...metrics].map((item) => item.templateId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const outcome of outcomes) {
      expect(outcome.templateId).toMatch(new RegExp(`^cof\\.out\\.${outcome.domain}\\.${outcome.level}\\.\\d+$`));
    }
    for (const domain of template.domains) {
      for (const indicator of domain.indicators) {
        expect(indicator.templateId).toMatch(new RegExp(`^cof\\.ind\\.${domain.domain}\\.[a-z0-9-]+$`));
        for (const metric of indicator.metrics) expect(metric.templateId).toMatch(/^cof\.met\.[a-z]+\.[a-z0-9-]+$/);
      }
    }
  });

  it('speaks in strengths-based statements, never about deficits', () => {
    for (const outcome of outcomes) {
      expect(outcome.statement, outcome.templateId).not.toMatch(/\b(reduce|reduced|prevent|fewer|less|not)\b/i);
      expect(outcome.statement.length).toBeLessThanOrEqual(120);
      expect(outcome.description.trim()).not.toBe('');
    }
  });
});
