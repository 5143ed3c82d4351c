import { z } from 'zod';
import {
  BoardActionSchema,
  ChangesSchema,
  MeetingSchema,
  MeetingSummarySchema,
  TrendsSchema,
  VersionDetailSchema,
  VersionSummarySchema,
  type BoardAction,
  type Changes,
  type CreateActionRequest,
  type CreateMeetingRequest,
  type Meeting,
  type Trends,
  type MeetingSummary,
  type UpdateActionRequest,
  type UpdateMeetingRequest,
  type VersionDetail,
  type VersionSummary,
} from '../../shared/schemas/cycles.ts';
import { PartnershipSchema, type Partnership } from '../../shared/schemas/partnerships.ts';
import { apiRequest, segment } from '../api/apiRequest.ts';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
const partnershipPath = (partnershipId: string) => `/api/partnerships/${segment(partnershipId)}`;
const meetingPath = (meetingId: string) => `/api/meetings/${segment(meetingId)}`;

/** The partnership's meetings, upcoming and past. */
export function listMeetings(partnershipId: string, signal?: AbortSignal): Promise<MeetingSummary[]> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/meetings`, {
    schema: z.array(MeetingSummarySchema),
    ...signalOf(signal),
  });
}

/** Schedules a meeting (facilitators). */
export function createMeeting(partnershipId: string, request: CreateMeetingRequest): Promise<MeetingSummary> {
  return apiRequest('POST', `${partnershipPath(partnershipId)}/meetings`, {
    body: request,
    schema: MeetingSummarySchema,
  });
}

/** One meeting with its agenda (decisions back for review included) and attendance. */
export function fetchMeeting(meetingId: string, signal?: AbortSignal): Promise<Meeting> {
  return apiRequest('GET', meetingPath(meetingId), { schema: MeetingSchema, ...signalOf(signal) });
}

/** Changes a meeting's details, agenda or attendance; the lists given replace the stored ones (facilitators). */
export function updateMeeting(meetingId: string, change: UpdateMeetingRequest): Promise<Meeting> {
  return apiRequest('PATCH', meetingPath(meetingId), { body: change, schema: MeetingSchema });
}

/** Closes a meeting; the server takes a version of the partnership as it is now (facilitators). */
export function closeMeeting(meetingId: string): Promise<Meeting> {
  return apiRequest('POST', `${meetingPath(meetingId)}/close`, { schema: MeetingSchema });
}

/** The actions log: every action, open ones carrying from meeting to meeting until done. */
export function listActions(partnershipId: string, signal?: AbortSignal): Promise<BoardAction[]> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/actions`, {
    schema: z.array(BoardActionSchema),
    ...signalOf(signal),
  });
}

/** Adds an action to the log. */
export function createAction(partnershipId: string, request: CreateActionRequest): Promise<BoardAction> {
  return apiRequest('POST', `${partnershipPath(partnershipId)}/actions`, { body: request, schema: BoardActionSchema });
}

/** Changes an action: its status most often. */
export function updateAction(actionId: string, change: UpdateActionRequest): Promise<BoardAction> {
  return apiRequest('PATCH', `/api/actions/${segment(actionId)}`, { body: change, schema: BoardActionSchema });
}

/** Every version of the partnership, newest first. */
export function listVersions(partnershipId: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/versions`, {
    schema: z.array(VersionSummarySchema),
    ...signalOf(signal),
  });
}

/** Takes a version of the partnership now (facilitators). */
export function takeVersion(partnershipId: string, label: string): Promise<VersionSummary> {
  return apiRequest('POST', `${partnershipPath(partnershipId)}/versions`, {
    body: { label },
    schema: VersionSummarySchema,
  });
}

/** One version: its summary, the facts stored with it, and the workspace document as it was. */
export function fetchVersion(partnershipId: string, versionId: string, signal?: AbortSignal): Promise<VersionDetail> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/versions/${segment(versionId)}`, {
    schema: VersionDetailSchema,
    ...signalOf(signal),
  });
}

/** What changed between a version and another one (or now). */
export function fetchChanges(
  partnershipId: string,
  since: string,
  until: string,
  signal?: AbortSignal,
): Promise<Changes> {
  const query = new URLSearchParams({ since, until });
  return apiRequest('GET', `${partnershipPath(partnershipId)}/changes?${query.toString()}`, {
    schema: ChangesSchema,
    ...signalOf(signal),
  });
}

/** Creates a new partnership from a version; nothing in this one changes (facilitators). */
export function copyVersion(partnershipId: string, versionId: string, name: string): Promise<Partnership> {
  return apiRequest('POST', `${partnershipPath(partnershipId)}/versions/${segment(versionId)}/copy`, {
    body: name.trim() === '' ? {} : { name },
    schema: PartnershipSchema,
  });
}

/** How the evidence and the priorities moved over the versions: data availability by domain, ranks by round. */
export function fetchTrends(partnershipId: string, signal?: AbortSignal): Promise<Trends> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/trends`, { schema: TrendsSchema, ...signalOf(signal) });
}
