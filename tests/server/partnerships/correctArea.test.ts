import { describe, expect, it } from 'vitest';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';

describe('correcting a partnership’s area', () => {
  it('changes the ONS code a facilitator gives, says what it was in the audit log, and refuses a malformed one', async () => {
    const { admin } = await serverWithAdmin();
    const partnership = await createPartnership(admin, { areaCode: 'E09000024', template: 'blank' });

    const corrected = await admin.request<Partnership>('PATCH', `/api/partnerships/${partnership.id}`, {
      areaCode: ' e09000025 ',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ areaCode: 'E09000025', areaName: 'Riverside' });
    const read = await admin.request<Partnership>('GET', `/api/partnerships/${partnership.id}`);
    expect(read.body.areaCode).toBe('E09000025');

    const audit = await admin.request<{ action: string; details: Record<string, unknown> }[]>(
      'GET',
      `/api/partnerships/${partnership.id}/audit`,
    );
    expect(audit.body.find((entry) => entry.action === 'partnership.area_changed')?.details).toEqual({
      area: 'Riverside',
      code: 'E09000024 → E09000025',
    });

    const refused = await admin.request<{ error: { issues: { path: unknown[] }[] } }>(
      'PATCH',
      `/api/partnerships/${partnership.id}`,
      { areaCode: 'Riverside' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]!.path).toEqual(['areaCode']);
    expect((await admin.request('PATCH', `/api/partnerships/${partnership.id}`, {})).status).toBe(400);
    expect((await admin.request<Partnership>('GET', `/api/partnerships/${partnership.id}`)).body.areaCode).toBe(
      'E09000025',
    );
  });
});
