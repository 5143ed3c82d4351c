import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThreads } from '../../../shared/model/comments/projection.ts';
import { readFramework } from '../../../shared/model/framework/index.ts';
import {
  narrativeFragment,
  narrativeKey,
  textAnchorState,
  textRangePositions,
} from '../../../shared/model/narratives/index.ts';
import { commentsDocName, workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { AuditEntry } from '../../../shared/schemas/audit.ts';
import type { CommentThread, MentionsInbox, TextAnchor } from '../../../shared/schemas/comments.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { commentsWorld } from './commentsWorld.ts';
import { buildThreadRequest } from './factories.ts';

/** Writes a paragraph into a narrative the way the editor does (paragraph element holding text). */
function writeParagraph(doc: Y.Doc, key: string, words: string): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  narrativeFragment(doc, key).insert(0, [paragraph]);
  text.insert(0, words);
  return text;
}

describe('comment threads through the API', () => {
  it('lets a commenter annotate a passage; everyone sees it live; the anchor survives edits around it', async () => {
    const { server, partnership, editor, commenter } = await commentsWorld();
    const key = narrativeKey({ kind: 'domain', domain: 'safe' });
    const editorDoc = connectClient(server.wsUrl, workspaceDocName(partnership.id), {}, editor.cookie);
    const editorComments = connectClient(server.wsUrl, commentsDocName(partnership.id), {}, editor.cookie);
    await Promise.all([whenSynced(editorDoc), whenSynced(editorComments)]);
    const text = writeParagraph(editorDoc.doc, key, 'Referrals rose sharply in 2025.');
    const anchor: TextAnchor = {
      kind: 'text',
      narrativeKey: key,
      ...textRangePositions(text, 10, 24),
      quote: 'rose sharply',
    };

    const created = await commenter.client.request<CommentThread>(
      'POST',
      `/api/partnerships/${partnership.id}/comment-threads`,
      buildThreadRequest({ anchor, body: 'Which source is this?' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await waitFor(() => expect(readThreads(editorComments.doc).map((t) => t.id)).toEqual([created.body.id]));
    expect(readThreads(editorComments.doc)[0]!.comments[0]).toMatchObject({ body: 'Which source is this?' });

    // Someone types before the passage: the anchor moves with it.
    text.insert(0, 'In Riverside, ');
    expect(textAnchorState(editorDoc.doc, anchor)).toBe('present');
    // Deleting the passage keeps the thread, whose anchor is now shown as removed.
    text.delete(0, text.length);
    expect(textAnchorState(editorDoc.doc, anchor)).toBe('removed');
    const listed = await editor.client.request<CommentThread[]>(
      'GET',
      `/api/partnerships/${partnership.id}/comment-threads`,
    );
    expect(listed.body.map((t) => t.id)).toEqual([created.body.id]);

    const audit = await server.store.audit.forPartnership(partnership.id, 50);
    expect(audit.map((entry: AuditEntry) => entry.action)).toContain('comment.thread_created');
  });

  it('annotates an outcome as a whole, replies, resolves and reopens', async () => {
    const { server, partnership, editor, commenter } = await commentsWorld();
    const room = await server.rooms.acquire(workspaceDocName(partnership.id));
    const outcome = readFramework(room.doc).outcomes[0]!;
    server.rooms.release(workspaceDocName(partnership.id));
    const { body: thread } = await commenter.client.request<CommentThread>(
      'POST',
      `/api/partnerships/${partnership.id}/comment-threads`,
      buildThreadRequest({ anchor: { kind: 'entity', entityKind: 'outcome', entityId: outcome.id } }),
    );
    const reply = await editor.client.request<CommentThread>('POST', `/api/comment-threads/${thread.id}/comments`, {
      body: 'Added the source.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c) => c.author.name)).toEqual(['Cora', 'Esme']);
    const resolved = await commenter.client.request<CommentThread>('POST', `/api/comment-threads/${thread.id}/resolve`);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Cora' } });
    const reopened = await editor.client.request<CommentThread>('POST', `/api/comment-threads/${thread.id}/reopen`);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null });
  });

  it("refuses a viewer's comment", async () => {
    const { partnership, viewer } = await commentsWorld();
    const response = await viewer.client.request(
      'POST',
      `/api/partnerships/${partnership.id}/comment-threads`,
      buildThreadRequest(),
    );
    expect(response.status).toBe(403);
  });

  it("refuses a comment on another partnership's entity or narrative", async () => {
    const { server, partnership, commenter, createPartnership } = await commentsWorld();
    const other = await createPartnership('Elsewhere');
    const room = await server.rooms.acquire(workspaceDocName(other.id));
    const theirs = readFramework(room.doc);
    server.rooms.release(workspaceDocName(other.id));
    const path = `/api/partnerships/${partnership.id}/comment-threads`;
    for (const [entityKind, entityId] of [
      ['outcome', theirs.outcomes[0]!.id],
      ['indicator', theirs.indicators[0]!.id],
      ['metric', theirs.metrics[0]?.id ?? 'no-metric'],
    ] as const) {
      const response = await commenter.client.request<{ error: { code: string } }>(
        'POST',
        path,
        buildThreadRequest({ anchor: { kind: 'entity', entityKind, entityId } }),
      );
      expect(response.status, entityKind).toBe(422);
      expect(response.body.error.code).toBe('invalid_anchor');
    }
    const otherNarrative = narrativeKey({ kind: 'outcome', id: theirs.outcomes[0]!.id });
    const onNarrative = await commenter.client.request('POST', path, {
      ...buildThreadRequest(),
      anchor: { ...buildThreadRequest().anchor, narrativeKey: otherNarrative },
    });
    expect(onNarrative.status).toBe(422);
  });

  it('refuses positions that point into a different narrative than the one named', async () => {
    const { server, partnership, editor, commenter } = await commentsWorld();
    const client = connectClient(server.wsUrl, workspaceDocName(partnership.id), {}, editor.cookie);
    await whenSynced(client);
    const happy = writeParagraph(client.doc, narrativeKey({ kind: 'domain', domain: 'happy' }), 'Wellbeing text');
    await waitFor(async () => {
      const room = await server.rooms.acquire(workspaceDocName(partnership.id));
      const length = narrativeFragment(room.doc, 'narrative:domain:happy').length;
      server.rooms.release(workspaceDocName(partnership.id));
      expect(length).toBe(1);
    });
    const anchor = {
      kind: 'text',
      narrativeKey: 'narrative:domain:safe',
      ...textRangePositions(happy, 0, 4),
      quote: 'Well',
    };
    const response = await commenter.client.request(
      'POST',
      `/api/partnerships/${partnership.id}/comment-threads`,
      buildThreadRequest({ anchor: anchor as TextAnchor }),
    );
    expect(response.status).toBe(422);
  });

  it('delivers a mention to the mentioned member’s inbox, and refuses mentions of strangers', async () => {
    const { partnership, editor, commenter, admin } = await commentsWorld();
    const path = `/api/partnerships/${partnership.id}/comment-threads`;
    // The administrator who created the partnership is one of its facilitators, so may be mentioned.
    const adminMe = await admin.request<{ user: { id: string } }>('GET', '/api/me');
    const facilitator = await commenter.client.request(
      'POST',
      path,
      buildThreadRequest({ mentions: [adminMe.body.user.id] }),
    );
    expect(facilitator.status).toBe(201);
    const madeUp = await commenter.client.request('POST', path, buildThreadRequest({ mentions: ['not-a-member'] }));
    expect(madeUp.status).toBe(422);

    const mentioned = await commenter.client.request<CommentThread>(
      'POST',
      path,
      buildThreadRequest({ body: '@Esme can you check this?', mentions: [editor.userId] }),
    );
    expect(mentioned.body.comments[0]!.mentions).toEqual([{ id: editor.userId, name: 'Esme' }]);
    const inbox = await editor.client.request<MentionsInbox>('GET', '/api/me/mentions');
    expect(inbox.body.unreadCount).toBe(1);
    expect(inbox.body.mentions[0]).toMatchObject({ excerpt: '@Esme can you check this?', author: { name: 'Cora' } });
    const read = await editor.client.request<MentionsInbox>('POST', '/api/me/mentions/read', {
      ids: [inbox.body.mentions[0]!.id],
    });
    expect(read.body.unreadCount).toBe(0);
    // Someone else cannot mark my mentions read.
    expect((await commenter.client.request<MentionsInbox>('GET', '/api/me/mentions')).body.mentions).toEqual([]);
  });
});
