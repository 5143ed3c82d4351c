import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../../shared/schemas/comments.ts';
import { commentsWorld } from './commentsWorld.ts';
import { buildThreadRequest } from './factories.ts';

type Refusal = { error: { code: string; message: string } };

describe('comment posting limit', () => {
  it('refuses an account’s posts past COMMENTS_PER_MINUTE with 429 and Retry-After; others are not held up', async () => {
    const world = await commentsWorld({ COMMENTS_PER_MINUTE: '3' });
    const threadsPath = `/api/partnerships/${world.partnership.id}/comment-threads`;
    const first = await world.commenter.client.request<CommentThread>('POST', threadsPath, buildThreadRequest());
    expect(first.status).toBe(201);
    const repliesPath = `/api/comment-threads/${first.body.id}/comments`;
    for (const body of ['Second', 'Third']) {
      expect((await world.commenter.client.request('POST', repliesPath, { body, mentions: [] })).status).toBe(201);
    }

    // The fourth post in the minute, a reply or a new thread, is refused before anything is stored.
    for (const [path, body] of [
      [repliesPath, { body: 'Fourth', mentions: [] }],
      [threadsPath, buildThreadRequest({ body: 'Flood' })],
    ] as const) {
      const response = await fetch(`${world.server.url}${path}`, {
        method: 'POST',
        headers: { ...world.commenter.cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const refusal = (await response.json()) as Refusal;
      expect(refusal.error.code).toBe('rate_limited');
      expect(refusal.error.message).toMatch(
        /^You are posting comments faster than this workspace allows\. Wait \d+ seconds?, then send it again\.$/,
      );
    }
    const threads = await world.editor.client.request<CommentThread[]>('GET', threadsPath);
    expect(threads.body).toHaveLength(1);
    expect(threads.body[0]!.comments.map((comment) => comment.body)).toEqual([
      'Can we add the 2025 figures here?',
      'Second',
      'Third',
    ]);

    // The limit is per account: a colleague can still answer, and resolving is not posting.
    expect((await world.editor.client.request('POST', repliesPath, { body: 'Noted', mentions: [] })).status).toBe(201);
    expect((await world.commenter.client.request('POST', `/api/comment-threads/${first.body.id}/resolve`)).status).toBe(
      200,
    );
  });
});
