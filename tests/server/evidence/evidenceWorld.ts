import { readMetrics } from '../../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Metric } from '../../../shared/schemas/framework.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';

/** A real server with a signed-in administrator and a Merton partnership on the Common Outcomes template. */
export async function evidenceWorld() {
  const { server, admin } = await serverWithAdmin();
  const partnership = await createPartnership(admin, {
    name: 'Merton family hubs',
    areaName: 'Merton',
    template: 'common-outcomes',
  });
  const base = `/api/partnerships/${partnership.id}`;

  /** Sends a file as the raw body, as the browser does. */
  const upload = async <T = unknown>(path: string, body: string | Uint8Array, contentType = 'text/csv') => {
    const response = await fetch(`${server.url}${base}${path}`, {
      method: 'POST',
      headers: { cookie: admin.cookie!, 'content-type': contentType },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  /** Downloads a file as text (CSV) or bytes. */
  const download = async (path: string) => {
    const response = await fetch(`${server.url}${base}${path}`, { headers: { cookie: admin.cookie! } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  };
  const metrics = async (): Promise<Metric[]> => {
    let found: Metric[] = [];
    await server.rooms.transact(workspaceDocName(partnership.id), (doc) => {
      found = readMetrics(doc).metrics;
    });
    return found;
  };
  return { server, admin, partnership, base, upload, download, metrics };
}
