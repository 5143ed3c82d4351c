import { expect } from 'vitest';
import type { CreatePartnershipRequest, Partnership } from '../../shared/schemas/partnerships.ts';
import { ApiClient, testAdmin, testAdminEnv } from './apiClient.ts';
import { startTestServer } from './testServer.ts';

/** A real server with sessions on (port 0), and its first administrator, made from the environment, signed in. */
export async function serverWithAdmin(env: Record<string, string> = {}) {
  const server = await startTestServer({ access: 'sessions', env: { ...testAdminEnv, ...env } });
  const admin = new ApiClient(server.url);
  await admin.signIn(testAdmin.email, testAdmin.password);
  return { server, admin };
}

/** Creates a partnership as an administrator (Riverside, default template, unless told otherwise); it must succeed. */
export async function createPartnership(
  admin: ApiClient,
  fields: Partial<CreatePartnershipRequest> = {},
): Promise<Partnership> {
  const { status, body } = await admin.request<Partnership>('POST', '/api/partnerships', {
    name: 'Riverside',
    areaName: 'Riverside',
    areaCode: 'E09000024',
    ...fields,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}
