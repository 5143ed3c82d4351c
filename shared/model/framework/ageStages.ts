import { ageStageKeys, type AgeStage } from '../../schemas/framework.ts';
import type { FrameworkAxisLabel } from './domains.ts';

/**
 * The stages of a child's life an outcome can be tagged with. They follow the points where services and data change
 * hands: maternity, health visiting (0–2), early education (3–4), primary and secondary school, post-16, and the
 * extended age range up to 25 for young people with special educational needs and disabilities (SEND).
 * For outcomes about parents and carers the stage is their child's. No stage means the outcome applies at every age.
 */
export const ageStages: Readonly<Record<AgeStage, FrameworkAxisLabel>> = {
  pregnancy: { label: 'Pregnancy', description: 'Before birth, including preparing for parenthood.' },
  '0-2': { label: 'Age 0 to 2', description: 'Babies and toddlers: the health visiting years.' },
  '3-4': { label: 'Age 3 to 4', description: 'Early education and the start of school.' },
  '5-11': { label: 'Age 5 to 11', description: 'Primary school years.' },
  '12-16': { label: 'Age 12 to 16', description: 'Secondary school years.' },
  '17-19': { label: 'Age 17 to 19', description: 'Post-16 education, training and work.' },
  '20-25': {
    label: 'Age 20 to 25 (SEND)',
    description: 'Young adults with special educational needs and disabilities.',
  },
};

/** The age stages in life order. */
export const ageStageOrder: readonly AgeStage[] = ageStageKeys;

/** The label of an age stage, e.g. "Age 0 to 2". */
export function ageStageLabel(stage: AgeStage): string {
  return ageStages[stage].label;
}

/** Sorts age stages into life order without duplicates. */
export function sortAgeStages(stages: Iterable<AgeStage>): AgeStage[] {
  const wanted = new Set(stages);
  return ageStageOrder.filter((stage) => wanted.has(stage));
}
