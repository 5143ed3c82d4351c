import { z } from 'zod';

/** Identifier of a partnership: lower-case letters, digits and dashes. */
export const PartnershipIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A partnership id is 1–63 lower-case letters, digits or dashes');

/** The documents the collaboration server hosts, by kind. */
export type DocName = { kind: 'workspace'; partnershipId: string } | { kind: 'ballots'; partnershipId: string };

const docNamePattern = /^p:([a-z0-9][a-z0-9-]{0,62})(?::(ballots))?$/;

/** Parses a `/collab/:docName` name (`p:<id>` or `p:<id>:ballots`); returns null for anything else. */
export function parseDocName(name: string): DocName | null {
  const match = docNamePattern.exec(name);
  if (!match) return null;
  const partnershipId = match[1]!;
  return match[2] === 'ballots' ? { kind: 'ballots', partnershipId } : { kind: 'workspace', partnershipId };
}

/** The name of a partnership's co-edited workspace doc. */
export function workspaceDocName(partnershipId: string): string {
  return `p:${partnershipId}`;
}

/** The name of a partnership's server-written ballots projection doc. */
export function ballotsDocName(partnershipId: string): string {
  return `p:${partnershipId}:ballots`;
}
