import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { readFramework } from '../../../shared/model/framework/index.ts';
import { narrativeFragment, narrativeKey } from '../../../shared/model/narratives/index.ts';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import { ballotsDocName, commentsDocName, workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { CommentThread } from '../../../shared/schemas/comments.ts';
import type { CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import type { Role } from '../../../shared/model/roles.ts';
import { copySqliteToPostgres } from '../../../server/store/copyStore.ts';
import { schemaVersion } from '../../../server/store/migrations.ts';
import { openStore, sqliteFile } from '../../../server/store/openStore.ts';
import { tablesInCopyOrder, type Tables } from '../../../server/store/schema.ts';
import { sqlDocStore } from '../../../server/store/SqlDocStore.ts';
import type { DocStore } from '../../../server/store/DocStore.ts';
import { ApiClient, testAdmin, testAdminEnv } from '../../helpers/apiClient.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { createPartnership } from '../../helpers/serverWithAdmin.ts';
import { makeDataDir, startTestServer } from '../../helpers/testServer.ts';
import { postgresUrlFor, testSessionPolicy, testStoreKind } from '../../helpers/testStore.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildThreadRequest } from '../comments/factories.ts';
import { fingertipsCsv, smokingAndWardRows } from '../evidence/fingertipsFactory.ts';
import { buildMetadataRow, metadataCsv } from '../evidence/metadataFactory.ts';

const run = promisify(execFile);

/** Someone with a real session (signed in through the API or by accepting an invitation). */
interface Person {
  api: ApiClient;
  userId: string;
  headers: { cookie: string };
}

/** One GET and what the server answered, as a client would see it. */
interface Answer {
  who: string;
  path: string;
  status: number;
  type: string | null;
  body: unknown;
}

async function answer(who: string, client: ApiClient, path: string): Promise<Answer> {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.bearer ? { authorization: `Bearer ${client.bearer}` } : {}),
    },
  });
  const type = response.headers.get('content-type');
  const text = await response.text();
  return { who, path, status: response.status, type, body: type?.includes('json') ? JSON.parse(text) : text };
}

