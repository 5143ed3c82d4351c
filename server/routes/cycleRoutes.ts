import { z } from 'zod';
import type { Permission } from '../../shared/model/roles.ts';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import {
  BoardActionSchema,
  CreateActionRequestSchema,
  CreateMeetingRequestSchema,
  MeetingSchema,
  MeetingSummarySchema,
  UpdateActionRequestSchema,
  UpdateMeetingRequestSchema,
} from '../../shared/schemas/cycles.ts';
import type { Cycles } from '../cycles/createCycles.ts';
import { defineRoute, type Route, type RouteAccess } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
export const MeetingParams = z.object({ meetingId: z.uuid() });
const ActionParams = z.object({ actionId: z.uuid() });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** Access to a meeting's routes is access to its partnership; an unknown meeting answers 404 like a stranger's. */
export function meetingAccess(cycles: Cycles, permission: Permission): RouteAccess {
  return {
    kind: 'partnership',
    permission,
    partnershipOf: (params) => (params.meetingId ? cycles.partnershipOfMeeting(params.meetingId) : null),
  };
}

/** Board meetings (facilitators run them, everyone who reads the partnership sees them) and the actions log. */
export function cycleRoutes(cycles: Cycles): Route[] {
  const { meetings, actions } = cycles;
  const actionAccess: RouteAccess = {
    kind: 'partnership',
    permission: 'workspace.edit',
    partnershipOf: (params) => (params.actionId ? cycles.partnershipOfAction(params.actionId) : null),
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/meetings',
      summary: "The partnership's board meetings, latest first",
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(MeetingSummarySchema),
      handler: (context) => meetings.list(context.partnership!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/meetings',
      summary: 'Schedule a board meeting: title, date and time, place or link',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'rounds.run', partnershipOf: byId },
      params: PartnershipParams,
      body: CreateMeetingRequestSchema,
      exampleBody: { title: 'March partnership board', startsAt: '2027-03-14T10:00:00Z', place: 'Riverside Town Hall' },
      response: MeetingSchema,
      status: 201,
      handler: (context) => meetings.create(context.partnership!, context.principal!.user.id, context.body, context.ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/meetings/:meetingId',
      summary: 'A meeting with its agenda (decisions back for review included, with the reason) and attendance',
      tag: 'board cycles',
      access: meetingAccess(cycles, 'workspace.read'),
      params: MeetingParams,
      response: MeetingSchema,
      handler: (context) => meetings.get(context.partnership!, context.params.meetingId),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/meetings/:meetingId',
      summary: 'Change a scheduled meeting; `agenda` and `attendeeIds` (members only) replace the lists',
      tag: 'board cycles',
      access: meetingAccess(cycles, 'rounds.run'),
      params: MeetingParams,
      body: UpdateMeetingRequestSchema,
      exampleBody: { place: 'Online (Teams link in the invitation)' },
      response: MeetingSchema,
      handler: (context) =>
        meetings.update(
          context.partnership!,
          context.principal!.user.id,
          context.params.meetingId,
          context.body,
          context.ip,
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/meetings/:meetingId/close',
      summary: 'Close a meeting (once): its record is fixed and a version of the partnership is taken',
      tag: 'board cycles',
      access: meetingAccess(cycles, 'rounds.run'),
      params: MeetingParams,
      response: MeetingSchema,
      handler: (context) =>
        meetings.close(context.partnership!, context.principal!.user.id, context.params.meetingId, context.ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/actions',
      summary: 'The actions log: open actions first (by due date), then done ones',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(BoardActionSchema),
      handler: (context) => actions.list(context.partnership!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/actions',
      summary: 'Add an action: what, who, by when, and the outcome or decision it serves',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.edit', partnershipOf: byId },
      params: PartnershipParams,
      body: CreateActionRequestSchema,
      exampleBody: { text: 'Share the data development agenda with health visiting', owner: 'Riverside Council' },
      response: BoardActionSchema,
      status: 201,
      handler: (context) =>
        actions.create(context.partnership!.id, context.principal!.user.id, context.body, context.ip),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/actions/:actionId',
      summary: 'Change an action; done records when, reopening clears it',
      tag: 'board cycles',
      access: actionAccess,
      params: ActionParams,
      body: UpdateActionRequestSchema,
      exampleBody: { status: 'done' },
      response: BoardActionSchema,
      handler: (context) =>
        actions.update(context.params.actionId, context.principal!.user.id, context.body, context.ip),
    }),
  ];
}
