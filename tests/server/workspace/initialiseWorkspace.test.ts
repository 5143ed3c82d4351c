import { describe, expect, it } from 'vitest';
import { readFramework } from '../../../shared/model/framework/index.ts';
import { readProfile } from '../../../shared/model/partnershipProfile.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';

async function createAndOpen(template?: 'common-outcomes' | 'blank') {
  const { server, admin } = await serverWithAdmin();
  const body = await createPartnership(admin, { name: 'Riverside Family Hubs', ...(template ? { template } : {}) });
  const client = connectClient(server.wsUrl, `p:${body.id}`, {}, { cookie: admin.cookie! });
  await whenSynced(client);
  return client.doc;
}

describe('a new partnership’s workspace', () => {
  it('starts from the Common Outcomes template by default: every domain × level cell has outcomes', async () => {
    const doc = await createAndOpen();
    const framework = readFramework(doc);
    expect(framework.problems).toEqual([]);
    expect(framework.cells).toHaveLength(20);
    for (const cell of framework.cells) {
      expect(cell.outcomes.length, `${cell.domain} × ${cell.level}`).toBeGreaterThan(0);
    }
    expect(framework.indicators.length).toBeGreaterThanOrEqual(35);
    expect(framework.metrics.every((metric) => metric.scope === 'core')).toBe(true);
    expect(readProfile(doc).name).toBe('Riverside Family Hubs');
  });

  it('starts empty from the blank template', async () => {
    const doc = await createAndOpen('blank');
    expect(readFramework(doc).outcomes).toEqual([]);
    expect(readProfile(doc).name).toBe('Riverside Family Hubs');
  });
});
