import type { ImportProblem } from '../../shared/schemas/dataMapping.ts';
import { HttpError } from '../http/errors.ts';
import { maxReportedProblems } from './limits.ts';

/** Collects the problems of one file, keeping the first few hundred for the report and counting them all. */
export class ProblemList {
  readonly listed: ImportProblem[] = [];
  count = 0;

  add(row: number | null, column: string | null, message: string): void {
    this.count += 1;
    if (this.listed.length < maxReportedProblems) this.listed.push({ row, column, message });
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }
}

/**
 * The refusal of a whole file: 400 with one issue per problem (path [row, column], as the framework import does),
 * capped, and a message saying how many there were and that nothing was imported.
 */
export function importRefused(problems: ProblemList | readonly ImportProblem[]): HttpError {
  const list: { listed: readonly ImportProblem[]; count: number } =
    problems instanceof ProblemList ? problems : { listed: problems, count: problems.length };
  const count = list.count === 1 ? 'a problem' : `${list.count.toLocaleString('en-GB')} problems`;
  const shown = list.count > list.listed.length ? ` The first ${list.listed.length} are listed.` : '';
  return new HttpError(
    400,
    'invalid_import',
    `The file has ${count}, so nothing was imported. Correct the rows listed and try again.${shown}`,
    list.listed.map((problem) => ({
      path: problem.row === null ? [] : problem.column === null ? [problem.row] : [problem.row, problem.column],
      message: problem.message,
    })),
  );
}
