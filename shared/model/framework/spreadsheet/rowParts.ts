import {
  BreakdownSchema,
  EntityIdSchema,
  FingertipsIdSchema,
  frameworkLimits,
  type AgeStage,
  type Domain,
  type FrameworkColumn,
  type FrameworkImportError,
  type FrameworkRow,
  type Level,
  type Polarity,
  type Scope,
} from '../../../schemas/framework.ts';
import { sortAgeStages } from '../ageStages.ts';
import { keyForLabel, polarityLabels, scopeLabels } from '../labels.ts';
import { normaliseSearchText } from '../filterFramework.ts';
import { ageStageCellLabels, domainCellLabels, isBlank, levelCellLabels, splitList } from './cellFormats.ts';

/** The outcome described by one row. `key` identifies it within the file: its id, or its cell and statement. */
export interface OutcomePart {
  key: string;
  id: string | null;
  domain: Domain;
  level: Level;
  statement: string;
  description: string;
  ageStages: AgeStage[];
  scope: Scope;
  templateId: string | null;
}

/** The indicator described by one row; without an id it is identified by its name. */
export interface IndicatorPart {
  key: string;
  id: string | null;
  name: string;
  definition: string;
  scope: Scope;
  templateId: string | null;
}

/** The metric described by one row; without an id it is identified by its indicator and name. */
export interface MetricPart {
  key: string;
  id: string | null;
  indicatorKey: string;
  name: string;
  definition: string;
  unit: string;
  polarity: Polarity;
  source: string;
  fingertipsId: string | null;
  frequency: string;
  breakdowns: string[];
  scope: Scope;
  templateId: string | null;
}

/** What one row says, each part null when the row leaves it blank. */
export interface ParsedRow {
  row: number;
  outcome: OutcomePart | null;
  indicator: IndicatorPart | null;
  metric: MetricPart | null;
}

/** The column each field of an outcome part is read from, to point errors at it. */
export const outcomeColumns: Record<keyof Omit<OutcomePart, 'key'>, FrameworkColumn> = {
  id: 'Outcome id',
  domain: 'Domain',
  level: 'Level',
  statement: 'Outcome',
  description: 'Outcome description',
  ageStages: 'Age stages',
  scope: 'Outcome scope',
  templateId: 'Outcome template id',
};
/** The column each field of an indicator part is read from. */
export const indicatorColumns: Record<keyof Omit<IndicatorPart, 'key'>, FrameworkColumn> = {
  id: 'Indicator id',
  name: 'Indicator',
  definition: 'Indicator definition',
  scope: 'Indicator scope',
  templateId: 'Indicator template id',
};
/** The column each field of a metric part is read from. */
export const metricColumns: Record<keyof Omit<MetricPart, 'key' | 'indicatorKey'>, FrameworkColumn> = {
  id: 'Metric id',
  name: 'Metric',
  definition: 'Metric definition',
  unit: 'Unit',
  polarity: 'Polarity',
  source: 'Source',
  fingertipsId: 'Fingertips id',
  frequency: 'Frequency',
  breakdowns: 'Breakdowns',
  scope: 'Metric scope',
  templateId: 'Metric template id',
};

type Report = (column: FrameworkColumn, message: string) => void;

/** Reads the cells of one row; a cell that is not acceptable is reported, and a fallback is read in its place. */
class RowReader {
  constructor(
    private readonly cells: FrameworkRow,
    private readonly report: Report,
  ) {}

  present(columns: readonly FrameworkColumn[]): boolean {
    return columns.some((column) => !isBlank(this.cells[column]));
  }

  // Free text is kept as written (not trimmed), so a text with surrounding spaces survives a round trip.
  text(column: FrameworkColumn, limit: number): string {
    const value = this.cells[column];
    if (value.length > limit) this.report(column, `is longer than ${limit} characters`);
    return value.slice(0, limit);
  }

  id(column: FrameworkColumn): string | null {
    const value = this.cells[column].trim();
    if (value === '') return null;
    const parsed = EntityIdSchema.safeParse(value);
    if (!parsed.success) this.report(column, `"${value}" is not a valid id`);
    return parsed.success ? parsed.data : null;
  }

  choice<K extends string>(column: FrameworkColumn, labels: Readonly<Record<K, string>>, fallback: K | null): K | null {
    const value = this.cells[column];
    if (isBlank(value)) {
      if (fallback === null) this.report(column, `is required: one of ${Object.values(labels).join(', ')}`);
      return fallback;
    }
    const key = keyForLabel(value, labels);
    if (key === null) this.report(column, `"${value.trim()}" is not one of ${Object.values(labels).join(', ')}`);
    return key ?? fallback;
  }

