import { randomBytes } from 'node:crypto';
import type { RoomDirectory } from './roomDirectory.ts';

/** The first administrator our server creates from its environment on an empty store. */
export interface AdminCredentials {
  email: string;
  password: string;
}

/** Fresh credentials per bench process; they only ever exist in throwaway data directories. */
export function benchAdminCredentials(): AdminCredentials {
  return { email: 'bench@example.org', password: randomBytes(18).toString('base64url') };
}

const requestTimeoutMs = 30_000;

/**
 * Rooms on our server are partnerships: the bench signs in as the administrator, takes an API token for its
 * sockets (`?token=`), and creates one partnership (blank template) per room key; the creator is its facilitator,
 * so the token may edit the workspace doc `p:<id>`.
 */
export async function openCommonGroundRooms(port: number, admin: AdminCredentials): Promise<RoomDirectory> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!login.ok) throw new Error(`signing in to our server failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  const session: BenchSession = { cookie, token: '' };
  const created = await postAs(base, session, '/api/me/tokens', { name: 'bench' });
  session.token = String(created.token);
  return directory(port, session, new Map());
}

/** The administrator's session cookie (to create partnerships) and API token (for sockets); both are stored by the
 * server, so they stay valid across a restart on the same data. */
interface BenchSession {
  cookie: string;
  token: string;
}

async function postAs(
  base: string,
  session: BenchSession,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Our rooms at `port`: partnership ids by room key, created on demand with the administrator's session. */
function directory(port: number, session: BenchSession, partnershipIds: Map<string, string>): RoomDirectory {
  return {
    createsState: true,
    movedTo: (newPort) => directory(newPort, session, partnershipIds),
    async prepare(keys) {
      for (const key of keys) {
        if (partnershipIds.has(key)) continue;
        const partnership = await postAs(`http://127.0.0.1:${port}`, session, '/api/partnerships', {
          name: `Bench ${key}`,
          areaName: 'Bench',
          areaCode: 'E09000024',
          template: 'blank',
        });
        partnershipIds.set(key, String(partnership.id));
      }
    },
    docName(key) {
      const id = partnershipIds.get(key);
      if (!id) throw new Error(`room ${key} was not prepared`);
      return `p:${id}`;
    },
    socketUrl: (docName) =>
      `ws://127.0.0.1:${port}/collab/${encodeURIComponent(docName)}?token=${encodeURIComponent(session.token)}`,
  };
}
