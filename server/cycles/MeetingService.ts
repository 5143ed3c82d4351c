import { randomUUID } from 'node:crypto';
import { readFramework } from '../../shared/model/framework/index.ts';
import {
  VersionFactsSchema,
  type AgendaItem,
  type Attendee,
  type CreateMeetingRequestSchema,
  type Meeting,
  type MeetingSummary,
  type UpdateMeetingRequestSchema,
} from '../../shared/schemas/cycles.ts';
import type { Decision } from '../../shared/schemas/decisions.ts';
import type { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import type { DecisionService } from '../rounds/DecisionService.ts';
import type { MeetingChange, MeetingRecord } from '../store/repositories/MeetingRepository.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { judgementMoves, metricsOfDecision, reviewReason } from './decisionReviews.ts';
import {
  agendaIssues,
  agendaItemId,
  automaticReview,
  describeAgendaItem,
  docNames,
  type AgendaContext,
} from './meetingAgenda.ts';
import type { VersionFactsReader } from './versionFacts.ts';
import type { VersionService } from './VersionService.ts';

export interface MeetingServiceDeps {
  store: Repositories;
  decisions: DecisionService;
  facts: VersionFactsReader;
  versions: VersionService;
  docs: WorkspaceDocs;
}

type NewMeeting = z.output<typeof CreateMeetingRequestSchema>;
type MeetingPatch = z.output<typeof UpdateMeetingRequestSchema>;

const notFound = () => new HttpError(404, 'meeting_not_found', 'No such meeting');
const closedAlready = () => new HttpError(409, 'meeting_closed', 'This meeting is closed, so it can no longer change');
const invalid = (issues: { path: (string | number)[]; message: string }[]) =>
  new HttpError(400, 'invalid_request', issues.map((issue) => issue.message).join(' '), issues);

/** The summary fields of a meeting (stored or as the API sends it), and nothing else. */
export function describeMeeting(meeting: MeetingSummary): MeetingSummary {
  return {
    id: meeting.id,
    partnershipId: meeting.partnershipId,
    title: meeting.title,
    startsAt: meeting.startsAt,
    place: meeting.place,
    status: meeting.status,
    closedAt: meeting.closedAt,
    versionId: meeting.versionId,
    createdBy: meeting.createdBy,
    createdAt: meeting.createdAt,
  };
}

/** Board meetings: scheduled, given an agenda and attendance, then closed (which takes a version). */
export class MeetingService {
  readonly #deps: MeetingServiceDeps;

  constructor(deps: MeetingServiceDeps) {
    this.#deps = deps;
  }

  async create(partnership: PartnershipRecord, userId: string, request: NewMeeting, ip: string | null) {
    const id = randomUUID();
    const startsAt = new Date(request.startsAt).toISOString();
    await this.#deps.store.transaction(async (tx) => {
      await tx.meetings.insert({
        id,
        partnershipId: partnership.id,
        title: request.title,
        startsAt,
        place: request.place,
        createdBy: userId,
        createdAt: new Date().toISOString(),
      });
      await tx.audit.record({
        action: 'meeting.created',
        actorId: userId,
        partnershipId: partnership.id,
        target: id,
        details: { title: request.title, startsAt },
        ip,
      });
    });
    return this.get(partnership, id);
  }

  async list(partnershipId: string): Promise<MeetingSummary[]> {
    return (await this.#deps.store.meetings.listForPartnership(partnershipId)).map(describeMeeting);
  }

  /** The meeting with its agenda (decisions due for review added while it is scheduled), attendance and context. */
  async get(partnership: PartnershipRecord, meetingId: string): Promise<Meeting> {
    const meeting = await this.#meeting(partnership.id, meetingId);
    const context = await this.#agendaContext(partnership.id);
    const agenda = meeting.agenda.map((item) => describeAgendaItem(item, context.agenda));
    if (meeting.status === 'scheduled') {
      const listed = new Set(
        meeting.agenda.flatMap((item) => (item.kind === 'decision-review' ? [item.decisionId] : [])),
      );
      const due = await this.reviewsDue(partnership, meeting.startsAt, context.decisions);
      agenda.push(...due.filter((item) => !listed.has(item.decisionId!)));
    }
    const previous = await this.previousMeeting(meeting);
    return {
      ...describeMeeting(meeting),
      agenda,
      attendees: await this.attendees(meeting),
      previousMeetingId: previous?.id ?? null,
      sinceVersionId: previous?.versionId ?? null,
    };
  }

  async update(
    partnership: PartnershipRecord,
    userId: string,
    meetingId: string,
    patch: MeetingPatch,
    ip: string | null,
  ) {
    const meeting = await this.#meeting(partnership.id, meetingId);
    if (meeting.status === 'closed') throw closedAlready();
    const change: MeetingChange = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.startsAt !== undefined ? { startsAt: new Date(patch.startsAt).toISOString() } : {}),
      ...(patch.place !== undefined ? { place: patch.place } : {}),
    };
    if (patch.agenda) {
      const agenda = patch.agenda.map((item) => ({ ...item, id: agendaItemId() }));
      const issues = agendaIssues(agenda, (await this.#agendaContext(partnership.id)).agenda);
      if (issues.length > 0) throw invalid(issues);
      change.agenda = agenda;
    }
    if (patch.attendeeIds) {
      const members = new Set(
        (await this.#deps.store.partnerships.members(partnership.id, false)).map((m) => m.userId),
      );
      const issues = patch.attendeeIds.flatMap((id, index) =>
        members.has(id)
          ? []
          : [{ path: ['attendeeIds', index], message: 'Attendees must be members of this partnership' }],
      );
      if (issues.length > 0) throw invalid(issues);
      change.attendeeIds = patch.attendeeIds;
    }
    await this.#deps.store.transaction(async (tx) => {
      if (!(await tx.meetings.update(meetingId, change))) throw closedAlready();
      await tx.audit.record({
        action: 'meeting.updated',
        actorId: userId,
        partnershipId: partnership.id,
        target: meetingId,
        details: { changed: Object.keys(patch) },
        ip,
      });
    });
    return this.get(partnership, meetingId);
  }

  /**
   * Closes the meeting once (a second close answers 409), then takes its version. The close commits first: the
   * version reads the workspace doc, which is never done inside a unit of work.
   */
  async close(partnership: PartnershipRecord, userId: string, meetingId: string, ip: string | null) {
    const meeting = await this.#meeting(partnership.id, meetingId);
    await this.#deps.store.transaction(async (tx) => {
      if (!(await tx.meetings.close(meetingId, new Date().toISOString()))) throw closedAlready();
      await tx.audit.record({
        action: 'meeting.closed',
        actorId: userId,
        partnershipId: partnership.id,
        target: meetingId,
        details: {},
        ip,
      });
    });
    const version = await this.#deps.versions.take(
      partnership,
      { userId },
      meeting.title,
      { kind: 'meeting', id: meetingId },
      ip,
    );
    await this.#deps.store.meetings.setVersion(meetingId, version.id);
    return this.get(partnership, meetingId);
  }

  /** The latest closed meeting that started before this one. */
  async previousMeeting(meeting: MeetingRecord): Promise<MeetingRecord | null> {
    const meetings = await this.#deps.store.meetings.listForPartnership(meeting.partnershipId);
    return (
      meetings.find(
        (other) => other.id !== meeting.id && other.status === 'closed' && other.startsAt < meeting.startsAt,
      ) ?? null
    );
  }

  /** Who attended, with the organisation they represent; someone who has since left is still listed. */
  async attendees(meeting: MeetingRecord): Promise<Attendee[]> {
    const members = new Map(
      (await this.#deps.store.partnerships.members(meeting.partnershipId, false)).map((m) => [m.userId, m]),
    );
    const attendees: Attendee[] = [];
    for (const userId of meeting.attendeeIds) {
      const member = members.get(userId);
      const name = member?.displayName ?? (await this.#deps.store.users.findById(userId))?.displayName;
      attendees.push({ userId, name: name ?? 'Former member', organisation: member?.organisation ?? '' });
    }
    return attendees;
  }

  /**
   * Decisions back for review at a meeting on `startsAt`: their review date has come, or the evidence of a metric
   * under their priorities moved the wrong way since they were taken (the version taken at or before the decision
   * against now).
   */
  async reviewsDue(
    partnership: PartnershipRecord,
    startsAt: string,
    decisions: readonly Decision[],
  ): Promise<AgendaItem[]> {
    if (decisions.length === 0) return [];
    const framework = await this.#deps.docs.read(partnership.id, (doc) => readFramework(doc));
    const current = await this.#deps.facts.evidence(partnership, framework.metrics);
    const now = new Map(current.flatMap((entry) => (entry.fact ? [[entry.metric.id, entry.fact] as const] : [])));
    const items: AgendaItem[] = [];
    for (const decision of decisions) {
      const metrics = metricsOfDecision(decision, framework);
      const moves: string[] = [];
      if (metrics.length > 0) {
        const baseline = await this.#evidenceAt(partnership.id, decision.decidedAt);
        if (baseline) {
          for (const metric of metrics)
            moves.push(...judgementMoves(metric, baseline.get(metric.id), now.get(metric.id)));
        }
      }
      const reason = reviewReason(decision, startsAt, moves);
      if (reason) items.push(automaticReview(decision, reason));
    }
    return items;
  }

  async #evidenceAt(partnershipId: string, at: string) {
    const { versions } = this.#deps.store;
    const record = await versions.latestAtOrBefore(partnershipId, at);
    const stored = record ? await versions.find(partnershipId, record.id) : null;
    if (!stored) return null;
    const facts = VersionFactsSchema.parse(JSON.parse(stored.facts));
    return new Map(facts.evidence.map((fact) => [fact.metricId, fact]));
  }

  async #meeting(partnershipId: string, meetingId: string): Promise<MeetingRecord> {
    const meeting = await this.#deps.store.meetings.findById(meetingId);
    if (meeting?.partnershipId !== partnershipId) throw notFound();
    return meeting;
  }

  async #agendaContext(partnershipId: string): Promise<{ agenda: AgendaContext; decisions: Decision[] }> {
    const decisions = await this.#deps.decisions.list(partnershipId);
    const rounds = await this.#deps.store.rounds.listForPartnership(partnershipId);
    const names = await this.#deps.docs.read(partnershipId, docNames);
    return {
      decisions,
      agenda: {
        roundTitles: new Map(rounds.filter((r) => r.state !== 'draft').map((round) => [round.id, round.title])),
        decisions: new Map(decisions.map((decision) => [decision.id, decision])),
        ...names,
      },
    };
  }
}
