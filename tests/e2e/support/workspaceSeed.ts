import { expect } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addOutcome, readFramework } from '../../../shared/model/framework/index.ts';
import type { OutcomeDraft } from '../../../shared/schemas/framework.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Person } from './people.ts';

/** Connects a stock y-websocket client in Node as a person (their session cookie), and waits for the first sync. */
async function connectAs(person: Person, baseURL: string, partnershipId: string) {
  const cookies = await person.context.cookies(baseURL);
  const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  class WebSocketWithCookie extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${baseURL.replace(/^http/, 'ws')}/collab`,
    workspaceDocName(partnershipId),
    doc,
    // Node has a BroadcastChannel: without disableBc two clients here could sync without the server.
    { WebSocketPolyfill: WebSocketWithCookie as unknown as typeof globalThis.WebSocket, disableBc: true },
  );
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, provider };
}

/**
 * Changes a partnership's workspace doc over the collaboration socket, as a person's screen would, and waits until a
 * fresh connection reads `isDone` true from the server. Returns what `change` returned.
 */
export async function changeWorkspace<T>(
  person: Person,
  baseURL: string,
  partnershipId: string,
  change: (doc: Y.Doc) => T,
  isDone: (doc: Y.Doc, result: T) => boolean,
): Promise<T> {
  const writer = await connectAs(person, baseURL, partnershipId);
  const result = change(writer.doc);
  const reader = await connectAs(person, baseURL, partnershipId);
  await expect.poll(() => isDone(reader.doc, result)).toBe(true);
  for (const client of [writer, reader]) {
    client.provider.destroy();
    client.doc.destroy();
  }
  return result;
}

/** Writes outcomes into a partnership's framework, as the framework screens would; returns their ids in order. */
export function seedOutcomes(
  person: Person,
  baseURL: string,
  partnershipId: string,
  drafts: readonly OutcomeDraft[],
): Promise<string[]> {
  return changeWorkspace(
    person,
    baseURL,
    partnershipId,
    (doc) => drafts.map((draft) => addOutcome(doc, draft)),
    (doc, ids) => readFramework(doc).outcomes.filter((outcome) => ids.includes(outcome.id)).length === ids.length,
  );
}

/** Runs a prioritisation round through the API and records the given outcomes as the board's agreed priorities. */
export async function agreePriorities(
  facilitator: Person,
  partnershipId: string,
  outcomes: readonly { id: string; label: string }[],
  others: readonly { id: string; label: string }[],
): Promise<void> {
  const { request } = facilitator.context;
  const created = await request.post(`/api/partnerships/${partnershipId}/rounds`, {
    data: {
      title: 'Priority outcomes 2026–27',
      candidates: [...outcomes, ...others].map(({ id, label }) => ({ kind: 'outcome', refId: id, label })),
      settings: { method: 'dots', dotsPerVoter: 3, maxPerCandidate: null },
      visibility: 'live',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const round = (await created.json()) as { id: string; candidates: { id: string; refId: string }[] };
  for (const step of ['open', 'close']) {
    const response = await request.post(`/api/rounds/${round.id}/${step}`);
    expect(response.status(), await response.text()).toBe(200);
  }
  const wanted = new Set(outcomes.map((outcome) => outcome.id));
  const decision = await request.put(`/api/rounds/${round.id}/decision`, {
    data: {
      priorityCandidateIds: round.candidates.filter((c) => wanted.has(c.refId)).map((c) => c.id),
      statement: 'The board agreed these priorities.',
      reviewDate: '2027-03-31',
    },
  });
  expect(decision.status(), await decision.text()).toBe(200);
}
