import * as Y from 'yjs';
import { z } from 'zod';
import { QuorumSchema, RoundResultsSchema } from '../../schemas/roundResults.ts';
import {
  CandidateKindSchema,
  EligibilitySchema,
  ResultsVisibilitySchema,
  RoundMethodSchema,
  TurnoutSchema,
} from '../../schemas/rounds.ts';

/**
 * The ballots projection doc (`p:<id>:ballots`) is written only by the server and read-only over the socket. It
 * holds what every member may know about open and closed rounds, and the agreed priorities. Results appear here
 * only when they are visible to everyone; results visible to some ("after you vote") come from the API.
 */
const roundsMapName = 'rounds';
const prioritiesMapName = 'priorities';

/** A round's fixed facts and state. */
export const RoundSummaryProjectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  method: RoundMethodSchema,
  state: z.enum(['open', 'closed']),
  anonymous: z.boolean(),
  visibility: ResultsVisibilitySchema,
  eligibility: EligibilitySchema,
  /** For the countdown; null when the round closes only by hand. */
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  followUpOf: z.string().nullable(),
  hasDecision: z.boolean(),
});

/** Everything the projection says about one round. */
export const RoundProjectionSchema = RoundSummaryProjectionSchema.extend({
  turnout: TurnoutSchema,
  quorum: QuorumSchema,
  /** Who has voted, by name (or organisation); null in anonymous rounds. */
  voters: z.array(z.string()).nullable(),
  /** Moves on every accepted ballot: a client that may see results refetches them when it does. */
  version: z.int().min(0),
  /** Present only when every member may see them (live rounds, closed rounds). */
  results: RoundResultsSchema.nullable(),
});
export type RoundProjection = z.infer<typeof RoundProjectionSchema>;

/** An agreed priority, for badges on the framework. */
export const PriorityProjectionSchema = z.object({
  kind: CandidateKindSchema,
  refId: z.string(),
  label: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  decisionId: z.string(),
  decidedAt: z.string(),
  reviewDate: z.string(),
});
export type PriorityProjection = z.infer<typeof PriorityProjectionSchema>;

// Each round is a map of fields, each replaced only when it changes, so a new ballot sends the turnout and version
// (and the tally if shown), not the whole round.
const fieldNames = ['summary', 'turnout', 'quorum', 'voters', 'version', 'results'] as const;

function roundsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(roundsMapName);
}

function prioritiesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(prioritiesMapName);
}

/** The key of a priority: what kind of thing it is and its id in the workspace. */
export function priorityKey(kind: PriorityProjection['kind'], refId: string): string {
  return `${kind}:${refId}`;
}

/** Reads one round; null when it is not in the projection (drafts never are) or is not readable. */
export function readRoundProjection(doc: Y.Doc, roundId: string): RoundProjection | null {
  const fields = roundsMap(doc).get(roundId);
  if (!(fields instanceof Y.Map)) return null;
  const summary = fields.get('summary');
  const parsed = RoundProjectionSchema.safeParse({
    ...(typeof summary === 'object' && summary !== null ? summary : {}),
    turnout: fields.get('turnout'),
    quorum: fields.get('quorum'),
    voters: fields.get('voters') ?? null,
    version: fields.get('version'),
    results: fields.get('results') ?? null,
  });
  return parsed.success ? parsed.data : null;
}

/** A round's version and turnout alone, without parsing its tally: for watching a round cheaply. */
export function readRoundVersion(doc: Y.Doc, roundId: string): { version: number; voted: number } | null {
  const fields = roundsMap(doc).get(roundId);
  if (!(fields instanceof Y.Map)) return null;
  const version = fields.get('version');
  const turnout = RoundProjectionSchema.shape.turnout.safeParse(fields.get('turnout'));
  if (typeof version !== 'number' || !turnout.success) return null;
  return { version, voted: turnout.data.voted };
}

/** Every open and closed round, newest first. */
export function readRoundProjections(doc: Y.Doc): RoundProjection[] {
  return [...roundsMap(doc).keys()]
    .map((id) => readRoundProjection(doc, id))
    .filter((round): round is RoundProjection => round !== null)
    .sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
}

/** Every agreed priority. */
export function readPriorities(doc: Y.Doc): PriorityProjection[] {
  const priorities: PriorityProjection[] = [];
  prioritiesMap(doc).forEach((value) => {
    const parsed = PriorityProjectionSchema.safeParse(value);
    if (parsed.success) priorities.push(parsed.data);
  });
  return priorities.sort((a, b) => a.label.localeCompare(b.label));
}

/** The agreed priority for one outcome (or indicator, or concern); null when it is not one. */
export function readPriority(doc: Y.Doc, kind: PriorityProjection['kind'], refId: string): PriorityProjection | null {
  const parsed = PriorityProjectionSchema.safeParse(prioritiesMap(doc).get(priorityKey(kind, refId)));
  return parsed.success ? parsed.data : null;
}

/** Finds the agreed priority for an outcome, indicator or concern; undefined when the board has not agreed it. */
export type PriorityLookup = (kind: PriorityProjection['kind'], refId: string) => PriorityProjection | undefined;

/** One lookup over these priorities for every screen that badges what the board chose, whatever its kind. */
export function priorityLookup(priorities: readonly PriorityProjection[]): PriorityLookup {
  const byKey = new Map(priorities.map((priority) => [priorityKey(priority.kind, priority.refId), priority]));
  return (kind, refId) => byKey.get(priorityKey(kind, refId));
}

/** Calls `listener` after every change to the projection; returns a function that stops it. */
export function observeProjection(doc: Y.Doc, listener: () => void): () => void {
  const handle = (): void => listener();
  doc.on('update', handle);
  return () => doc.off('update', handle);
}

/** Writes a round's projection, touching only fields that changed (server only). */
export function writeRoundProjection(doc: Y.Doc, projection: RoundProjection): void {
  const { turnout, quorum, voters, version, results, ...summary } = projection;
  const values: Record<(typeof fieldNames)[number], unknown> = { summary, turnout, quorum, voters, version, results };
  const rounds = roundsMap(doc);
  let fields = rounds.get(projection.id);
  if (!(fields instanceof Y.Map)) {
    fields = new Y.Map<unknown>();
    rounds.set(projection.id, fields);
  }
  for (const name of fieldNames) {
    const value = values[name];
    if (JSON.stringify(fields.get(name) ?? null) !== JSON.stringify(value ?? null)) fields.set(name, value ?? null);
  }
}

/** Removes a round from the projection (a draft deleted, or one that never opened). */
export function removeRoundProjection(doc: Y.Doc, roundId: string): void {
  if (roundsMap(doc).has(roundId)) roundsMap(doc).delete(roundId);
}

/** Makes the projection hold exactly these priorities, touching only the ones that change (server only). */
export function writePriorities(doc: Y.Doc, priorities: readonly PriorityProjection[]): void {
  const map = prioritiesMap(doc);
  const wanted = new Map(priorities.map((priority) => [priorityKey(priority.kind, priority.refId), priority]));
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, priority] of wanted) {
    if (JSON.stringify(map.get(key)) !== JSON.stringify(priority)) map.set(key, priority);
  }
}
