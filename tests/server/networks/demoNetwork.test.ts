import { describe, expect, it } from 'vitest';
import type { NetworkSummary, TemplateUpdates } from '../../../shared/schemas/networks.ts';
import { serverWithAdmin } from '../../helpers/serverWithAdmin.ts';

describe('the demo network an empty store starts with', () => {
  it('holds eight places, labelled sample data, with a first template version they answered differently', async () => {
    const { server, admin } = await serverWithAdmin({ SEED_DEMO: 'true' });
    const { body: networks } = await admin.request<NetworkSummary[]>('GET', '/api/networks');
    const demo = networks.find((network) => network.isDemo);
    expect(demo).toMatchObject({ memberCount: 8, templateVersion: 1 });
    expect(demo!.name).toMatch(/sample data/);

    // Hollins (the fourth sample place) has not decided anything yet: all four changes wait for it.
    const hollins = await admin.request<TemplateUpdates>('GET', '/api/partnerships/sample-hollins/template-updates');
    expect(hollins.body.networks[0]!.versions[0]!.summary).toBe('1 new outcome, 1 new metric, 2 outcomes reworded');
    expect(hollins.body.networks[0]!.pending).toBe(4);

    // Northbrook adopted the promoted outcome, which linked its own local "ready for school" outcome to the template.
    const csv = await fetch(`${server.url}/api/partnerships/sample-northbrook/framework.csv`, {
      headers: { cookie: admin.cookie! },
    });
    const rows = (await csv.text()).split(/\r?\n/).filter((line) => line.includes('net.demo.v1.1'));
    expect(rows.length).toBeGreaterThan(0);
    const northbrook = await admin.request<TemplateUpdates>(
      'GET',
      '/api/partnerships/sample-northbrook/template-updates',
    );
    const choices = northbrook.body.networks[0]!.versions[0]!.updates.map((update) => update.choice);
    expect(choices[0]).toBe('adopted');
  });
});
