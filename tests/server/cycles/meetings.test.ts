import { describe, expect, it } from 'vitest';
import { deleteOutcome } from '../../../shared/model/framework/index.ts';
import type { BoardAction, Meeting, MeetingSummary, VersionSummary } from '../../../shared/schemas/cycles.ts';
import { buildCyclesWorld } from './cyclesWorld.ts';

type ApiError = { error: { code: string; issues?: { path: (string | number)[]; message: string }[] } };

describe('board meetings', () => {
  it('schedules a meeting, and refuses an invalid one with clear issues, storing nothing', async () => {
    const world = await buildCyclesWorld();
    const refused = await world.facilitator.api.request<ApiError>('POST', `${world.base}/meetings`, {
      title: '  ',
      startsAt: 'next Tuesday',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: ['title'], message: 'Give the meeting a title' },
      { path: ['startsAt'], message: 'Enter a date and time, for example 2027-01-14T10:00' },
    ]);
    expect((await world.facilitator.api.request('GET', `${world.base}/meetings`)).body).toEqual([]);

    const meeting = await world.scheduleMeeting();
    expect(meeting).toMatchObject({
      title: 'March partnership board',
      startsAt: '2027-03-14T10:00:00.000Z',
      place: 'Riverside Town Hall',
      status: 'scheduled',
      closedAt: null,
      versionId: null,
      agenda: [],
      attendees: [],
      previousMeetingId: null,
      sinceVersionId: null,
    });
    const listed = await world.facilitator.api.request<MeetingSummary[]>('GET', `${world.base}/meetings`);
    expect(listed.body.map((m) => m.id)).toEqual([meeting.id]);
  });

  it('records attendance of members only, with their organisation', async () => {
    const world = await buildCyclesWorld();
    const amira = await world.join('Amira', { organisation: 'Health visiting' });
    const stranger = await world.outsider('Sam');
    const meeting = await world.scheduleMeeting();
    const refused = await world.facilitator.api.request<ApiError>('PATCH', `/api/meetings/${meeting.id}`, {
      attendeeIds: [amira.userId, stranger.userId],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: ['attendeeIds', 1], message: 'Attendees must be members of this partnership' },
    ]);
    expect((await world.facilitator.api.request<Meeting>('GET', `/api/meetings/${meeting.id}`)).body.attendees).toEqual(
      [],
    );

    const updated = await world.facilitator.api.request<Meeting>('PATCH', `/api/meetings/${meeting.id}`, {
      attendeeIds: [amira.userId, world.facilitator.userId],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.attendees).toEqual([
      { userId: amira.userId, name: 'Amira', organisation: 'Health visiting' },
      { userId: world.facilitator.userId, name: 'Fran Facilitator', organisation: 'Riverside Council' },
    ]);
  });

  it('names what agenda items point at as it is now, and says when it is gone', async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting();
    const outcome = world.outcomes[0]!;
    const updated = await world.facilitator.api.request<Meeting>('PATCH', `/api/meetings/${meeting.id}`, {
      agenda: [
        { kind: 'text', title: 'Welcome and apologies' },
        { kind: 'outcome', outcomeId: outcome.refId },
      ],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(
      updated.body.agenda.map(({ kind, label, resolved, automatic }) => ({ kind, label, resolved, automatic })),
    ).toEqual([
      { kind: 'text', label: 'Welcome and apologies', resolved: true, automatic: false },
      { kind: 'outcome', label: 'Children start school ready to learn', resolved: true, automatic: false },
    ]);
    const unknown = await world.facilitator.api.request<ApiError>('PATCH', `/api/meetings/${meeting.id}`, {
      agenda: [{ kind: 'round', roundId: '00000000-0000-4000-8000-00000000dead' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      { path: ['agenda', 0], message: 'This partnership has no such prioritisation round' },
    ]);

    await world.changeWorkspace((doc) => deleteOutcome(doc, outcome.refId, 'Fran'));
    const read = await world.facilitator.api.request<Meeting>('GET', `/api/meetings/${meeting.id}`);
    expect(read.body.agenda[1]).toMatchObject({
      kind: 'outcome',
      outcomeId: outcome.refId,
      resolved: false,
      label: '',
    });
  });

  it('closes once, taking a version, and then refuses changes', async () => {
    const world = await buildCyclesWorld();
    const first = await world.scheduleMeeting({ title: 'January board', startsAt: '2027-01-10T10:00:00Z' });
    const closed = await world.facilitator.api.request<Meeting>('POST', `/api/meetings/${first.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
    const versions = await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0]).toMatchObject({
      id: closed.body.versionId,
      label: 'January board',
      reason: { kind: 'meeting', id: first.id },
      createdBy: { id: world.facilitator.userId, name: 'Fran Facilitator' },
    });

    const again = await world.facilitator.api.request<ApiError>('POST', `/api/meetings/${first.id}/close`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('meeting_closed');
    const edit = await world.facilitator.api.request('PATCH', `/api/meetings/${first.id}`, { title: 'Renamed' });
    expect(edit.status).toBe(409);
    expect((await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`)).body).toHaveLength(
      1,
    );

    const next = await world.scheduleMeeting({ title: 'March board' });
    expect(next.previousMeetingId).toBe(first.id);
    expect(next.sinceVersionId).toBe(closed.body.versionId);
  });

  it('closes once when two facilitators close it at the same moment', async () => {
    const world = await buildCyclesWorld();
    const other = await world.join('Olu', { role: 'facilitator' });
    const meeting = await world.scheduleMeeting();
    const answers = await Promise.all([
      world.facilitator.api.request('POST', `/api/meetings/${meeting.id}/close`),
      other.api.request('POST', `/api/meetings/${meeting.id}/close`),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const versions = await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`);
    expect(versions.body.map((version) => version.reason)).toEqual([{ kind: 'meeting', id: meeting.id }]);
  });

  it('lets viewers read meetings but not run them, and hides them from non-members', async () => {
    const world = await buildCyclesWorld();
    const viewer = await world.join('Val', { role: 'viewer' });
    const stranger = await world.outsider('Sam');
    const meeting = await world.scheduleMeeting();
    expect((await viewer.api.request('GET', `/api/meetings/${meeting.id}`)).status).toBe(200);
    expect((await viewer.api.request('GET', `${world.base}/meetings`)).status).toBe(200);
    expect(
      (await viewer.api.request('POST', `${world.base}/meetings`, { title: 'Mine', startsAt: '2027-01-01T10:00:00Z' }))
        .status,
    ).toBe(403);
    expect((await viewer.api.request('PATCH', `/api/meetings/${meeting.id}`, { title: 'Mine' })).status).toBe(403);
    expect((await viewer.api.request('POST', `/api/meetings/${meeting.id}/close`)).status).toBe(403);
    expect((await stranger.api.request('GET', `/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await stranger.api.request('GET', `${world.base}/meetings`)).status).toBe(404);
  });
});

