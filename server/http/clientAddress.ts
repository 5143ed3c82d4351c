import { isIP } from 'node:net';

/**
 * The address a request came from, for throttling and the audit log. With no trusted proxies it is the socket's peer:
 * anyone can write `X-Forwarded-For`, so it is ignored. Behind `trustedHops` reverse proxies (each appends the
 * address it was contacted from), it is the entry the outermost trusted proxy wrote, counting from the right; entries
 * further left came from the client and are never believed. When the header is shorter than the hops (a request that
 * skipped a proxy), the leftmost address is taken, so a missing header falls back to the socket's peer.
 */
export function clientAddress(
  socketAddress: string | null,
  forwardedFor: string | undefined,
  trustedHops: number,
): string | null {
  if (trustedHops === 0 || !forwardedFor) return socketAddress;
  const chain = [...forwardedFor.split(',').map((entry) => entry.trim()), socketAddress ?? ''];
  const address = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  // A trusted proxy writes addresses; anything else means a misconfigured chain, so keep the peer we can vouch for.
  return isIP(address) ? address : socketAddress;
}
