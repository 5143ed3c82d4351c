import type * as Y from 'yjs';
import type { FrameworkTemplateId } from '../schemas/framework.ts';
import { readFrameworkEntities, readIndicator } from '../model/framework/entities.ts';
import { addIndicator, linkIndicator } from '../model/framework/indicators.ts';
import { addMetric } from '../model/framework/metrics.ts';
import { addOutcome } from '../model/framework/outcomes.ts';
import { frameworkTemplate } from './templates.ts';

/** How many items applying a template added (none when it had been applied already). */
export interface ApplyTemplateResult {
  outcomes: number;
  indicators: number;
  metrics: number;
}

/** Maps the template ids already in the doc (deleted items included) to the ids of their items. */
function templateItems(items: readonly { id: string; templateId: string | null }[]): Map<string, string> {
  const byTemplateId = new Map<string, string>();
  for (const item of items) if (item.templateId !== null) byTemplateId.set(item.templateId, item.id);
  return byTemplateId;
}

/**
 * Fills a workspace doc from a template, in one transaction. Idempotent: items whose template id is already in the doc
 * (even deleted ones, so a deleted outcome is not brought back) are skipped, so applying twice adds nothing. New items
 * go after what each grid cell already holds. All template items are core.
 */
export function applyTemplate(doc: Y.Doc, templateId: FrameworkTemplateId): ApplyTemplateResult {
  const template = frameworkTemplate(templateId);
  const added: ApplyTemplateResult = { outcomes: 0, indicators: 0, metrics: 0 };
  doc.transact(() => {
    const existing = readFrameworkEntities(doc, { includeDeleted: true });
    const outcomeIds = templateItems(existing.outcomes);
    const indicatorIds = templateItems(existing.indicators);
    const metricIds = templateItems(existing.metrics);
    const newOutcomes = new Set<string>();

    for (const { domain, outcomes } of template.domains) {
      for (const outcome of outcomes) {
        if (outcomeIds.has(outcome.templateId)) continue;
        const { templateId: outcomeTemplateId, ...fields } = outcome;
        outcomeIds.set(
          outcomeTemplateId,
          addOutcome(doc, { ...fields, domain, scope: 'core', templateId: outcomeTemplateId }),
        );
        newOutcomes.add(outcomeTemplateId);
        added.outcomes += 1;
      }
    }

    for (const indicator of template.domains.flatMap((domain) => domain.indicators)) {
      const serves = indicator.outcomes.flatMap((id) => outcomeIds.get(id) ?? []);
      let indicatorId = indicatorIds.get(indicator.templateId);
      if (indicatorId === undefined) {
        indicatorId = addIndicator(doc, {
          name: indicator.name,
          definition: indicator.definition,
          outcomeIds: serves,
          scope: 'core',
          templateId: indicator.templateId,
        });
        added.indicators += 1;
      } else {
        // An indicator applied before still gains outcomes this run added, e.g. from a newer template version.
        for (const outcomeTemplateId of indicator.outcomes) {
          const outcomeId = outcomeIds.get(outcomeTemplateId);
          if (newOutcomes.has(outcomeTemplateId) && outcomeId) linkIndicator(doc, indicatorId, outcomeId);
        }
      }
      // Metrics cannot be added under an indicator people deleted (or hid with its outcomes): leave it as they chose.
      if (!readIndicator(doc, indicatorId)) continue;
      for (const { templateId: metricTemplateId, ...metric } of indicator.metrics) {
        if (metricIds.has(metricTemplateId)) continue;
        addMetric(doc, { ...metric, indicatorId, scope: 'core', templateId: metricTemplateId });
        added.metrics += 1;
      }
    }
  });
  return added;
}
