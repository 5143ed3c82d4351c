import type { IncomingMessage } from 'node:http';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { parseDocName } from '../../shared/protocol/docNames.ts';
import { colourFor, type PresenceUser } from '../../shared/model/presence.ts';

/** What a connection may do in a document, decided once when it connects. */
export interface CollabAccess {
  user: PresenceUser;
  /** Whether sync-step-2 and update messages from this connection are applied (otherwise dropped). */
  canWrite: boolean;
  /**
   * Whether this connection's changes to the partnership's name stand (facilitators); others' are undone by the
   * server (`nameMirror.ts`). Absent: as `canWrite`.
   */
  canRename?: boolean;
  /** The partnership the document belongs to, so access changes can find this connection. */
  partnershipId: string;
  /** The session the connection was opened with (null for API tokens and development access). */
  sessionIdHash: string | null;
  /** The API token the connection was opened with, so revoking it closes the connection (null otherwise). */
  tokenId: string | null;
}

/** The outcome of checking a connection: allowed with an access, or refused with a close code. */
export type AccessDecision =
  | { allowed: true; access: CollabAccess }
  | {
      allowed: false;
      code: typeof CloseCode.Unauthorized | typeof CloseCode.Forbidden | typeof CloseCode.NotFound;
      reason: string;
    };

/** Decides who is connecting to a document and whether they may write. */
export type ResolveAccess = (request: IncomingMessage, docName: string) => Promise<AccessDecision>;

/**
 * Development default: anyone may open any partnership's workspace doc, named by the `name` query parameter;
 * the server-written projections (ballots, comments) stay read-only. Replaced by session- and role-based access when accounts exist.
 */
export const developmentAccess: ResolveAccess = (request, docName) => {
  const parsed = parseDocName(docName);
  if (!parsed) return Promise.resolve({ allowed: false, code: CloseCode.NotFound, reason: 'unknown document' });
  const url = new URL(request.url ?? '/', 'http://localhost');
  const name = (url.searchParams.get('name') ?? '').trim().slice(0, 60) || 'Guest';
  const id = `guest:${name.toLowerCase()}`;
  return Promise.resolve({
    allowed: true,
    access: {
      user: { id, name, organisation: 'Development', colour: colourFor(id) },
      canWrite: parsed.kind === 'workspace',
      partnershipId: parsed.kind === 'network' ? '' : parsed.partnershipId,
      sessionIdHash: null,
      tokenId: null,
    },
  });
};
