import type { FrameworkTemplateId } from '../schemas/framework.ts';
import {
  engagedTemplate,
  happyTemplate,
  healthyTemplate,
  learningTemplate,
  safeTemplate,
} from './commonOutcomes/index.ts';
import type { FrameworkTemplate } from './templateTypes.ts';

/** The default template: the Common Outcomes Framework in strengths-based, child-first language, all items core. */
export const commonOutcomesTemplate: FrameworkTemplate = {
  id: 'common-outcomes',
  name: 'Common Outcomes Framework',
  description:
    'Outcomes in five domains (safe, healthy, happy, learning, engaged) for babies, children and young people, ' +
    'for parents and carers as adults and as parents, and for services — with indicators and metrics drawn from ' +
    'national data. The common core to adapt to your place.',
  domains: [safeTemplate, healthyTemplate, happyTemplate, learningTemplate, engagedTemplate],
};

/** An empty framework, for partnerships that want to build their own from scratch. */
export const blankTemplate: FrameworkTemplate = {
  id: 'blank',
  name: 'Blank',
  description: 'Start with an empty framework and add your own outcomes, indicators and metrics.',
  domains: [],
};

/** What the "create partnership" form shows for each template. */
export interface FrameworkTemplateSummary {
  id: FrameworkTemplateId;
  name: string;
  description: string;
  outcomeCount: number;
  indicatorCount: number;
  metricCount: number;
}

const templates: Readonly<Record<FrameworkTemplateId, FrameworkTemplate>> = {
  'common-outcomes': commonOutcomesTemplate,
  blank: blankTemplate,
};

/** The template new partnerships start from unless they choose another (the demo partnership uses it too). */
export const defaultFrameworkTemplateId: FrameworkTemplateId = 'common-outcomes';

/** Looks a template up by id. */
export function frameworkTemplate(id: FrameworkTemplateId): FrameworkTemplate {
  return templates[id];
}

/** Counts what a template holds. */
export function summariseTemplate(template: FrameworkTemplate): FrameworkTemplateSummary {
  const indicators = template.domains.flatMap((domain) => domain.indicators);
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    outcomeCount: template.domains.reduce((count, domain) => count + domain.outcomes.length, 0),
    indicatorCount: indicators.length,
    metricCount: indicators.reduce((count, indicator) => count + indicator.metrics.length, 0),
  };
}

/** The templates to choose from when creating a partnership, default first. */
export const frameworkTemplates: readonly FrameworkTemplateSummary[] = [commonOutcomesTemplate, blankTemplate].map(
  summariseTemplate,
);
