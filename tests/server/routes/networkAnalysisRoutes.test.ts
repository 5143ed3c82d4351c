import { describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../../server/routes/defineRoute.ts';
import type { NetworkAnalysisService } from '../../../server/networks/NetworkAnalysisService.ts';
import { networkAnalysisRoutes } from '../../../server/routes/networkAnalysisRoutes.ts';
import type { HandlerContext } from '../../../server/routes/defineRoute.ts';

const networkId = '11111111-1111-4111-8111-111111111111';

// The routes only pass through to the service; the service is tested in tests/server/networks.
const analysis = {
  commonCore: (id: string) => Promise.resolve({ id, kind: 'common-core' }),
  dataAgenda: (id: string) => Promise.resolve({ id, kind: 'data-agenda' }),
  acrossPlaces: (id: string) => Promise.resolve({ id, kind: 'across-places' }),
  dataAgendaFile: (_id: string, format: string) =>
    Promise.resolve({ body: 'a,b\r\n', mediaType: `test/${format}`, fileName: `network-data-agenda-x.${format}` }),
} as unknown as NetworkAnalysisService;

const levels: string[] = [];
const access = (level: 'read' | 'coordinate'): RouteAccess => {
  levels.push(level);
  return { kind: 'signedIn' };
};

// A context as registerRoutes builds one; these handlers read only the network id.
function context(id: string): HandlerContext<unknown, unknown, unknown> {
  return {
    c: null as never,
    params: { id },
    query: {},
    body: undefined,
    upload: null,
    principal: null,
    partnership: null,
    membership: null,
    ip: null,
    network: null,
    networkAccess: null,
  };
}

describe('networkAnalysisRoutes', () => {
  const routes = networkAnalysisRoutes(analysis, access);

  it('declares the six read routes of the network analyses, every one for readers of the network', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'get /api/networks/:id/common-core',
      'get /api/networks/:id/data-agenda',
      'get /api/networks/:id/across-places',
      'get /api/networks/:id/data-agenda.csv',
      'get /api/networks/:id/data-agenda.xlsx',
      'get /api/networks/:id/data-agenda.docx',
    ]);
    expect(levels).toEqual(['read', 'read', 'read', 'read', 'read', 'read']);
    expect(new Set(routes.map((route) => route.tag))).toEqual(new Set(['networks']));
    expect(routes.every((route) => route.params?.safeParse({ id: 'not-a-network' }).success === false)).toBe(true);
  });

  it('answers the analyses from the service', async () => {
    expect(await routes[0]!.handler(context(networkId))).toEqual({ id: networkId, kind: 'common-core' });
    expect(await routes[2]!.handler(context(networkId))).toEqual({ id: networkId, kind: 'across-places' });
  });

  it('returns the agenda files as downloads', async () => {
    const response = (await routes[3]!.handler(context(networkId))) as Response;
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="network-data-agenda-x.csv"');
    expect(response.headers.get('content-type')).toBe('test/csv');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('a,b\r\n');
  });
});
