import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { DecisionSchema } from './decisions.ts';
import { DomainSchema, EntityIdSchema } from './framework.ts';
import { CandidateKindSchema } from './rounds.ts';

// Board cycles: meetings with agendas, attendance and an actions log; versions (immutable snapshots of the whole
// partnership); and the comparison between two versions ("what changed since we last met").

// C0 control characters other than tab and line breaks (and DEL) mean nothing in a title or an action, PostgreSQL
// cannot store U+0000 in text, and Word and Excel refuse a pack holding one: removed from what people write.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text a person writes: a string with control characters removed (still a `ZodString`, so it trims and caps). */
export const writtenText = () => z.string().overwrite((value) => value.replace(controlCharacters, ''));

const cappedText = (max: number, empty: string) =>
  writtenText()
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `Must be ${max} characters or fewer` });

export const cycleLimits = {
  meetingTitle: 200,
  place: 300,
  agendaItems: 60,
  agendaText: 2000,
  attendees: 200,
  actionText: 1000,
  owner: 200,
  versionLabel: 200,
} as const;

/** A date-time as a person enters it, ISO 8601 with an offset or `Z`. */
const DateTimeSchema = z.iso.datetime({ offset: true, error: 'Enter a date and time, for example 2027-01-14T10:00' });
/** A calendar date, `YYYY-MM-DD`. */
const CalendarDateSchema = z.iso.date({ error: 'Enter a date, for example 2027-03-31' });

// ---------------------------------------------------------------------------------------------------- agendas

/** What an agenda item points at: a round, a decision back for review, an outcome, a concern, or nothing (free text). */
export const AgendaItemKindSchema = z.enum(['text', 'round', 'decision-review', 'outcome', 'concern']);
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;

/** An agenda item as a facilitator writes it. */
export const AgendaItemInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), title: cappedText(cycleLimits.agendaText, 'Write the agenda item') }),
  z.object({
    kind: z.literal('round'),
    roundId: IdSchema,
    title: writtenText().trim().max(cycleLimits.agendaText).default(''),
  }),
  z.object({
    kind: z.literal('decision-review'),
    decisionId: IdSchema,
    reason: writtenText().trim().max(cycleLimits.agendaText).default(''),
  }),
  z.object({
    kind: z.literal('outcome'),
    outcomeId: EntityIdSchema,
    title: writtenText().trim().max(cycleLimits.agendaText).default(''),
  }),
  z.object({
    kind: z.literal('concern'),
    concernId: EntityIdSchema,
    title: writtenText().trim().max(cycleLimits.agendaText).default(''),
  }),
]);
export type AgendaItemInput = z.input<typeof AgendaItemInputSchema>;

/**
 * An agenda item as the API sends it: what was written, plus `label` (the round, decision, outcome or concern named
 * as it is now) and `automatic` for a decision the server put back on the agenda because its review date passed or
 * its evidence moved. `reason` says why in words.
 */