/** A realistic installation on a SQLite server, made through the API with real sessions and a real socket. */
async function buildInstallation(server: Awaited<ReturnType<typeof startTestServer>>) {
  const admin = new ApiClient(server.url);
  await admin.signIn(testAdmin.email, testAdmin.password);
  const adminMe = await admin.request<{ user: { id: string } }>('GET', '/api/me');
  const partnership = await createPartnership(admin, {
    name: 'Merton family hubs',
    areaName: 'Merton',
    template: 'common-outcomes',
  });
  const base = `/api/partnerships/${partnership.id}`;
  let joined = 0;
  const join = async (name: string, role: Role, isVotingMember: boolean): Promise<Person> => {
    const { status, body } = await admin.request<CreatedInvitation>('POST', `${base}/invitations`, {
      role,
      organisation: `${name}'s agency`,
      isVotingMember,
      note: `for ${name}`,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    const api = new ApiClient(server.url);
    joined += 1;
    const accepted = await api.request('POST', `/api/invitations/${body.url.split('/invite/')[1]!}/accept`, {
      email: `${name.toLowerCase()}.${joined}@example.org`,
      displayName: name,
      organisation: `${name}'s agency`,
      password: 'long enough passphrase',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const me = await api.request<{ user: { id: string } }>('GET', '/api/me');
    return { api, userId: me.body.user.id, headers: { cookie: api.cookie! } };
  };
  const fran = await join('Fran', 'facilitator', false);
  const esme = await join('Esme', 'editor', true);
  const amir = await join('Amir', 'editor', true);
  const cora = await join('Cora', 'commenter', true);
  await join('Victor', 'viewer', false);
  // A link nobody has used yet.
  const pending = await admin.request('POST', `${base}/invitations`, {
    role: 'viewer',
    organisation: 'Library service',
  });
  expect(pending.status).toBe(201);
  const token = await esme.api.createToken('nightly export');

  // Edits through a real socket: a narrative paragraph and the partnership profile, seen by a second client.
  const editor = connectClient(server.wsUrl, workspaceDocName(partnership.id), {}, esme.headers);
  const watcher = connectClient(server.wsUrl, workspaceDocName(partnership.id), {}, fran.headers);
  await Promise.all([whenSynced(editor), whenSynced(watcher)]);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  narrativeFragment(editor.doc, narrativeKey({ kind: 'domain', domain: 'safe' })).insert(0, [paragraph]);
  text.insert(0, 'Referrals rose sharply in 2025.');
  text.insert(0, 'In Merton, ');
  text.delete(0, 3);
  // Only facilitators rename (the server undoes anyone else's change to the name): the facilitator's socket does.
  updateProfileField(watcher.doc, 'name', 'Merton Start for Life');
  await waitFor(() => expect(readProfile(editor.doc).name).toBe('Merton Start for Life'));
  // The partnership's name in SQL follows the document's a moment later (the name mirror): read it settled.
  await waitFor(async () =>
    expect((await server.store.partnerships.findById(partnership.id))?.name).toBe('Merton Start for Life'),
  );
  await waitFor(() =>
    expect(watcher.doc.getXmlFragment(narrativeKey({ kind: 'domain', domain: 'safe' })).toString()).toContain(
      'Merton, Referrals',
    ),
  );
  editor.destroy();
  watcher.destroy();

  // Rounds on the template's outcomes: a named one with a decision and a follow-up, and an anonymous one.
  const room = await server.rooms.acquire(workspaceDocName(partnership.id));
  const outcomes = readFramework(room.doc).outcomes.slice(0, 4);
  server.rooms.release(workspaceDocName(partnership.id));
  expect(outcomes).toHaveLength(4);
  const candidates = outcomes.map((outcome) => ({ kind: 'outcome', refId: outcome.id, label: outcome.statement }));
  const openRound = async (fields: Record<string, unknown>): Promise<Round> => {
    const created = await fran.api.request<Round>('POST', `${base}/rounds`, { candidates, ...fields });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opened = await fran.api.request<Round>('POST', `/api/rounds/${created.body.id}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body;
  };
  const named = await openRound({
    title: 'Priority outcomes 2026',
    settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    visibility: 'live',
  });
  const ids = named.candidates.map((candidate) => candidate.id);
  for (const [voter, dots] of [
    [esme, { [ids[0]!]: 3, [ids[1]!]: 2 }],
    [amir, { [ids[0]!]: 1, [ids[2]!]: 3, [ids[3]!]: 1 }],
    [cora, { [ids[1]!]: 3, [ids[3]!]: 2 }],
  ] as const) {
    const cast = await voter.api.request('PUT', `/api/rounds/${named.id}/ballot`, { method: 'dots', dots });
    expect(cast.status, JSON.stringify(cast.body)).toBe(200);
  }
  expect((await fran.api.request('POST', `/api/rounds/${named.id}/close`)).status).toBe(200);
  const decision = await fran.api.request('PUT', `/api/rounds/${named.id}/decision`, {
    priorityCandidateIds: [ids[0]!, ids[1]!],
    statement: 'We agreed two priorities for 2026.',
    reviewDate: '2027-03-31',
  });
  expect(decision.status, JSON.stringify(decision.body)).toBe(200);
  const followUp = await fran.api.request<Round>('POST', `/api/rounds/${named.id}/follow-up`);
  expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);

  const anonymous = await openRound({
    title: 'Which need is most urgent?',
    settings: { method: 'ranking' },
    visibility: 'after-close',
    anonymous: true,
  });
  const anonymousIds = anonymous.candidates.map((candidate) => candidate.id);
  for (const voter of [esme, amir, cora]) {
    const ranking = voter === amir ? [...anonymousIds].reverse() : anonymousIds;
    const cast = await voter.api.request('PUT', `/api/rounds/${anonymous.id}/ballot`, {
      method: 'ranking',
      order: ranking,
    });
    expect(cast.status, JSON.stringify(cast.body)).toBe(200);
  }
  expect((await fran.api.request('POST', `/api/rounds/${anonymous.id}/close`)).status).toBe(200);

  // A comment thread with a reply that mentions someone (the mentions inbox).
  const thread = await cora.api.request<CommentThread>(
    'POST',
    `${base}/comment-threads`,
    buildThreadRequest({ anchor: { kind: 'entity', entityKind: 'outcome', entityId: outcomes[0]!.id } }),
  );
  expect(thread.status, JSON.stringify(thread.body)).toBe(201);
  const reply = await esme.api.request('POST', `/api/comment-threads/${thread.body.id}/comments`, {
    body: 'Added the 2025 source, @Cora.',
    mentions: [cora.userId],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);

  // Evidence: a comparator area (its rows are kept, with the 99.8% limits and Fingertips' own comparisons), then a
  // Fingertips export for the framework's smoking and school readiness metrics.
  const comparators = await admin.request('PUT', `${base}/comparator-areas`, { areaCodes: ['E09000001'] });
  expect(comparators.status, JSON.stringify(comparators.body)).toBe(200);
  const csv = fingertipsCsv(smokingAndWardRows());
  const imported = await fetch(`${server.url}${base}/observations/import/fingertips?fileName=smoking.csv`, {
    method: 'POST',
    headers: { cookie: admin.cookie!, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
  const report = (await imported.json()) as { created: number };
  expect(report.created).toBeGreaterThan(0);
  // Indicator metadata for an indicator no metric uses: a row to copy, and no change to the workspace doc.
  const metadata = await fetch(`${server.url}${base}/indicator-metadata/import/fingertips?fileName=metadata.csv`, {
    method: 'POST',
    headers: { cookie: admin.cookie!, 'content-type': 'text/csv' },
    body: metadataCsv([buildMetadataRow({ 'Indicator ID': '99999' })]),
  });
  expect(metadata.status, await metadata.clone().text()).toBe(200);

  const room2 = await server.rooms.acquire(workspaceDocName(partnership.id));
  const smoking = readFramework(room2.doc).metrics.find((metric) => metric.fingertipsId === '93085');
  server.rooms.release(workspaceDocName(partnership.id));
  expect(smoking).toBeDefined();

  // A board cycle: a meeting with an action, closed (which takes a version), and a version taken by hand.
  const meeting = await fran.api.request<{ id: string }>('POST', `${base}/meetings`, {
    title: 'March board',
    startsAt: '2027-03-14T10:00:00Z',
  });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  expect((await fran.api.request('POST', `${base}/actions`, { text: 'Send the pack round' })).status).toBe(201);
  expect((await fran.api.request('POST', `/api/meetings/${meeting.body.id}/close`)).status).toBe(200);
  expect((await fran.api.request('POST', `${base}/versions`, { label: 'After March' })).status).toBe(201);

  const bearer = new ApiClient(server.url);
  bearer.bearer = token;
  return {
    meetingId: meeting.body.id,
    partnership,
    adminId: adminMe.body.user.id,
    people: { admin, fran, esme, cora, bearer },
    rounds: { named: named.id, anonymous: anonymous.id, followUp: followUp.body.id },
    threadId: thread.body.id,
    smokingMetricId: smoking!.id,
  };
}

type Installation = Awaited<ReturnType<typeof buildInstallation>>;

/** Everything the people of the installation can read, in a fixed order. */
async function readEverything(url: string, installation: Installation): Promise<Answer[]> {
  const { partnership, people, rounds } = installation;
  const at = (client: ApiClient): ApiClient => {
    const moved = new ApiClient(url);
    moved.cookie = client.cookie;
    moved.bearer = client.bearer;
    return moved;
  };
  const admin = at(people.admin);
  const base = `/api/partnerships/${partnership.id}`;
  const reads: [string, ApiClient, string][] = [
    ['admin', admin, '/api/me'],
    ['admin', admin, '/api/me/tokens'],
    ['admin', admin, '/api/partnerships'],
    ['admin', admin, base],
    ['admin', admin, `${base}/members`],
    ['admin', admin, `${base}/invitations`],
    ['admin', admin, `${base}/audit`],
    ['admin', admin, '/api/admin/audit'],
    ['admin', admin, `${base}/rounds`],
    ['admin', admin, `${base}/decisions`],
    ['admin', admin, `${base}/comment-threads`],
    ['admin', admin, `${base}/evidence`],
    ['admin', admin, `${base}/evidence/metrics/${installation.smokingMetricId}`],
    ['admin', admin, `${base}/evidence/series?metricIds=${installation.smokingMetricId}`],
    ['admin', admin, `${base}/observations/imports`],
    ['admin', admin, `${base}/observations/export?format=csv`],
    ['admin', admin, `${base}/data-mapping/export?format=csv`],
    ['admin', admin, `${base}/framework.csv`],
    ['admin', admin, `${base}/meetings`],
    ['admin', admin, `/api/meetings/${installation.meetingId}`],
    ['admin', admin, `${base}/actions`],
    ['admin', admin, `${base}/versions`],
  ];
  for (const round of [rounds.named, rounds.anonymous, rounds.followUp]) {
    for (const suffix of ['', '/results', '/voters', '/decision']) {
      reads.push(['fran', at(people.fran.api), `/api/rounds/${round}${suffix}`]);
    }
  }
  const esme = at(people.esme.api);
  const cora = at(people.cora.api);
  reads.push(
    ['esme', esme, '/api/me'],
    ['esme', esme, `/api/rounds/${rounds.named}/ballot`],
    ['esme', esme, `/api/rounds/${rounds.anonymous}/ballot`],
    ['esme', esme, `/api/rounds/${rounds.named}/results`],
    ['cora', cora, '/api/me'],
    ['cora', cora, '/api/me/mentions'],
    ['cora', cora, `${base}/comment-threads`],
    ['token', at(people.bearer), '/api/me'],
    ['token', at(people.bearer), '/api/partnerships'],
  );
  const answers: Answer[] = [];
  for (const [who, client, path] of reads) answers.push(await answer(who, client, path));
  return answers;
}

/** Every stored document, built from what the store holds: name → sha256 of its encoded state and of its bytes. */
async function storedDocuments(
  docs: DocStore,
  names: string[],
): Promise<Record<string, { state: string; bytes: string }>> {
  const result: Record<string, { state: string; bytes: string }> = {};
  for (const name of names) {
    const stored = await docs.load(name);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const bytes = createHash('sha256');
    for (const update of stored.updates) bytes.update(update);
    result[name] = {
      state: createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex'),
      bytes: bytes.digest('hex'),
    };
    doc.destroy();
  }
  return result;
}

async function buildDoc(docs: DocStore, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await docs.load(name)).updates) Y.applyUpdate(doc, update);
  onTestFinished(() => doc.destroy());
  return doc;
}

async function sqliteDocuments(file: string) {
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(file, { readonly: true, fileMustExist: true }) }),
  });
  try {
    const snapshots = await db.selectFrom('doc_snapshots').select('doc_name').execute();
    const updates = await db.selectFrom('doc_updates').select('doc_name').distinct().execute();
    const names = [...new Set([...snapshots, ...updates].map((row) => row.doc_name))].sort();
    const counts: Record<string, number> = {};
    for (const table of tablesInCopyOrder) {
      const row = await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    const { maxSeq } = await db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.max('seq').as('maxSeq'))
      .executeTakeFirstOrThrow();
    return {
      names,
      counts,
      maxSeq: Number(maxSeq),
      documents: await storedDocuments(sqlDocStore(db, 'sqlite'), names),
    };
  } finally {
    await db.destroy();
  }
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tablesInCopyOrder) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
      counts[table] = rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

// Only meaningful with a PostgreSQL server to copy into: the PostgreSQL pass (STORE=postgres) runs it.
describe.skipIf(testStoreKind !== 'postgres')(
  'npm run db:copy: moving an installation from SQLite to PostgreSQL',
  () => {
    it('copies everything so that every answer, session and document is the same on PostgreSQL', async () => {
      const sourceDir = makeDataDir();
      const source = await startTestServer({
        dataDir: sourceDir,
        forceSqlite: true,
        access: 'sessions',
        env: testAdminEnv,
      });
      expect(source.store.kind).toBe('sqlite');
      const installation = await buildInstallation(source);
      const before = await readEverything(source.url, installation);
      // Only the follow-up, still a draft, has no results, voters or decision to show.
      expect(before.filter((read) => read.status !== 200 && !read.path.includes(installation.rounds.followUp))).toEqual(
        [],
      );
      // Each person's view of the workspace, ballots and comments, through a socket sync.
      const docNames = [
        workspaceDocName(installation.partnership.id),
        ballotsDocName(installation.partnership.id),
        commentsDocName(installation.partnership.id),
      ];
      const syncedBefore = [];
      for (const name of docNames) {
        const client = connectClient(source.wsUrl, name, {}, installation.people.esme.headers);
        await whenSynced(client);
        syncedBefore.push(Y.snapshot(client.doc));
        client.destroy();
      }
      await source.close();

      // What the clients saw is what the file holds. Then two edits that were stored but not yet compacted into the
      // snapshot (as when the app stops between the two): the copy must carry doc_updates and their numbering.
      const pending = await openStore({ location: { kind: 'sqlite', dataDir: sourceDir }, session: testSessionPolicy });
      const expected: Y.Snapshot[] = [];
      try {
        for (const [index, name] of docNames.entries()) {
          const doc = await buildDoc(pending.docs, name);
          expect(Y.equalSnapshots(Y.snapshot(doc), syncedBefore[index]!), name).toBe(true);
          if (name === workspaceDocName(installation.partnership.id)) {
            for (const words of ['Waiting lists are shorter.', 'Stored, not yet compacted.']) {
              const before = Y.encodeStateVector(doc);
              const paragraph = new Y.XmlElement('paragraph');
              const text = new Y.XmlText();
              paragraph.insert(0, [text]);
              text.insert(0, words);
              narrativeFragment(doc, narrativeKey({ kind: 'domain', domain: 'healthy' })).insert(0, [paragraph]);
              await pending.docs.append([{ docName: name, update: Y.encodeStateAsUpdate(doc, before) }]);
            }
          }
          expected.push(Y.snapshot(doc));
        }
      } finally {
        await pending.close();
      }

      const file = sqliteFile(sourceDir);
      const stored = await sqliteDocuments(file);
      expect(stored.counts.users).toBe(6);
      expect(stored.counts.sessions).toBeGreaterThanOrEqual(6);
      expect(stored.counts.audit_log).toBeGreaterThan(10);
      expect(stored.counts.observations).toBeGreaterThan(0);
      expect(stored.counts.indicator_metadata).toBe(1);
      expect(stored.counts.comment_mentions).toBe(1);
      expect(stored.names).toEqual(expect.arrayContaining(docNames));
      expect(stored.counts.doc_updates).toBe(2);

      const targetDir = makeDataDir();
      const url = await postgresUrlFor(targetDir);
      const lines: string[] = [];
      const summary = await copySqliteToPostgres({
        from: file,
        to: url,
        log: (line) => lines.push(line),
        batchSize: 7,
      });
      expect(summary.tables.map((table) => table.name)).toEqual([...tablesInCopyOrder]);
      expect(Object.fromEntries(summary.tables.map((table) => [table.name, table.rows]))).toEqual(stored.counts);
      expect(summary.documents).toBe(stored.names.length);
      expect(lines.slice(0, -1)).toEqual(
        tablesInCopyOrder.map(
          (table) => `${table}: ${stored.counts[table]} row${stored.counts[table] === 1 ? '' : 's'}`,
        ),
      );
      expect(lines.at(-1)).toBe(
        `verified: ${tablesInCopyOrder.length} tables, ${summary.rows} rows, ${stored.names.length} documents identical`,
      );
      expect(await postgresCounts(url)).toEqual(stored.counts);

      // Every document, as stored, builds the same state from the same bytes.
      const copiedStore = await openStore({
        location: { kind: 'postgres', url },
        session: testSessionPolicy,
        poolSize: 2,
      });
      try {
        expect(await storedDocuments(copiedStore.docs, stored.names)).toEqual(stored.documents);
      } finally {
        await copiedStore.close();
      }

      const target = await startTestServer({ dataDir: targetDir, access: 'sessions', env: { DATABASE_URL: url } });
      expect(target.store.kind).toBe('postgres');
      // The same sessions and token: nobody signs in again, and every answer is the same, in the same order.
      expect(await readEverything(target.url, installation)).toEqual(before);
      for (const [index, name] of docNames.entries()) {
        const client = connectClient(target.wsUrl, name, {}, installation.people.esme.headers);
        await whenSynced(client);
        expect(Y.equalSnapshots(Y.snapshot(client.doc), expected[index]!), name).toBe(true);
        client.destroy();
      }

      // The numbering PostgreSQL does itself carries on past the copied rows: new audit entries and document updates.
      const admin = new ApiClient(target.url);
      admin.cookie = installation.people.admin.cookie;
      const invited = await admin.request('POST', `/api/partnerships/${installation.partnership.id}/invitations`, {
        role: 'viewer',
        organisation: 'After the move',
      });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const audit = await target.store.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute();
      expect(audit[0]!.id).toBe(audit[1]!.id + 1);
      // The facilitator renames (only facilitators may), the editor reads it.
      const editor = connectClient(
        target.wsUrl,
        workspaceDocName(installation.partnership.id),
        {},
        installation.people.fran.headers,
      );
      await whenSynced(editor);
      updateProfileField(editor.doc, 'name', 'Merton, after the move');
      const reader = connectClient(
        target.wsUrl,
        workspaceDocName(installation.partnership.id),
        {},
        installation.people.esme.headers,
      );
      await waitFor(() => expect(readProfile(reader.doc).name).toBe('Merton, after the move'));
      expect(reader.doc.getXmlFragment(narrativeKey({ kind: 'domain', domain: 'healthy' })).toString()).toContain(
        'Stored, not yet compacted.',
      );
      const appended = await target.store.db
        .selectFrom('doc_updates')
        .select('seq')
        .where('seq', '>', stored.maxSeq)
        .execute();
      expect(appended.length).toBeGreaterThan(0);
      editor.destroy();
      reader.destroy();
      await target.close();
      const afterEdit = await postgresCounts(url);
      expect(afterEdit.audit_log).toBeGreaterThan(stored.counts.audit_log!);

      // Copying again into the now non-empty target is refused, and the target keeps exactly what it has.
      await expect(copySqliteToPostgres({ from: file, to: url })).rejects.toThrow(
        /^the target database already holds data \(table users has 6 rows\); copy only into an empty database — nothing was changed there$/,
      );
      expect(await postgresCounts(url)).toEqual(afterEdit);
    });

    it('refuses a target where any of our tables has a row, even with the rest empty, and ignores unrelated tables', async () => {
      const sourceDir = makeDataDir();
      const store = await openStore({ location: { kind: 'sqlite', dataDir: sourceDir }, session: testSessionPolicy });
      await store.users.create({
        email: 'only@example.org',
        displayName: 'Only',
        organisation: 'Org',
        passwordHash: 'unused',
        isAdmin: true,
      });
      await store.close();

      const url = await postgresUrlFor(makeDataDir());
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('create table unrelated (id int primary key)');
        await client.query('insert into unrelated values (1)');
        await client.query('create table setup_tokens (token_hash text primary key, expires_at bigint not null)');
        await client.query(`insert into setup_tokens values ('abc', 1)`);
        await expect(copySqliteToPostgres({ from: sqliteFile(sourceDir), to: url })).rejects.toThrow(
          'the target database already holds data (table setup_tokens has 1 row)',
        );
        // Nothing was created: no migration ran on a target that was refused.
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from information_schema.tables where table_schema = current_schema()`,
        );
        expect(rows[0]!.n).toBe(2);
        await client.query('drop table setup_tokens');
        const summary = await copySqliteToPostgres({ from: sqliteFile(sourceDir), to: url });
        expect(summary.rows).toBe(1);
        expect(summary.documents).toBe(0);
      } finally {
        await client.end();
      }
    });
  },
);

describe('npm run db:copy: refusing what it cannot copy', () => {
  const nowhere = 'postgres://cg:secret-password@127.0.0.1:1/nowhere';

  it('refuses a --from file that does not exist, and does not create it', async () => {
    const missing = path.join(makeDataDir(), 'common-ground.sqlite');
    await expect(copySqliteToPostgres({ from: missing, to: nowhere })).rejects.toThrow(
      `there is no SQLite file at ${missing}`,
    );
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('refuses a SQLite file whose schema is older or newer than this version', async () => {
    const dataDir = makeDataDir();
    const store = await openStore({ location: { kind: 'sqlite', dataDir }, session: testSessionPolicy });
    await store.close();
    const database = new BetterSqlite3(sqliteFile(dataDir));
    database.prepare('update schema_version set version = ?').run(schemaVersion - 1);
    database.close();
    await expect(copySqliteToPostgres({ from: sqliteFile(dataDir), to: nowhere })).rejects.toThrow(
      /older than this version of Common Ground .* start the app once on it/,
    );
    const newer = new BetterSqlite3(sqliteFile(dataDir));
    newer.prepare('update schema_version set version = ?').run(schemaVersion + 1);
    newer.close();
    await expect(copySqliteToPostgres({ from: dataDir, to: nowhere })).rejects.toThrow(/newer than this version/);
  });

  it('as a command: exits 2 with usage on bad arguments, 1 with one masked line on failure', async () => {
    const script = path.resolve('scripts/dbCopy.ts');
    const command = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', script, ...args]).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const noArguments = await command([]);
    expect(noArguments.code).toBe(2);
    expect(noArguments.stderr).toContain('--from is missing');
    expect(noArguments.stderr).toContain('usage: npm run db:copy -- --from');
    const notPostgres = await command(['--from', 'x.sqlite', '--to', 'mysql://localhost/x']);
    expect(notPostgres.code).toBe(2);
    expect(notPostgres.stderr).toContain('--to must be a postgres:// URL');

    const missing = await command(['--from', '/nowhere/common-ground.sqlite', '--to', nowhere]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'db:copy: there is no SQLite file at /nowhere/common-ground.sqlite: give the path of common-ground.sqlite ' +
        "in the app's data directory (DATA_DIR); nothing was copied",
    ]);

    const dataDir = makeDataDir();
    const store = await openStore({ location: { kind: 'sqlite', dataDir }, session: testSessionPolicy });
    await store.close();
    const unreachable = await command(['--from', sqliteFile(dataDir), '--to', nowhere]);
    expect(unreachable.code).toBe(1);
    const lines = unreachable.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^db:copy: could not connect to PostgreSQL at 127\.0\.0\.1:1, database "nowhere"/);
    expect(unreachable.stderr).not.toContain('secret-password');
  });
});