  ageStages(column: FrameworkColumn): AgeStage[] {
    const stages: AgeStage[] = [];
    for (const member of splitList(this.cells[column])) {
      const stage = keyForLabel(member, ageStageCellLabels);
      if (stage) stages.push(stage);
      else this.report(column, `"${member}" is not an age stage: use ${Object.values(ageStageCellLabels).join('; ')}`);
    }
    return sortAgeStages(stages);
  }

  breakdowns(column: FrameworkColumn): string[] {
    const members = Array.from(new Set(splitList(this.cells[column])));
    if (members.length > frameworkLimits.breakdowns)
      this.report(column, `lists more than ${frameworkLimits.breakdowns}`);
    for (const member of members) {
      if (!BreakdownSchema.safeParse(member).success) this.report(column, `"${member.slice(0, 40)}" is too long`);
    }
    return members.sort();
  }

  fingertipsId(column: FrameworkColumn): string | null {
    const value = this.cells[column].trim();
    if (value === '') return null;
    if (!FingertipsIdSchema.safeParse(value).success) this.report(column, `"${value}" is not a Fingertips id (digits)`);
    return value;
  }
}

const outcomeCells = Object.values(outcomeColumns);
const indicatorCells = Object.values(indicatorColumns);
const metricCells = Object.values(metricColumns);

/** Reads the parts of one row, reporting every unacceptable cell. `row` is the spreadsheet row number. */
export function parseRow(row: number, cells: FrameworkRow, errors: FrameworkImportError[]): ParsedRow {
  const read = new RowReader(cells, (column, message) => errors.push({ row, column, message: `${column} ${message}` }));
  const before = errors.length;
  const parsed: ParsedRow = { row, outcome: null, indicator: null, metric: null };
  if (read.present(outcomeCells)) {
    const id = read.id('Outcome id');
    const domain = read.choice('Domain', domainCellLabels, null);
    const level = read.choice('Level', levelCellLabels, null);
    const statement = read.text('Outcome', frameworkLimits.statement);
    if (id === null && isBlank(statement))
      errors.push({ row, column: 'Outcome', message: 'Outcome needs a statement' });
    const outcome = {
      id,
      domain: domain ?? 'safe',
      level: level ?? 'child',
      statement,
      description: read.text('Outcome description', frameworkLimits.description),
      ageStages: read.ageStages('Age stages'),
      scope: read.choice('Outcome scope', scopeLabels, 'local') ?? 'local',
      templateId: read.id('Outcome template id'),
    };
    const key = id ?? `new:${outcome.domain}|${outcome.level}|${normaliseSearchText(statement)}`;
    parsed.outcome = { key, ...outcome };
  }
  if (read.present(indicatorCells)) {
    const id = read.id('Indicator id');
    const name = read.text('Indicator', frameworkLimits.name);
    if (id === null && isBlank(name)) errors.push({ row, column: 'Indicator', message: 'Indicator needs a name' });
    const indicator = {
      id,
      name,
      definition: read.text('Indicator definition', frameworkLimits.definition),
      scope: read.choice('Indicator scope', scopeLabels, 'local') ?? 'local',
      templateId: read.id('Indicator template id'),
    };
    parsed.indicator = { key: id ?? `new:${normaliseSearchText(name)}`, ...indicator };
  }
  if (read.present(metricCells)) {
    const id = read.id('Metric id');
    const name = read.text('Metric', frameworkLimits.name);
    if (id === null && isBlank(name)) errors.push({ row, column: 'Metric', message: 'Metric needs a name' });
    if (!parsed.indicator)
      errors.push({ row, column: 'Indicator', message: 'A metric needs its indicator on the same row' });
    const indicatorKey = parsed.indicator?.key ?? '';
    const metric = {
      id,
      indicatorKey,
      name,
      definition: read.text('Metric definition', frameworkLimits.definition),
      unit: read.text('Unit', frameworkLimits.unit),
      polarity: read.choice('Polarity', polarityLabels, 'no-judgement') ?? 'no-judgement',
      source: read.text('Source', frameworkLimits.source),
      fingertipsId: read.fingertipsId('Fingertips id'),
      frequency: read.text('Frequency', frameworkLimits.frequency),
      breakdowns: read.breakdowns('Breakdowns'),
      scope: read.choice('Metric scope', scopeLabels, 'local') ?? 'local',
      templateId: read.id('Metric template id'),
    };
    parsed.metric = { key: id ?? `new:${indicatorKey}|${normaliseSearchText(name)}`, ...metric };
  }
  return errors.length === before ? parsed : { row, outcome: null, indicator: null, metric: null };
}