export const AgendaItemSchema = z.object({
  id: IdSchema,
  kind: AgendaItemKindSchema,
  title: z.string(),
  label: z.string(),
  roundId: IdSchema.optional(),
  decisionId: IdSchema.optional(),
  outcomeId: EntityIdSchema.optional(),
  concernId: EntityIdSchema.optional(),
  reason: z.string().optional(),
  automatic: z.boolean(),
  /** False when what it points at no longer exists (a deleted outcome, a removed round). */
  resolved: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

// ---------------------------------------------------------------------------------------------------- meetings

export const MeetingStatusSchema = z.enum(['scheduled', 'closed']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** `POST /api/partnerships/:id/meetings`. */
export const CreateMeetingRequestSchema = z.object({
  title: cappedText(cycleLimits.meetingTitle, 'Give the meeting a title'),
  startsAt: DateTimeSchema,
  place: writtenText().trim().max(cycleLimits.place).default(''),
});
export type CreateMeetingRequest = z.input<typeof CreateMeetingRequestSchema>;

/** `PATCH /api/meetings/:meetingId`: only what is given changes; `agenda` and `attendeeIds` replace the lists. */
export const UpdateMeetingRequestSchema = z
  .object({
    title: cappedText(cycleLimits.meetingTitle, 'Give the meeting a title'),
    startsAt: DateTimeSchema,
    place: writtenText().trim().max(cycleLimits.place),
    agenda: z.array(AgendaItemInputSchema).max(cycleLimits.agendaItems, { error: 'An agenda has at most 60 items' }),
    attendeeIds: z
      .array(IdSchema)
      .max(cycleLimits.attendees)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Each attendee can be listed once' }),
  })
  .partial();
export type UpdateMeetingRequest = z.input<typeof UpdateMeetingRequestSchema>;

/** A member who attended, with the organisation they represented. */
export const AttendeeSchema = z.object({ userId: IdSchema, name: z.string(), organisation: z.string() });
export type Attendee = z.infer<typeof AttendeeSchema>;

/** A meeting as listed. */
export const MeetingSummarySchema = z.object({
  id: IdSchema,
  partnershipId: z.string(),
  title: z.string(),
  startsAt: TimestampSchema,
  place: z.string(),
  status: MeetingStatusSchema,
  closedAt: TimestampSchema.nullable(),
  /** The version taken when the meeting closed. */
  versionId: IdSchema.nullable(),
  createdBy: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

/** `GET /api/meetings/:meetingId`: the meeting with its agenda (decisions due for review included) and attendance. */
export const MeetingSchema = MeetingSummarySchema.extend({
  agenda: z.array(AgendaItemSchema),
  attendees: z.array(AttendeeSchema),
  /** The version "what changed" compares with: the one taken when the previous meeting closed. */
  previousMeetingId: IdSchema.nullable(),
  sinceVersionId: IdSchema.nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

// ---------------------------------------------------------------------------------------------------- actions

export const ActionStatusSchema = z.enum(['open', 'in-progress', 'done']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const actionStatusLabels: Readonly<Record<ActionStatus, string>> = {
  open: 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** What an action is linked to, if anything. */
export const ActionLinkSchema = z.object({ kind: z.enum(['outcome', 'decision']), id: IdSchema }).nullable();

/** `POST /api/partnerships/:id/actions`. */
export const CreateActionRequestSchema = z.object({
  text: cappedText(cycleLimits.actionText, 'Say what the action is'),
  owner: writtenText().trim().max(cycleLimits.owner).default(''),
  dueDate: CalendarDateSchema.nullable().default(null),
  link: ActionLinkSchema.default(null),
  meetingId: IdSchema.nullable().default(null),
});
export type CreateActionRequest = z.input<typeof CreateActionRequestSchema>;

/** `PATCH /api/actions/:actionId`. */
export const UpdateActionRequestSchema = z
  .object({
    text: cappedText(cycleLimits.actionText, 'Say what the action is'),
    owner: writtenText().trim().max(cycleLimits.owner),
    dueDate: CalendarDateSchema.nullable(),
    status: ActionStatusSchema,
    link: ActionLinkSchema,
  })
  .partial();
export type UpdateActionRequest = z.input<typeof UpdateActionRequestSchema>;

/** One action of the log: it carries from meeting to meeting until done. */
export const BoardActionSchema = z.object({
  id: IdSchema,
  partnershipId: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: ActionStatusSchema,
  link: ActionLinkSchema,
  /** Its label as it is now ("Children start school ready to learn"), or null. */
  linkLabel: z.string().nullable(),
  meetingId: IdSchema.nullable(),
  createdBy: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  doneAt: TimestampSchema.nullable(),
});
export type BoardAction = z.infer<typeof BoardActionSchema>;

// ---------------------------------------------------------------------------------------------------- versions

/** Why a version was taken: by hand, when a meeting closed, or when a round closed (`id` is the meeting or round). */
export const VersionReasonSchema = z.object({
  kind: z.enum(['manual', 'meeting', 'round']),
  id: IdSchema.optional(),
});
export type VersionReason = z.infer<typeof VersionReasonSchema>;

/** `POST /api/partnerships/:id/versions`. */
export const CreateVersionRequestSchema = z.object({
  label: cappedText(cycleLimits.versionLabel, 'Give the version a name, for example "Before the March board"'),
});

/** A version as listed: named, dated, attributed. */
export const VersionSummarySchema = z.object({
  id: IdSchema,
  label: z.string(),
  createdAt: TimestampSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  reason: VersionReasonSchema,
  /** Bytes of the stored workspace state and of the SQL facts. */
  sizes: z.object({ document: z.int(), facts: z.int() }),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** The latest whole-population observation of a metric for the partnership's area, judged as it was then. */
export const EvidenceFactSchema = z.object({
  metricId: EntityIdSchema,
  areaCode: z.string(),
  period: z.string(),
  periodKey: z.int(),
  /** Null when suppressed (a small count) or unknown. */
  value: z.number().nullable(),
  suppressed: z.boolean(),
  importedAt: z.string(),
  /** One per comparator: England, the region, and (when imported) comparator areas. */
  comparisons: z.array(
    z.object({
      comparator: z.enum(['england', 'region', 'comparators']),
      comparatorName: z.string(),
      judgement: z.enum(['better', 'worse', 'similar', 'no-judgement', 'not-compared']),
      words: z.string(),
    }),
  ),
  trend: z.object({
    direction: z.enum([
      'increasing',
      'decreasing',
      'no-significant-change',
      'no-change',
      'not-enough-data',
      'not-tested',
    ]),
    judgement: z.enum(['getting-better', 'getting-worse', 'no-judgement', 'none']),
    tested: z.boolean(),
    words: z.string(),
  }),
});
export type EvidenceFact = z.infer<typeof EvidenceFactSchema>;

/** A closed round's ranked candidates, as everyone could see them. */
export const RoundFactSchema = z.object({
  id: IdSchema,
  title: z.string(),
  closedAt: z.string(),
  candidates: z.array(
    z.object({ kind: CandidateKindSchema, refId: z.string(), label: z.string(), rank: z.int().min(1) }),
  ),
});
export type RoundFact = z.infer<typeof RoundFactSchema>;

/** A comment thread's state (never its text: the comparison says a thread opened or was resolved, and where). */
export const CommentFactSchema = z.object({
  id: IdSchema,
  targetKind: z.string(),
  targetId: z.string(),
  targetLabel: z.string(),
  resolved: z.boolean(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type CommentFact = z.infer<typeof CommentFactSchema>;

/** Share of metrics per data status in one domain. */
export const AvailabilityFactSchema = z.object({
  domain: DomainSchema,
  metrics: z.int(),
  available: z.int(),
  partial: z.int(),
  missing: z.int(),
  notMapped: z.int(),
  /** Exists but held by a partner or behind a data-sharing agreement; optional, as versions taken before it lack it. */
  notAccessible: z.int().optional(),
});
export type AvailabilityFact = z.infer<typeof AvailabilityFactSchema>;

/**
 * The SQL facts stored with a version beside the workspace document's encoded state: what the board knew and decided
 * at that moment. Everything else (framework, data mapping, theory of change, concerns, narratives) is in the document.
 */
export const VersionFactsSchema = z.object({
  decisions: z.array(DecisionSchema),
  rounds: z.array(RoundFactSchema),
  evidence: z.array(EvidenceFactSchema),
  comments: z.array(CommentFactSchema),
  availability: z.array(AvailabilityFactSchema),
});
export type VersionFacts = z.infer<typeof VersionFactsSchema>;

/** `GET /api/partnerships/:id/versions/:versionId`: the summary, the facts, and the document's state (base64). */
export const VersionDetailSchema = VersionSummarySchema.extend({
  facts: VersionFactsSchema,
  /** `Y.encodeStateAsUpdate` of the workspace document then, base64: a client loads it into a read-only Y.Doc. */
  documentState: z.string(),
});
export type VersionDetail = z.infer<typeof VersionDetailSchema>;

// ---------------------------------------------------------------------------------------------------- changes

/** The areas of the product a change belongs to; the comparison is grouped by these. */
export const ChangeDomainSchema = z.enum([
  'framework',
  'data-mapping',
  'evidence',
  'priorities',
  'theory-of-change',
  'concerns',
  'comments',
  'decisions',
  'narratives',
]);
export type ChangeDomain = z.infer<typeof ChangeDomainSchema>;

export const changeDomainLabels: Readonly<Record<ChangeDomain, string>> = {
  framework: 'Outcomes, indicators and metrics',
  'data-mapping': 'Data mapping',
  evidence: 'Evidence: comparisons and trends',
  priorities: 'Priorities',
  'theory-of-change': 'Theory of change',
  concerns: 'Concerns',
  comments: 'Comments',
  decisions: 'Decisions',
  narratives: 'Needs assessment',
};

export const DiffPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPartSchema>;

/** Entity types a change can be about. */
export const ChangeEntityTypeSchema = z.enum([
  'outcome',
  'indicator',
  'metric',
  'action',
  'link',
  'concern',
  'comment',
  'decision',
  'round',
  'narrative',
  'domain',
]);
export type ChangeEntityType = z.infer<typeof ChangeEntityTypeSchema>;

/** A value before or after: text, a number, a list, or nothing (added / removed). */
const ChangeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** One change between two versions. */
export const ChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed', 'moved']),
  entity: z.object({ type: ChangeEntityTypeSchema, id: z.string(), label: z.string() }),
  /** Which field changed (`statement`, `status`, `versus-england`, `trend`…), for `changed` and `moved`. */
  field: z.string().optional(),
  domain: ChangeDomainSchema,
  before: ChangeValueSchema,
  after: ChangeValueSchema,
  /** Word-level diff of a text field. */
  diff: z.array(DiffPartSchema).optional(),
  /** Who made it, where the document or the record knows. */
  by: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The change in words: "Worse than England (was similar), 2023/24". */
  words: z.string(),
  /** A judgement that moved the wrong way (worse than a comparator, significantly worsening): shown first. */
  attention: z.boolean(),
});
export type Change = z.infer<typeof ChangeSchema>;

/** `GET /api/partnerships/:id/changes?since=&until=`. */
export const ChangesSchema = z.object({
  since: z.object({ id: IdSchema, label: z.string(), createdAt: TimestampSchema }),
  until: z.object({ id: z.string(), label: z.string(), createdAt: TimestampSchema }),
  /** One paragraph a board chair can read first. */
  summary: z.string(),
  changes: z.array(ChangeSchema),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const ChangesQuerySchema = z.object({
  since: IdSchema,
  until: z.union([z.literal('now'), IdSchema]).default('now'),
});

// ---------------------------------------------------------------------------------------------------- trends

/**
 * `GET /api/partnerships/:id/trends`: how the evidence and the priorities moved over the board's cycles, read from the
 * facts of every version (never the documents). Versions in time order, oldest first.
 */
export const TrendsSchema = z.object({
  versions: z.array(
    z.object({ id: IdSchema, label: z.string(), createdAt: TimestampSchema, reason: VersionReasonSchema }),
  ),
  /** Per domain, version by version: the share of its metrics with data available (null when it had no metrics). */
  availability: z.array(
    z.object({
      domain: DomainSchema,
      points: z.array(
        z.object({
          versionId: IdSchema,
          share: z.number().min(0).max(1).nullable(),
          available: z.int(),
          metrics: z.int(),
        }),
      ),
    }),
  ),
  /** Per candidate (outcome, indicator, concern), its rank in each closed round it stood in, oldest round first. */
  priorities: z.array(
    z.object({
      kind: CandidateKindSchema,
      refId: z.string(),
      /** As named in the latest round it stood in. */
      label: z.string(),
      points: z.array(
        z.object({
          roundId: IdSchema,
          roundTitle: z.string(),
          closedAt: z.string(),
          rank: z.int().min(1),
          of: z.int(),
        }),
      ),
    }),
  ),
});
export type Trends = z.infer<typeof TrendsSchema>;
