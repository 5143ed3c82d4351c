import { z } from 'zod';
import { TimestampSchema } from './common.ts';
import { AgendaItemSchema, AttendeeSchema, BoardActionSchema, ChangesSchema, MeetingSummarySchema } from './cycles.ts';
import { DecisionSchema } from './decisions.ts';
import { DomainSchema } from './framework.ts';

/** One row of an indicator's table in the pack: a period with the area's value and England's (null when unknown). */
export const PackSeriesRowSchema = z.object({
  period: z.string(),
  /** Null when suppressed or unknown; `suppressed` says which. */
  area: z.number().nullable(),
  suppressed: z.boolean(),
  england: z.number().nullable(),
  region: z.number().nullable(),
});

/** An indicator reported by exception: its metric is worse than England (or the region) or significantly worsening. */
export const PackExceptionSchema = z.object({
  metricId: z.string(),
  metricName: z.string(),
  indicatorName: z.string(),
  outcomeStatements: z.array(z.string()),
  domain: DomainSchema.nullable(),
  unit: z.string(),
  /** Why it is reported, in words: "Worse than England; getting worse over the last 5 periods (2018/19 to 2022/23)". */
  reasons: z.array(z.string()),
  latestPeriod: z.string(),
  series: z.array(PackSeriesRowSchema),
});
export type PackException = z.infer<typeof PackExceptionSchema>;

/** A metric on the data development agenda: missing or partial data, with the reason and the next step. */
export const PackDataGapSchema = z.object({
  metricId: z.string(),
  metricName: z.string(),
  domain: DomainSchema.nullable(),
  status: z.string(),
  reason: z.string(),
  nextStep: z.string(),
  owner: z.string(),
});

/** An outcome the theory of change leaves without any commissioned action, or a link needing attention. */
export const PackTocGapSchema = z.object({ label: z.string(), problem: z.string() });

/** A current priority: an agreed priority of a recorded decision. */
export const PackPrioritySchema = z.object({
  label: z.string(),
  kind: z.string(),
  decidedAt: TimestampSchema,
  reviewDate: z.string(),
});

/**
 * `GET /api/meetings/:meetingId/board-pack`: everything a board pack holds, in the order it is printed. The DOCX, the
 * XLSX and the print page are all drawn from this one structure, so the three forms cannot disagree.
 */
export const BoardPackSchema = z.object({
  partnership: z.object({ id: z.string(), name: z.string(), area: z.string() }),
  meeting: MeetingSummarySchema,
  agenda: z.array(AgendaItemSchema),
  attendees: z.array(AttendeeSchema),
  /** The last closed meeting before this one, with its minutes as plain paragraphs (null when there is none). */
  previousMeeting: z
    .object({ meeting: MeetingSummarySchema, minutes: z.array(z.string()), attendees: z.array(AttendeeSchema) })
    .nullable(),
  /** This meeting's own minutes (for a pack printed after the meeting). */
  minutes: z.array(z.string()),
  actions: z.array(BoardActionSchema),
  /** What changed since the previous meeting's version (null when there is no earlier version to compare with). */
  changes: ChangesSchema.nullable(),
  priorities: z.array(PackPrioritySchema),
  decisions: z.array(DecisionSchema),
  exceptions: z.array(PackExceptionSchema),
  dataGaps: z.array(PackDataGapSchema),
  tocGaps: z.array(PackTocGapSchema),
  /** The small-count threshold under which values are suppressed (always said in the pack). */
  smallCountThreshold: z.int(),
  generatedAt: TimestampSchema,
});
export type BoardPack = z.infer<typeof BoardPackSchema>;
