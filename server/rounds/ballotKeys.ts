import { createHmac } from 'node:crypto';
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
