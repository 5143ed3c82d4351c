import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';
import { clientAddress } from '../../../server/http/clientAddress.ts';
import { startTestServer } from '../../helpers/testServer.ts';

const proxy = '10.0.0.2';

describe('the client address', () => {
  it('ignores X-Forwarded-For by default: anyone can write it', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', 0)).toBe('198.51.100.7');
    expect(readConfig({}).trustedProxyHops).toBe(0);
  });

  it('believes only the entry the trusted proxies wrote, never what the client put before it', () => {
    // The client forged "1.2.3.4"; our one proxy appended the address it really saw.
    expect(clientAddress(proxy, '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Two proxies: a CDN appended the client, the load balancer appended the CDN.
    expect(clientAddress(proxy, '1.2.3.4, 203.0.113.9, 192.0.2.44', 2)).toBe('203.0.113.9');
    expect(clientAddress(proxy, '2001:db8::1', 1)).toBe('2001:db8::1');
  });

  it('falls back to what it can vouch for when the chain is short or not an address', () => {
    expect(clientAddress(proxy, undefined, 1)).toBe(proxy);
    expect(clientAddress(proxy, '203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientAddress(proxy, 'unknown', 1)).toBe(proxy);
    expect(clientAddress(null, '', 1)).toBeNull();
  });

  it('reads TRUST_PROXY as a number of hops, refusing anything else', () => {
    expect(readConfig({ TRUST_PROXY: '2' }).trustedProxyHops).toBe(2);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it.each([
    { trustProxy: '0', recorded: '127.0.0.1' },
    { trustProxy: '1', recorded: '203.0.113.9' },
  ])('records the address a real server derives (TRUST_PROXY=$trustProxy)', async ({ trustProxy, recorded }) => {
    const server = await startTestServer({ access: 'sessions', env: { TRUST_PROXY: trustProxy } });
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '1.2.3.4, 203.0.113.9' },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' }),
    });
    expect(response.status).toBe(401);
    const row = await server.store.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login_failed')
      .executeTakeFirst();
    expect(row).toEqual({ ip: recorded });
  });
});
