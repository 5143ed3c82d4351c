import type * as Y from 'yjs';
import { profileText } from '../../shared/model/partnershipProfile.ts';
import { setText } from '../../shared/model/text.ts';
import { parseDocName } from '../../shared/protocol/docNames.ts';
import type { Logger } from '../logger.ts';
import type { PartnershipRepository } from '../store/repositories/PartnershipRepository.ts';

const settleMs = 500;
/** As long as a name may be when the partnership is created (`CreatePartnershipRequestSchema`). */
const listedNameLimit = 200;

/** The mirror's room hook, and a way to wait for the renames it has started (before the store closes). */
export interface NameMirror {
  onRoomLoaded: (docName: string, doc: Y.Doc) => void;
  settled(): Promise<void>;
}

/** Whose change to the name stands: told the origin of the Yjs transaction that changed it. */
export type MayRename = (origin: unknown) => boolean;

/** The server's own undoing of a change to the name that was not allowed. */
const undoOrigin = Symbol('name-guard');

/**
 * Keeps the partnership's listed name (SQL) in step with the name people co-edit in its workspace doc, once the
 * typing settles, so lists and invitations show the current name. Cut to the length a new partnership's name may
 * have: the doc takes whatever an editor types, and the listed name shows in every member's lists and on the public
 * invitation page.
 *
 * Only facilitators rename a partnership. The name is a text of the co-edited doc, which editors may write, and an
 * update cannot be refused in part, so the guard works after the fact: a change to the name by a connection that
 * `mayRename` says no to is undone at once by the server (stored and broadcast like any change), back to the last
 * name someone allowed set, and never reaches the listed name.
 */
export function mirrorPartnershipName(
  partnerships: Pick<PartnershipRepository, 'findById' | 'rename'>,
  logger: Pick<Logger, 'error'>,
  mayRename: MayRename = () => true,
): NameMirror {
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    const tracked = work
      .catch((error: unknown) => logger.error('could not store the partnership name', { error }))
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  return {
    onRoomLoaded(docName, doc) {
      const parsed = parseDocName(docName);
      if (parsed?.kind !== 'workspace') return;
      const text = profileText(doc, 'name');
      let allowed = text.toString();
      let timer: NodeJS.Timeout | undefined;
      const write = async (): Promise<void> => {
        const name = text.toString().trim().slice(0, listedNameLimit).trim();
        const current = await partnerships.findById(parsed.partnershipId);
        if (current && name && current.name !== name) await partnerships.rename(parsed.partnershipId, name);
      };
      text.observe((event) => {
        const origin: unknown = event.transaction.origin;
        if (origin !== undoOrigin && !mayRename(origin)) {
          // After this transaction: a change made from inside an observer would be part of what it reports.
          queueMicrotask(() => doc.transact(() => setText(text, allowed), undoOrigin));
          return;
        }
        allowed = text.toString();
        clearTimeout(timer);
        timer = setTimeout(() => track(write()), settleMs);
      });
      doc.on('destroy', () => {
        clearTimeout(timer);
        track(write());
      });
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