describe('the actions log', () => {
  it('lists open actions first, records when one is done and clears it when reopened', async () => {
    const world = await buildCyclesWorld();
    const editor = await world.join('Eddie', { role: 'editor' });
    const viewer = await world.join('Val', { role: 'viewer' });
    const outcome = world.outcomes[1]!;
    const create = (text: string, dueDate: string | null) =>
      editor.api.request<BoardAction>('POST', `${world.base}/actions`, {
        text,
        owner: 'Riverside Council',
        dueDate,
        link: { kind: 'outcome', id: outcome.refId },
      });
    const later = await create('Publish the offer map', '2027-06-30');
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    expect(later.body).toMatchObject({ status: 'open', linkLabel: 'Children are safe at home', doneAt: null });
    const sooner = await create('Agree the data sharing protocol', '2027-04-30');

    const done = await editor.api.request<BoardAction>('PATCH', `/api/actions/${sooner.body.id}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.doneAt).not.toBeNull();
    const third = await create('Invite the youth council', null);
    const listed = await viewer.api.request<BoardAction[]>('GET', `${world.base}/actions`);
    expect(listed.body.map((action) => [action.text, action.status])).toEqual([
      ['Publish the offer map', 'open'],
      ['Invite the youth council', 'open'],
      ['Agree the data sharing protocol', 'done'],
    ]);
    expect(third.status).toBe(201);

    const reopened = await editor.api.request<BoardAction>('PATCH', `/api/actions/${sooner.body.id}`, {
      status: 'in-progress',
    });
    expect(reopened.body).toMatchObject({ status: 'in-progress', doneAt: null });

    const badLink = await editor.api.request<ApiError>('POST', `${world.base}/actions`, {
      text: 'Nowhere',
      link: { kind: 'decision', id: 'no-such-decision' },
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error.issues).toEqual([{ path: ['link'], message: 'This partnership has no such decision' }]);
    expect((await viewer.api.request('POST', `${world.base}/actions`, { text: 'Mine' })).status).toBe(403);
    expect((await viewer.api.request('PATCH', `/api/actions/${sooner.body.id}`, { status: 'done' })).status).toBe(403);
  });
});
