import { describe, expect, it } from 'vitest';
import type { BoardAction } from '../../../shared/schemas/cycles.ts';
import { sendReminders } from '../../../server/mail/reminders.ts';
import { startTestSmtp } from '../../helpers/testSmtp.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { mailWorld } from './mailWorld.ts';

const hourMs = 60 * 60_000;
const today = () => new Date().toISOString().slice(0, 10);

describe('emails about decisions and actions', () => {
  it('tells every member a decision was recorded once, and again when it is due for review', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const facilitator = await world.join('Fran Facilitator', 'facilitator', false);
    const viewer = await world.join('Vic Viewer', 'viewer', false);
    const round = await world.openRound(facilitator, new Date(Date.now() + 48 * hourMs).toISOString());
    expect((await facilitator.api.request('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);
    const decision = {
      priorityCandidateIds: [round.candidates[0]!.id],
      statement: 'We will focus on safety at home first.',
      reviewDate: today(),
    };
    const recorded = await facilitator.api.request('PUT', `/api/rounds/${round.id}/decision`, decision);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    // Correcting the decision is not news to email again.
    await facilitator.api.request('PUT', `/api/rounds/${round.id}/decision`, {
      ...decision,
      statement: 'Safety first.',
    });

    await waitFor(() =>
      expect(smtp.to(viewer.email).map((mail) => mail.subject)).toEqual(['Decision recorded: Priority outcomes 2027']),
    );
    const [mail] = smtp.to(viewer.email);
    expect(mail!.text).toContain('Children are safe at home');
    expect(mail!.text).toContain(`/p/${world.partnershipId}/rounds/decisions`);

    await Promise.all([
      sendReminders(world.store, world.server.mail.notifier, new Date()),
      sendReminders(world.store, world.server.mail.notifier, new Date()),
    ]);
    await waitFor(() =>
      expect(smtp.to(facilitator.email).map((m) => m.subject)).toEqual([
        'Decision recorded: Priority outcomes 2027',
        'Decision due for review: Priority outcomes 2027',
      ]),
    );
  });

  it('emails an action’s owner when the owner names a member, and once when it falls due', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const editor = await world.join('Esme Editor');
    const owner = await world.join('Olu Owner');
    const create = (fields: Record<string, unknown>) =>
      editor.api.request<BoardAction>('POST', `/api/partnerships/${world.partnershipId}/actions`, fields);

    expect((await create({ text: 'Ask the council for the 2025 figures', owner: 'the council' })).status).toBe(201);
    const due = await create({ text: 'Book the hub visit', owner: 'olu owner', dueDate: today() });
    expect(due.status, JSON.stringify(due.body)).toBe(201);

    await waitFor(() =>
      expect(smtp.to(owner.email).map((mail) => mail.subject)).toEqual(['An action for you: Book the hub visit']),
    );
    await sendReminders(world.store, world.server.mail.notifier, new Date());
    await sendReminders(world.store, world.server.mail.notifier, new Date());
    await waitFor(() =>
      expect(smtp.to(owner.email).map((mail) => mail.subject)).toEqual([
        'An action for you: Book the hub visit',
        'Action due: Book the hub visit',
      ]),
    );
    expect(smtp.to(owner.email)[1]!.text).toContain(`/p/${world.partnershipId}/meetings`);
    await world.server.mail.notifier.settled();
    expect((await world.store.mail.list({ limit: 50 })).map((row) => row.toAddress)).not.toContain(editor.email);
  });
});
