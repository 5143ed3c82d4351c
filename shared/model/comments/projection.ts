import type * as Y from 'yjs';
import { CommentThreadSchema, type CommentThread } from '../../schemas/comments.ts';

/**
 * The comments projection doc (`p:<id>:comments`) is written only by the server, after each change stored in SQL,
 * and is read-only over the socket: it delivers threads live to everyone in the partnership. Comments never live in
 * the workspace doc, which commenters cannot write.
 */
const threadsMapName = 'threads';

function threadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(threadsMapName);
}

/** Every readable thread in the projection, oldest first. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  threadsMap(doc).forEach((value) => {
    const parsed = CommentThreadSchema.safeParse(value);
    if (parsed.success) threads.push(parsed.data);
  });
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One thread; null when it is not in the projection. */
export function readThread(doc: Y.Doc, threadId: string): CommentThread | null {
  const parsed = CommentThreadSchema.safeParse(threadsMap(doc).get(threadId));
  return parsed.success ? parsed.data : null;
}

/** Writes a thread as SQL has it now (server only); unchanged threads are not rewritten. */
export function writeThread(doc: Y.Doc, thread: CommentThread): void {
  const map = threadsMap(doc);
  if (JSON.stringify(map.get(thread.id) ?? null) === JSON.stringify(thread)) return;
  map.set(thread.id, thread);
}

/** Removes a thread from the projection (server only). */
export function removeThread(doc: Y.Doc, threadId: string): void {
  threadsMap(doc).delete(threadId);
}

/** Calls `listener` after every change to the projection; returns a function that stops it. */
export function observeThreads(doc: Y.Doc, listener: () => void): () => void {
  const map = threadsMap(doc);
  const handle = (): void => listener();
  map.observe(handle);
  return () => map.unobserve(handle);
}
