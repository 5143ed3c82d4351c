import type { AgeStage, Domain, Level } from '../../../schemas/framework.ts';
import { ageStages } from '../ageStages.ts';
import { domains, levels, type FrameworkAxisLabel } from '../domains.ts';

/** Separates the members of a list in one spreadsheet cell (age stages, breakdowns). */
export const listSeparator = '; ';

function labelsOf<K extends string>(axis: Readonly<Record<K, FrameworkAxisLabel>>): Record<K, string> {
  const labels = {} as Record<K, string>;
  for (const key of Object.keys(axis) as K[]) labels[key] = axis[key].label;
  return labels;
}

/** Domain labels as written in spreadsheets. */
export const domainCellLabels: Readonly<Record<Domain, string>> = labelsOf(domains);
/** Level labels as written in spreadsheets. */
export const levelCellLabels: Readonly<Record<Level, string>> = labelsOf(levels);
/** Age stage labels as written in spreadsheets. */
export const ageStageCellLabels: Readonly<Record<AgeStage, string>> = labelsOf(ageStages);

/** Splits a list cell into its trimmed, non-empty members (either `;` or a line break separates them). */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .map((member) => member.trim())
    .filter((member) => member.length > 0);
}

/** Whether a cell holds nothing but spaces. */
export function isBlank(cell: string): boolean {
  return cell.trim().length === 0;
}
