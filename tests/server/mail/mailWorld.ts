import { expect } from 'vitest';
import type { Role } from '../../../shared/model/roles.ts';
import { addOutcome } from '../../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import type { CandidateInput, Round } from '../../../shared/schemas/rounds.ts';
import type { MailRecord } from '../../../server/store/repositories/MailRepository.ts';
import { buildOutcome } from '../../shared/model/framework/factories.ts';
import { ApiClient, testAdmin, testAdminEnv } from '../../helpers/apiClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';

/** Someone in the partnership, signed in (a session made directly), with the address their email goes to. */
export interface Person {
  userId: string;
  name: string;
  email: string;
  api: ApiClient;
}

let people = 0;

/**
 * A real server with sessions, its administrator signed in, and one partnership (Riverside Family Hubs). `smtpUrl`
 * points the server at an SMTP server (leave it out to keep every email in the outbox). Accounts and memberships are
 * made directly; everything under test goes over HTTP.
 */
export async function mailWorld({ smtpUrl }: { smtpUrl?: string } = {}) {
  const server = await startTestServer({
    access: 'sessions',
    env: {
      ...testAdminEnv,
      ...(smtpUrl ? { SMTP_URL: smtpUrl, MAIL_FROM: 'Common Ground <board@example.org>' } : {}),
    },
  });
  const { store } = server;
  const admin = new ApiClient(server.url);
  await admin.signIn(testAdmin.email, testAdmin.password);
  const partnershipId = `mail-${(people++).toString(36)}`;
  await store.partnerships.create({
    id: partnershipId,
    name: 'Riverside Family Hubs',
    areaName: 'Riverside',
    areaCode: 'E09000024',
    template: 'blank',
    createdBy: null,
  });

  const join = async (name: string, role: Role = 'editor', voting = true): Promise<Person> => {
    people += 1;
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${people}@example.org`;
    const user = await store.users.create({
      email,
      displayName: name,
      organisation: `${name} org`,
      passwordHash: 'unused',
      isAdmin: false,
    });
    await store.partnerships.addMember({
      partnershipId,
      userId: user.id,
      role,
      organisation: `${name} org`,
      isVotingMember: voting,
    });
    const api = new ApiClient(server.url);
    api.cookie = `cg_session=${(await store.sessions.create(user.id)).secret}`;
    return { userId: user.id, name, email, api };
  };

  /** The outbox rows addressed to someone, oldest first, once every email being composed is stored. */
  const outboxFor = async (address: string): Promise<MailRecord[]> => {
    await server.mail.notifier.settled();
    return (await store.mail.list({ limit: 500 })).filter((row) => row.toAddress === address).reverse();
  };

  const invite = async (email: string | undefined): Promise<CreatedInvitation> => {
    const { status, body } = await admin.request<CreatedInvitation>(
      'POST',
      `/api/partnerships/${partnershipId}/invitations`,
      { role: 'editor', organisation: 'NHS Riverside', ...(email ? { email } : {}) },
    );
    expect(status, JSON.stringify(body)).toBe(201);
    return body;
  };

  /** A round on two new outcomes of the framework, opened by `facilitator`, closing at `closesAt`. */
  const openRound = async (facilitator: Person, closesAt: string): Promise<Round> => {
    let candidates: CandidateInput[] = [];
    await server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
      candidates = ['Children are safe at home', 'Parents have good mental health'].map((statement) => ({
        kind: 'outcome' as const,
        refId: addOutcome(doc, buildOutcome({ statement })),
        label: statement,
      }));
    });
    const created = await facilitator.api.request<Round>('POST', `/api/partnerships/${partnershipId}/rounds`, {
      title: 'Priority outcomes 2027',
      candidates,
      closesAt,
      settings: { method: 'dots', dotsPerVoter: 3, maxPerCandidate: 3 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opened = await facilitator.api.request<Round>('POST', `/api/rounds/${created.body.id}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body;
  };

  return { server, store, admin, partnershipId, join, outboxFor, invite, openRound };
}

/** The unsubscribe token in an email's text. */
export function unsubscribeTokenIn(text: string): string {
  const match = /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no unsubscribe link in: ${text}`);
  return match[1]!;
}
