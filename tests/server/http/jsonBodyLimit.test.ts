import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import { startTestServer } from '../../helpers/testServer.ts';

/** A login body padded past any real request: the password alone is `bytes` long. */
function paddedLogin(bytes: number): string {
  return JSON.stringify({ email: 'someone@example.org', password: 'x'.repeat(bytes) });
}

describe('JSON request bodies', () => {
  it('refuses an oversized body with 413 before reading it, even from a stranger', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: paddedLogin(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(ApiErrorSchema.parse(await response.json()).error.code).toBe('too_large');
  });

  it('stops reading a streamed body that declares no length once it passes the limit', async () => {
    const server = await startTestServer();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    // An endless body: without a limit the server would buffer it until memory ran out.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('still reads ordinary bodies', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: paddedLogin(20),
    });
    expect(response.status).toBe(401);
  });
});
