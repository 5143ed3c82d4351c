import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { BoardAction, Meeting, VersionDetail, VersionSummary } from '../../../shared/schemas/cycles.ts';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { updateOutcome } from '../../../shared/model/framework/index.ts';
import { xmlSafeText } from '../../../server/boardPack/xmlSafe.ts';
import { cast } from '../rounds/roundsWorld.ts';
import { buildCyclesWorld, secondPartnership } from './cyclesWorld.ts';

type ApiError = { error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } };

describe('board cycles as a malicious member would probe them', () => {
  it("answers 404 for another partnership's meetings and actions, to its own facilitator too", async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting();
    const action = await world.facilitator.api.request<BoardAction>('POST', `${world.base}/actions`, {
      text: 'Share the agenda',
    });
    // A facilitator of another partnership only.
    const otherId = await secondPartnership(world);
    const intruder = await world.outsider('Ivan');
    await world.server.store.partnerships.addMember({
      partnershipId: otherId,
      userId: intruder.userId,
      role: 'facilitator',
      organisation: 'Elsewhere',
      isVotingMember: false,
    });
    for (const [method, path, body] of [
      ['GET', `/api/meetings/${meeting.id}`],
      ['PATCH', `/api/meetings/${meeting.id}`, { title: 'Mine now' }],
      ['POST', `/api/meetings/${meeting.id}/close`],
      ['GET', `/api/meetings/${meeting.id}/board-pack`],
      ['GET', `/api/meetings/${meeting.id}/board-pack.docx`],
      ['GET', `/api/meetings/${meeting.id}/board-pack.xlsx`],
      ['PATCH', `/api/actions/${action.body.id}`, { status: 'done' }],
    ] as const) {
      expect((await intruder.api.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    // Through the other partnership's own routes, a meeting id of this one is no meeting there.
    const crossed = await intruder.api.request<ApiError>('POST', `/api/partnerships/${otherId}/actions`, {
      text: 'Hijack',
      meetingId: meeting.id,
    });
    expect(crossed.status).toBe(400);
    expect((await world.facilitator.api.request<Meeting>('GET', `/api/meetings/${meeting.id}`)).body.status).toBe(
      'scheduled',
    );
  });

  it("refuses agenda items and action links pointing at another partnership's round, decision, outcome or concern", async () => {
    const world = await buildCyclesWorld();
    const { round, decision } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2027-09-01',
    });
    const otherId = await secondPartnership(world);
    const other = await world.facilitator.api.request<Meeting>('POST', `/api/partnerships/${otherId}/meetings`, {
      title: 'Other board',
      startsAt: '2027-03-14T10:00:00Z',
    });
    expect(other.status).toBe(201);
    for (const item of [
      { kind: 'round', roundId: round.id },
      { kind: 'decision-review', decisionId: decision.id },
      { kind: 'outcome', outcomeId: world.outcomes[0]!.refId },
    ]) {
      const refused = await world.facilitator.api.request<ApiError>('PATCH', `/api/meetings/${other.body.id}`, {
        agenda: [item],
      });
      expect(refused.status, JSON.stringify(item)).toBe(400);
    }
    for (const link of [
      { kind: 'decision', id: decision.id },
      { kind: 'outcome', id: world.outcomes[0]!.refId },
    ]) {
      const refused = await world.facilitator.api.request('POST', `/api/partnerships/${otherId}/actions`, {
        text: 'Follow up',
        link,
      });
      expect(refused.status, JSON.stringify(link)).toBe(400);
    }
  });

  it('ignores keys a body does not define, refuses __proto__, and never lets a patch close a meeting', async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting();
    const patch = (body: string) =>
      fetch(`${world.server.url}/api/meetings/${meeting.id}`, {
        method: 'PATCH',
        headers: { ...world.facilitator.headers, 'content-type': 'application/json' },
        body,
      });
    const polluting = await patch(
      '{"agenda":[{"kind":"text","title":"Welcome","__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}',
    );
    expect(polluting.status).toBe(400);
    expect(((await polluting.json()) as ApiError).error.message).toContain('“__proto__”');
    const response = await patch(
      '{"status":"closed","versionId":null,"partnershipId":"elsewhere","agenda":[{"kind":"text","title":"Welcome","constructor":{"prototype":{"polluted":true}}}]}',
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const updated = (await response.json()) as Meeting;
    expect(updated).toMatchObject({ status: 'scheduled', partnershipId: world.partnershipId });
    expect(updated.agenda.map((item) => item.title)).toEqual(['Welcome']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses changes to a closed meeting', async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting();
    expect((await world.facilitator.api.request('POST', `/api/meetings/${meeting.id}/close`)).status).toBe(200);
    const refused = await world.facilitator.api.request<ApiError>('PATCH', `/api/meetings/${meeting.id}`, {
      attendeeIds: [world.facilitator.userId],
    });
    expect(refused.status).toBe(409);
  });

  it('names the board pack file safely whatever the title says', async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting({ title: "Board\"; filename*=UTF-8''evil.exe\r\nX-Evil: 1 ../../" });
    for (const extension of ['docx', 'xlsx']) {
      const response = await fetch(`${world.server.url}/api/meetings/${meeting.id}/board-pack.${extension}`, {
        headers: world.facilitator.headers,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-evil')).toBeNull();
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="board-pack-[a-z0-9-]+-2027-03-14\\.${extension}"$`),
      );
    }
  });

  it('writes a board pack Word and Excel can open when titles and actions hold control characters', async () => {
    const world = await buildCyclesWorld();
    const meeting = await world.scheduleMeeting({ title: 'Board \u0001\u0008 meeting \uFFFE' });
    const outcomeId = world.outcomes[0]!.refId;
    await world.changeWorkspace((doc) => updateOutcome(doc, outcomeId, { statement: 'Babies \u0002thrive\u0000' }));
    const added = await world.facilitator.api.request<BoardAction>('POST', `${world.base}/actions`, {
      text: 'Share \u0000 the \u001b agenda',
      owner: '\u0007Council',
      link: { kind: 'outcome', id: outcomeId },
    });
    expect(added.status).toBe(201);
    // What people write is stored without control characters (PostgreSQL cannot hold U+0000 in text).
    expect(added.body).toMatchObject({ text: 'Share  the  agenda', owner: 'Council' });
    for (const extension of ['docx', 'xlsx']) {
      const response = await fetch(`${world.server.url}/api/meetings/${meeting.id}/board-pack.${extension}`, {
        headers: world.facilitator.headers,
      });
      expect(response.status).toBe(200);
      const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
      const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
      let text = '';
      for (const name of parts) {
        const xml = await zip.file(name)!.async('string');
        expect(xmlSafeText(xml), `${extension} ${name}`).toBe(xml);
        text += xml;
      }
      expect(text).toContain('Board  meeting');
      expect(text).toContain('Share  the  agenda');
      // Text from the workspace document (the linked outcome's statement) is made safe in the pack itself.
      expect(text).toContain('Babies thrive');
    }
  });

  it('lets only facilitators restore a copy, which carries no members, rounds, meetings or versions', async () => {
    const world = await buildCyclesWorld();
    const amira = await world.join('Amira', { role: 'editor' });
    const viewer = await world.join('Vic', { role: 'viewer' });
    await world.decide(world.outcomes.slice(0, 2), { statement: 'Focus', reviewDate: '2027-09-01' });
    await world.scheduleMeeting();
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'V\u00001',
    });
    expect(taken.status).toBe(201);
    expect(taken.body.label).toBe('V1');
    for (const member of [amira, viewer]) {
      const refused = await member.api.request('POST', `${world.base}/versions/${taken.body.id}/copy`, {});
      expect(refused.status).toBe(403);
    }
    const copied = await world.facilitator.api.request<Partnership>(
      'POST',
      `${world.base}/versions/${taken.body.id}/copy`,
      { name: 'Riverside\u0000 copy' },
    );
    expect(copied.status).toBe(201);
    expect(copied.body.name).toBe('Riverside copy');
    const members = await world.server.store.partnerships.members(copied.body.id, false);
    expect(members.map((m) => m.userId)).toEqual([world.facilitator.userId]);
    const copyBase = `/api/partnerships/${copied.body.id}`;
    for (const path of ['meetings', 'versions', 'actions', 'rounds', 'decisions']) {
      const listed = await world.facilitator.api.request<unknown[]>('GET', `${copyBase}/${path}`);
      if (listed.status === 404) continue;
      expect(listed.body, path).toEqual([]);
    }
    // The people of the original are no members of the copy.
    expect((await amira.api.request('GET', copyBase)).status).toBe(404);
  });

  it('keeps the results of a round out of versions until everyone may see them', async () => {
    const world = await buildCyclesWorld();
    const voter = await world.join('Amira');
    const viewer = await world.join('Vic', { role: 'viewer' });
    const round = await world.openRound({
      visibility: 'after-vote',
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    });
    expect(
      (
        await cast(voter, round.id, {
          method: 'dots',
          dots: { [round.candidates[0]!.id]: 3, [round.candidates[1]!.id]: 2 },
        })
      ).status,
    ).toBe(200);
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'During the vote',
    });
    const detail = await viewer.api.request<VersionDetail>('GET', `${world.base}/versions/${taken.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.facts.rounds).toEqual([]);
    const serialised = JSON.stringify(detail.body);
    expect(serialised).not.toContain(voter.userId);
    expect(serialised).not.toContain('"dots"');
    const changes = await viewer.api.request('GET', `${world.base}/changes?since=${taken.body.id}`);
    expect(changes.status).toBe(200);
    expect(JSON.stringify(changes.body)).not.toContain(voter.userId);
  });
});
