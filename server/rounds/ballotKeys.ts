import { createHash, createHmac } from 'node:crypto';
import type { Ballot } from '../../shared/schemas/ballots.ts';
import type { Eligibility } from '../../shared/schemas/rounds.ts';

/** An organisation's name compared loosely ("NHS Riverside " and "nhs riverside" are one organisation). */
export function organisationKey(organisation: string): string {
  return organisation.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Who a ballot belongs to: the person, or their organisation when each organisation casts one ballot. */
export function voterKeyFor(eligibility: Eligibility, member: { userId: string; organisation: string }): string {
  return eligibility === 'one-per-organisation'
    ? `org:${organisationKey(member.organisation)}`
    : `user:${member.userId}`;
}

/**
 * The key a ballot is stored under. Named rounds use the voter key itself. Anonymous rounds use an HMAC of it under
 * the round's secret: while the round is open the server can find (and replace) a voter's ballot, and once the secret
 * is deleted at close nobody can compute the link again, with or without the database file.
 */
export function ballotKeyFor(voterKey: string, secret: Buffer | null): string {
  if (!secret) return voterKey;
  return `h:${createHmac('sha256', secret).update(voterKey).digest('hex')}`;
}

/**
 * The version of a voter's ballot as an HTTP entity tag (`GET …/ballot` sends it as `ETag`, `PUT …/ballot` checks
 * it in `If-Match`): a digest of the stored content, or `"none"` before anyone has voted. A digest rather than a
 * counter, so the ballot row carries nothing that counts how often it changed; two versions with the same content
 * share a tag, which is harmless — a tab that saw that content did not miss anything.
 */
export function ballotTag(ballot: Ballot | null): string {
  if (!ballot) return '"none"';
  return `"b-${createHash('sha256').update(JSON.stringify(ballot)).digest('base64url').slice(0, 22)}"`;
}

/** Whether an `If-Match` header (`*`, or a list of tags, weak or strong) names the ballot's current version. */
export function ifMatchHolds(ifMatch: string, ballot: Ballot | null): boolean {
  if (ifMatch.trim() === '*') return ballot !== null;
  const current = ballotTag(ballot);
  return ifMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === current);
}
