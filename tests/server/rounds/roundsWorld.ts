import { expect } from 'vitest';
import type * as Y from 'yjs';
import { addOutcome } from '../../../shared/model/framework/index.ts';
import type { Role } from '../../../shared/model/roles.ts';
import { ballotsDocName, workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Ballot, CastBallotResponse } from '../../../shared/schemas/ballots.ts';
import type { CandidateInput, CreateRoundRequest, Round } from '../../../shared/schemas/rounds.ts';
import { buildOutcome } from '../../shared/model/framework/factories.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { connectClient, whenSynced, type TestClient } from '../../helpers/collabClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';

/** Someone in the test partnership, with a signed-in API client (their session cookie). */
export interface Participant {
  userId: string;
  name: string;
  organisation: string;
  api: ApiClient;
  headers: { cookie: string };
}

export type RoundsServer = Awaited<ReturnType<typeof startTestServer>>;

/** A real server with sessions, a partnership and a facilitator; people and rounds are added by each test. */
export interface RoundsWorld {
  server: RoundsServer;
  partnershipId: string;
  facilitator: Participant;
  /** Outcomes of the partnership's framework, as candidates: the default round votes on the first three. */
  outcomes: CandidateInput[];
  /** Changes the partnership's workspace doc as an editor's screen would (stored, then broadcast). */
  changeWorkspace: <T>(change: (doc: Y.Doc) => T) => Promise<T>;
  /** Adds a member (a voting member of `organisation` unless said otherwise). */
  join: (name: string, options?: { organisation?: string; role?: Role; voting?: boolean }) => Promise<Participant>;
  /** Someone with an account but no membership. */
  outsider: (name: string) => Promise<Participant>;
  /** Creates a draft round as the facilitator. */
  createRound: (overrides?: Partial<CreateRoundRequest>) => Promise<Round>;
  /**
   * Creates and opens a round as the facilitator, and waits until the server has written it into the ballots
   * projection (the projector writes after the opening commits), so a projection client connected next finds it.
   */
  openRound: (overrides?: Partial<CreateRoundRequest>) => Promise<Round>;
  /** A stock y-websocket client on the partnership's ballots projection, synced. */
  projectionClient: (participant: Participant) => Promise<TestClient>;
}

let people = 0;

/** Builds the world. Accounts and memberships are made directly (fast); everything under test goes over HTTP. */
export async function buildRoundsWorld(): Promise<RoundsWorld> {
  const server = await startTestServer({ access: 'sessions' });
  const { store } = server;
  const partnershipId = `rounds-${(people++).toString(36)}`;
  await store.partnerships.create({
    id: partnershipId,
    name: 'Riverside',
    areaName: 'Riverside',
    areaCode: 'E09000024',
    template: 'blank',
    createdBy: null,
  });

  const account = async (name: string, organisation: string): Promise<Participant> => {
    people += 1;
    const user = await store.users.create({
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${people}@example.org`,
      displayName: name,
      organisation,
      // Nobody signs in with a password here: sessions are created directly.
      passwordHash: 'unused',
      isAdmin: false,
    });
    const api = new ApiClient(server.url);
    api.cookie = `cg_session=${(await store.sessions.create(user.id)).secret}`;
    return { userId: user.id, name, organisation, api, headers: { cookie: api.cookie } };
  };

  const join: RoundsWorld['join'] = async (
    name,
    { organisation = `${name}'s agency`, role = 'editor', voting = true } = {},
  ) => {
    const participant = await account(name, organisation);
    await store.partnerships.addMember({
      partnershipId,
      userId: participant.userId,
      role,
      organisation,
      isVotingMember: voting,
    });
    return participant;
  };

  const changeWorkspace: RoundsWorld['changeWorkspace'] = async (change) => {
    let result!: ReturnType<typeof change>;
    await server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
      result = change(doc);
    });
    return result;
  };
  const statements = [
    'Children start school ready to learn',
    'Children are safe at home',
    'Parents have good mental health',
    'Families have a decent home',
    'Young people are in education or work',
    'Babies are born healthy',
  ];
  const outcomes = await changeWorkspace((doc) =>
    statements.map((statement): CandidateInput => ({
      kind: 'outcome',
      refId: addOutcome(doc, buildOutcome({ statement })),
      label: statement,
    })),
  );

  const facilitator = await join('Fran Facilitator', {
    organisation: 'Riverside Council',
    role: 'facilitator',
    voting: false,
  });

  const createRound: RoundsWorld['createRound'] = async (overrides = {}) => {
    const { status, body } = await facilitator.api.request<Round>('POST', `/api/partnerships/${partnershipId}/rounds`, {
      title: 'Priority outcomes',
      candidates: outcomes.slice(0, 3),
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
      ...overrides,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    return body;
  };

  const openRound: RoundsWorld['openRound'] = async (overrides) => {
    const round = await createRound(overrides);
    const { status, body } = await facilitator.api.request<Round>('POST', `/api/rounds/${round.id}/open`);
    expect(status, JSON.stringify(body)).toBe(200);
    await server.services.prioritisation.projector.whenIdle();
    return body;
  };

  const projectionClient: RoundsWorld['projectionClient'] = async (participant) => {
    const client = connectClient(server.wsUrl, ballotsDocName(partnershipId), {}, participant.headers);
    await whenSynced(client);
    return client;
  };

  return {
    server,
    partnershipId,
    facilitator,
    outcomes,
    changeWorkspace,
    join,
    outsider: (name) => account(name, 'Elsewhere'),
    createRound,
    openRound,
    projectionClient,
  };
}

/** Casts a ballot over HTTP; returns status and body. */
export function cast(
  participant: Participant,
  roundId: string,
  ballot: Ballot | Record<string, unknown>,
): Promise<{ status: number; body: CastBallotResponse & { error?: { code: string; message: string } } }> {
  return participant.api.request('PUT', `/api/rounds/${roundId}/ballot`, ballot);
}

/** A round's candidate ids in order. */
export function candidateIds(round: Round): string[] {
  return round.candidates.map((candidate) => candidate.id);
}
