import { expect } from 'vitest';
import type { Role } from '../../../shared/model/roles.ts';
import type { CreatedInvitation, Partnership } from '../../../shared/schemas/partnerships.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';

/** A member who joined by invitation: their API client, id and session cookie (for sockets). */
export interface Member {
  client: ApiClient;
  userId: string;
  cookie: { cookie: string };
}

let joined = 0;

/**
 * A real server with sessions and a partnership on the Common Outcomes template, run by the administrator. `env` adds
 * settings (limits) to the server's environment.
 */
export async function commentsWorld(env: Record<string, string> = {}) {
  const { server, admin } = await serverWithAdmin(env);
  const partnershipNamed = (name: string): Promise<Partnership> =>
    createPartnership(admin, { name, areaName: name, template: 'common-outcomes' });
  const join = async (partnershipId: string, role: Role, name: string): Promise<Member> => {
    const { body } = await admin.request<CreatedInvitation>('POST', `/api/partnerships/${partnershipId}/invitations`, {
      role,
      organisation: `${name}'s agency`,
    });
    const person = new ApiClient(server.url);
    joined += 1;
    const accepted = await person.request('POST', `/api/invitations/${body.url.split('/invite/')[1]!}/accept`, {
      email: `${name.toLowerCase()}.${joined}@example.org`,
      displayName: name,
      organisation: 'Own org',
      password: 'long enough passphrase',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const me = await person.request<{ user: { id: string } }>('GET', '/api/me');
    return { client: person, userId: me.body.user.id, cookie: { cookie: person.cookie! } };
  };
  const partnership = await partnershipNamed('Riverside');
  return {
    server,
    admin,
    partnership,
    createPartnership: partnershipNamed,
    join,
    editor: await join(partnership.id, 'editor', 'Esme'),
    commenter: await join(partnership.id, 'commenter', 'Cora'),
    viewer: await join(partnership.id, 'viewer', 'Victor'),
  };
}
