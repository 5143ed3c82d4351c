import { describe, expect, it } from 'vitest';
import type { NewMail } from '../../../../server/store/repositories/MailRepository.ts';
import { createTestPartnership, createTestUser } from '../../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../../helpers/testStore.ts';

function buildMail(overrides: Partial<NewMail> = {}): NewMail {
  return {
    toUserId: null,
    toAddress: 'ana@example.org',
    subject: 'Voting is open: Priorities 2027',
    textBody: 'Voting has opened.',
    htmlBody: '<p>Voting has opened.</p>',
    kind: 'round-open',
    partnershipId: null,
    status: 'queued',
    dedupeKey: null,
    at: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

async function setup() {
  const store = await openTestStore();
  const ana = await createTestUser(store, 'Ana');
  await createTestPartnership(store, 'p1');
  return { store, mail: store.mail, ana };
}

describe(`MailRepository contract (${testStoreKind})`, () => {
  it('stores every field of a message and reads it back', async () => {
    const { mail, ana } = await setup();
    expect(await mail.enqueue(buildMail({ toUserId: ana.id, partnershipId: 'p1' }))).toBe(true);
    const [listed] = await mail.list({ limit: 10 });
    expect(await mail.findById(listed!.id)).toEqual({
      id: listed!.id,
      toUserId: ana.id,
      toAddress: 'ana@example.org',
      subject: 'Voting is open: Priorities 2027',
      textBody: 'Voting has opened.',
      htmlBody: '<p>Voting has opened.</p>',
      kind: 'round-open',
      partnershipId: 'p1',
      status: 'queued',
      attempts: 0,
      lastError: null,
      nextAttemptAt: '2026-12-01T10:00:00.000Z',
      createdAt: '2026-12-01T10:00:00.000Z',
      sentAt: null,
      dedupeKey: null,
    });
  });

  it('stores a message under one dedupe key once, even under 20 parallel enqueues', async () => {
    const { store, mail } = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => mail.enqueue(buildMail({ dedupeKey: 'round-closing:r1:u1' }))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await store.db.selectFrom('mail_outbox').select('id').execute();
    expect(rows).toHaveLength(1);
    // Messages without a key are never merged.
    await mail.enqueue(buildMail());
    await mail.enqueue(buildMail());
    expect(await mail.list({ limit: 10 })).toHaveLength(3);
  });

  it('lets exactly one of several claimers take a due message, and leaves messages not yet due', async () => {
    const { mail } = await setup();
    await mail.enqueue(buildMail({ at: '2026-12-01T10:00:00.000Z' }));
    await mail.enqueue(buildMail({ at: '2026-12-01T12:00:00.000Z', subject: 'later' }));
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => mail.claimDue('2026-12-01T11:00:00.000Z', '2026-12-01T11:10:00.000Z', 5)),
    );
    const claimed = claims.flat();
    expect(claimed.map((m) => m.subject)).toEqual(['Voting is open: Priorities 2027']);
    // Claimed: not due again until its lease runs out.
    expect(await mail.claimDue('2026-12-01T11:05:00.000Z', '2026-12-01T11:15:00.000Z', 5)).toEqual([]);
  });

  it('records failed attempts, then failure, and queues a failed message again on retry', async () => {
    const { mail } = await setup();
    await mail.enqueue(buildMail());
    const [message] = await mail.claimDue('2026-12-01T10:00:00.000Z', '2026-12-01T10:10:00.000Z', 5);
    await mail.markAttemptFailed(message!.id, 'connection refused', '2026-12-01T10:01:00.000Z');
    expect(await mail.findById(message!.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'connection refused',
      nextAttemptAt: '2026-12-01T10:01:00.000Z',
    });
    expect(await mail.retry(message!.id, '2026-12-01T10:00:30.000Z')).toBe(false);
    await mail.markAttemptFailed(message!.id, 'still refused', null);
    expect(await mail.findById(message!.id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await mail.retry(message!.id, '2026-12-01T11:00:00.000Z')).toBe(true);
    expect(await mail.findById(message!.id)).toMatchObject({
      status: 'queued',
      nextAttemptAt: '2026-12-01T11:00:00.000Z',
    });
    await mail.markSent(message!.id, '2026-12-01T11:00:01.000Z');
    expect(await mail.findById(message!.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('pages newest first and filters by status', async () => {
    const { mail } = await setup();
    for (const minute of ['01', '02', '03']) {
      await mail.enqueue(buildMail({ subject: `m${minute}`, at: `2026-12-01T10:${minute}:00.000Z` }));
    }
    await mail.enqueue(buildMail({ subject: 'kept', status: 'kept', at: '2026-12-01T10:04:00.000Z' }));
    const first = await mail.list({ limit: 2 });
    expect(first.map((m) => m.subject)).toEqual(['kept', 'm03']);
    const second = await mail.list({ limit: 2, before: { createdAt: first[1]!.createdAt, id: first[1]!.id } });
    expect(second.map((m) => m.subject)).toEqual(['m02', 'm01']);
    expect((await mail.list({ status: 'kept', limit: 10 })).map((m) => m.subject)).toEqual(['kept']);
  });

  it('keeps preferences with the hash of the unsubscribe token, and claims a digest once', async () => {
    const { mail, ana } = await setup();
    expect(await mail.preferences(ana.id)).toBeNull();
    await mail.setMode(ana.id, 'daily', 'hash-1', '2026-12-01T10:00:00.000Z');
    await mail.setMode(ana.id, 'daily', 'ignored-on-update', '2026-12-01T10:01:00.000Z');
    expect(await mail.byTokenHash('hash-1')).toEqual({ userId: ana.id, mode: 'daily', lastDigestAt: null });
    expect(await mail.byTokenHash('ignored-on-update')).toBeNull();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => mail.claimDigest(ana.id, null, '2026-12-02T10:00:00.000Z', 'hash-1')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await mail.preferences(ana.id))?.lastDigestAt).toBe('2026-12-02T10:00:00.000Z');
  });

  it('holds messages for a digest per person and marks them digested', async () => {
    const { mail, ana } = await setup();
    await mail.enqueue(buildMail({ toUserId: ana.id, status: 'held', subject: 'one' }));
    await mail.enqueue(buildMail({ toUserId: ana.id, status: 'held', subject: 'two', at: '2026-12-01T10:05:00.000Z' }));
    expect(await mail.usersWithHeld()).toEqual([ana.id]);
    const held = await mail.held(ana.id);
    expect(held.map((m) => m.subject)).toEqual(['one', 'two']);
    await mail.markDigested(held.map((m) => m.id));
    expect(await mail.usersWithHeld()).toEqual([]);
    expect((await mail.list({ status: 'digested', limit: 10 })).length).toBe(2);
  });

  it('makes one unsubscribe key for the instance', async () => {
    const { mail } = await setup();
    const keys = await Promise.all([mail.unsubscribeKey(), mail.unsubscribeKey(), mail.unsubscribeKey()]);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
