import { describe, expect, it } from 'vitest';
import { readThreads } from '../../../shared/model/comments/projection.ts';
import { readFramework } from '../../../shared/model/framework/index.ts';
import { addAction, addLink, deleteLink } from '../../../shared/model/theoryOfChange/index.ts';
import { commentsDocName, workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { CommentThread, EntityAnchor, MentionsInbox } from '../../../shared/schemas/comments.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildAction } from '../../shared/model/theoryOfChange/factories.ts';
import { commentsWorld } from './commentsWorld.ts';
import { buildThreadRequest } from './factories.ts';

type World = Awaited<ReturnType<typeof commentsWorld>>;

/** The first outcome and metric of the template, and a new action linked to that outcome, written by the server. */
async function seedLink({ server, partnership }: World) {
  let ids = { outcome: '', metric: '', link: '' };
  await server.rooms.transact(workspaceDocName(partnership.id), (doc) => {
    const framework = readFramework(doc);
    const outcome = framework.outcomes[0]!.id;
    const action = addAction(doc, buildAction({ name: 'Family hub drop-in' }));
    const link = addLink(doc, { actionId: action, target: { kind: 'outcome', id: outcome } });
    if (!link.ok) throw new Error(link.message);
    ids = { outcome, metric: framework.metrics[0]!.id, link: link.id };
  });
  return ids;
}

describe('comments on links, data mapping and evidence', () => {
  it('starts threads on a theory-of-change link, a data-mapping row and an evidence period; everyone sees them live', async () => {
    const world = await commentsWorld();
    const { server, partnership, editor, commenter } = world;
    const ids = await seedLink(world);
    const editorComments = connectClient(server.wsUrl, commentsDocName(partnership.id), {}, editor.cookie);
    await whenSynced(editorComments);
    const path = `/api/partnerships/${partnership.id}/comment-threads`;
    const anchors: EntityAnchor[] = [
      { kind: 'entity', entityKind: 'link', entityId: ids.link },
      { kind: 'entity', entityKind: 'metric', entityId: ids.metric, aspect: 'data-mapping' },
      { kind: 'entity', entityKind: 'metric', entityId: ids.metric, aspect: 'evidence', period: '2024/25' },
    ];
    const created: string[] = [];
    for (const anchor of anchors) {
      const response = await commenter.client.request<CommentThread>('POST', path, buildThreadRequest({ anchor }));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.anchor).toEqual(anchor);
      created.push(response.body.id);
    }
    await waitFor(() => expect(readThreads(editorComments.doc).map((thread) => thread.anchor)).toEqual(anchors));

    const audit = await server.store.audit.forPartnership(partnership.id, 50);
    expect(
      audit.filter((entry) => entry.action === 'comment.thread_created').map((entry) => entry.details['on']),
    ).toEqual(
      expect.arrayContaining([
        `link:${ids.link}`,
        `metric:${ids.metric}:data-mapping`,
        `metric:${ids.metric}:evidence:2024/25`,
      ]),
    );
  });

  it('refuses a deleted link (422) and an aspect on an outcome or a period without evidence (400)', async () => {
    const world = await commentsWorld();
    const { server, partnership, commenter } = world;
    const ids = await seedLink(world);
    await server.rooms.transact(workspaceDocName(partnership.id), (doc) => deleteLink(doc, ids.link, 'Esme'));
    const path = `/api/partnerships/${partnership.id}/comment-threads`;
    const post = (anchor: unknown) =>
      commenter.client.request<{ error: { code: string; message: string } }>('POST', path, {
        ...buildThreadRequest(),
        anchor,
      });

    const deleted = await post({ kind: 'entity', entityKind: 'link', entityId: ids.link });
    expect(deleted.status).toBe(422);
    expect(deleted.body.error).toMatchObject({
      code: 'invalid_anchor',
      message: 'That theory-of-change link has been deleted.',
    });
    const aspect = await post({ kind: 'entity', entityKind: 'outcome', entityId: ids.outcome, aspect: 'evidence' });
    expect(aspect.status).toBe(400);
    expect(aspect.body.error.code).toBe('invalid_request');
    const period = await post({
      kind: 'entity',
      entityKind: 'metric',
      entityId: ids.metric,
      aspect: 'data-mapping',
      period: '2024/25',
    });
    expect(period.status).toBe(400);
  });

  it('marks my mentions in a thread read when I reply to it or resolve it', async () => {
    const world = await commentsWorld();
    const { partnership, editor, commenter } = world;
    const ids = await seedLink(world);
    const path = `/api/partnerships/${partnership.id}/comment-threads`;
    const mention = async (anchor: EntityAnchor) =>
      (
        await commenter.client.request<CommentThread>(
          'POST',
          path,
          buildThreadRequest({ anchor, body: '@Esme can you look?', mentions: [editor.userId] }),
        )
      ).body;
    const onLink = await mention({ kind: 'entity', entityKind: 'link', entityId: ids.link });
    const onMapping = await mention({
      kind: 'entity',
      entityKind: 'metric',
      entityId: ids.metric,
      aspect: 'data-mapping',
    });
    const unread = async () => (await editor.client.request<MentionsInbox>('GET', '/api/me/mentions')).body;
    expect((await unread()).unreadCount).toBe(2);

    // Someone else answering does not read my mention for me.
    await commenter.client.request('POST', `/api/comment-threads/${onLink.id}/comments`, { body: 'Anyone?' });
    expect((await unread()).unreadCount).toBe(2);

    const reply = await editor.client.request('POST', `/api/comment-threads/${onLink.id}/comments`, { body: 'Yes.' });
    expect(reply.status).toBe(201);
    const afterReply = await unread();
    expect(afterReply.unreadCount).toBe(1);
    expect(afterReply.mentions.find((m) => m.threadId === onLink.id)?.readAt).not.toBeNull();
    // The inbox knows where each thread is, so it can open the screen that shows it.
    expect(afterReply.mentions.map((m) => m.anchor)).toEqual(expect.arrayContaining([onLink.anchor, onMapping.anchor]));

    const resolved = await editor.client.request('POST', `/api/comment-threads/${onMapping.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect((await unread()).unreadCount).toBe(0);
  });
});
