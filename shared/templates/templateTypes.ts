import type { AgeStage, Domain, FrameworkTemplateId, Level, Polarity } from '../schemas/framework.ts';

/** An outcome of a template; `templateId` is stable across versions so places can be compared. */
export interface TemplateOutcome {
  templateId: string;
  level: Level;
  statement: string;
  description: string;
  ageStages: AgeStage[];
}

/** A metric of a template indicator, with where its data come from. */
export interface TemplateMetric {
  templateId: string;
  name: string;
  definition: string;
  unit: string;
  polarity: Polarity;
  source: string;
  fingertipsId: string | null;
  frequency: string;
  breakdowns: string[];
}

/** An indicator of a template, serving one or more of its outcomes (by template id). */
export interface TemplateIndicator {
  templateId: string;
  name: string;
  definition: string;
  outcomes: string[];
  metrics: TemplateMetric[];
}

/** What a template holds for one domain. */
export interface DomainTemplate {
  domain: Domain;
  outcomes: TemplateOutcome[];
  indicators: TemplateIndicator[];
}

/** A framework a new partnership can start from. */
export interface FrameworkTemplate {
  id: FrameworkTemplateId;
  name: string;
  description: string;
  domains: DomainTemplate[];
}

/** The breakdowns most national data sets offer (sex, ethnicity, deprivation, place). */
export const usualBreakdowns = ['Deprivation decile', 'Ethnicity', 'Sex', 'Ward or locality'];
/** Breakdowns for school-based data sets, where free school meals stand for deprivation. */
export const schoolBreakdowns = [
  'Ethnicity',
  'Free school meals',
  'Sex',
  'Special educational needs',
  'Ward or locality',
];
/** Breakdowns for data published only by area. */
export const areaBreakdowns = ['Ward or locality'];
