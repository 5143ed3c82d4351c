import { z } from 'zod';

/** Identifier of a partnership: lower-case letters, digits and dashes. */
export const PartnershipIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A partnership id is 1–63 lower-case letters, digits or dashes');

/** The documents the collaboration server hosts, by kind. */
export type DocName =
  | { kind: 'workspace'; partnershipId: string }
  | { kind: 'ballots'; partnershipId: string }
  | { kind: 'comments'; partnershipId: string };

const docNamePattern = /^p:([a-z0-9][a-z0-9-]{0,62})(?::(ballots|comments))?$/;

/** Parses a `/collab/:docName` name (`p:<id>`, `p:<id>:ballots` or `p:<id>:comments`); null for anything else. */
export function parseDocName(name: string): DocName | null {
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
