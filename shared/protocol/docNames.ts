import { z } from 'zod';

/** Identifier of a partnership: lower-case letters, digits and dashes. */
export const PartnershipIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A partnership id is 1–63 lower-case letters, digits or dashes');

/** The documents the collaboration server hosts, by kind. */
export type DocName =
  | { kind: 'workspace'; partnershipId: string }
  | { kind: 'ballots'; partnershipId: string }
  | { kind: 'comments'; partnershipId: string }
  /** A network's server-written signal doc: a revision number that moves when what the network sees changes. */
  | { kind: 'network'; networkId: string };

const docNamePattern = /^p:([a-z0-9][a-z0-9-]{0,62})(?::(ballots|comments))?$/;
const networkDocNamePattern = /^n:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Parses a `/collab/:docName` name (`p:<id>`, `p:<id>:ballots`, `p:<id>:comments` or a network's `n:<uuid>`); null
 * for anything else.
 */
export function parseDocName(name: string): DocName | null {
  const network = networkDocNamePattern.exec(name);
  if (network) return { kind: 'network', networkId: network[1]! };
  const match = docNamePattern.exec(name);
  if (!match) return null;
  const partnershipId = match[1]!;
  const kind = match[2];
  if (kind === 'ballots' || kind === 'comments') return { kind, partnershipId };
  return { kind: 'workspace', partnershipId };
}

/** The name of a partnership's co-edited workspace doc. */
export function workspaceDocName(partnershipId: string): string {
  return `p:${partnershipId}`;
}

/** The name of a partnership's server-written ballots projection doc. */
export function ballotsDocName(partnershipId: string): string {
  return `p:${partnershipId}:ballots`;
}

/** The name of a partnership's server-written comments projection doc (threads delivered live, read-only). */
export function commentsDocName(partnershipId: string): string {
  return `p:${partnershipId}:comments`;
}

/** The name of a network's server-written signal doc (read-only to everyone who may read the network). */
export function networkDocName(networkId: string): string {
  return `n:${networkId}`;
}
