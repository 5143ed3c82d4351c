import { afterAll, describe, expect, it } from 'vitest';
import { roleCan } from '../../../shared/model/roles.ts';
import type { Route } from '../../../server/routes/defineRoute.ts';
import { buildTestApp } from '../../helpers/testApp.ts';
import { actorNames, buildWorld, type Actor, type World } from './world.ts';

/** Whether the route's rule lets the actor in; the matrix derives every expectation from the route table. */
function isAllowed(route: Route, actor: Actor): boolean {
  const access = route.access;
  switch (access.kind) {
    case 'public':
      return true;
    case 'signedIn':
      return actor.via !== null;
    case 'session':
      return actor.via === 'session';
    case 'admin':
      return actor.isAdmin;
    case 'partnership':
      return actor.isAdmin || (actor.roleInAlpha !== null && roleCan(actor.roleInAlpha, access.permission));
    case 'network':
      return access.level === 'read' ? readsNetwork(actor) : actor.isAdmin || actor.coordinatesNetwork;
    case 'networkOrPartnership':
      return (
        actor.isAdmin ||
        actor.coordinatesNetwork ||
        (actor.roleInAlpha !== null && roleCan(actor.roleInAlpha, access.permission))
      );
  }
}

/** Administrators, the network's coordinator, and members of alpha (a member of the network; beta is only invited). */
function readsNetwork(actor: Actor): boolean {
  return actor.isAdmin || actor.coordinatesNetwork || actor.roleInAlpha !== null;
}

/**
 * 403s a handler gives for a rule of its own once access has passed — an administrator who is not a voting member
 * cannot cast a ballot — which prove the call got through the access rule.
 */
const handlerRefusals = new Set(['not_eligible']);

function isHandlerRefusal(status: number, text: string): boolean {
  if (status !== 403) return false;
  const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  return code !== undefined && handlerRefusals.has(code);
}

function expectedDenial(route: Route, actor: Actor): number[] {
  if (actor.via === null) return [401];
  // Non-members must not learn that the partnership exists.
  if (route.access.kind === 'partnership' && actor.roleInAlpha === null && !actor.isAdmin) return [404];
  // Nor that the network exists, to those who cannot read it.
  if ((route.access.kind === 'network' || route.access.kind === 'networkOrPartnership') && !readsNetwork(actor)) {
    return [404];
  }
  return [403];
}

function concretePath(route: Route, world: World): string {
  const id = route.path.startsWith('/api/networks/') ? world.networkId : world.alphaId;
  return route.path
    .replace(':id', id)
    .replace(':networkId', world.networkId)
    .replace(':partnershipId', world.alphaId)
    .replace(':changeId', world.changeId)
    .replace(':userId', world.targetUserId)
    .replace(':invitationId', world.invitationId)
    .replace(':roundId', world.roundId)
    .replace(':metricId', 'metric-1')
    .replace(':threadId', world.threadId)
    .replace(':meetingId', world.meetingId)
    .replace(':versionId', world.versionId)
    .replace(':actionId', world.actionId)
    .replace(':tokenId', 'not-a-real-token-id')
    .replace(
      ':token',
      route.path.startsWith('/api/setup')
        ? 'not-a-setup-token'
        : route.path.startsWith('/api/network-invitations')
          ? world.networkInvitationToken
          : world.invitationToken,
    );
}

async function call(route: Route, actor: Actor, world: World): Promise<{ status: number; text: string }> {
  const response = await world.app.request(concretePath(route, world), {
    method: route.method.toUpperCase(),
    headers: { ...world.actors[actor.name].headers, 'content-type': 'application/json', host: 'localhost' },
    ...(route.body ? { body: JSON.stringify(route.exampleBody ?? {}) } : {}),
  });
  return { status: response.status, text: await response.text() };
}

// Built once outside any test, only to read the route table and the app's mounted routes.
const { routes, app, store: routeTableStore } = await buildTestApp({ closeAfterTest: false });
afterAll(() => routeTableStore.close());

describe('authorization matrix (generated from the route table)', () => {
  it('covers every /api route the app serves: a route outside the table fails here', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    const inTable = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual([...new Set(inTable)].sort());
  });

  it('gives every route that takes a body a valid example, so allowed calls reach their handler', () => {
    for (const route of routes.filter((r) => r.body)) {
      expect(route.body!.safeParse(route.exampleBody ?? {}).success, `${route.method} ${route.path}`).toBe(true);
    }
  });

  for (const route of routes) {
    describe(`${route.method.toUpperCase()} ${route.path} (${route.access.kind}${route.access.kind === 'partnership' || route.access.kind === 'networkOrPartnership' ? `: ${route.access.permission}` : route.access.kind === 'network' ? `: ${route.access.level}` : ''})`, () => {
      for (const actorName of actorNames) {
        it(actorName, async () => {
          const world = await buildWorld();
          const actor = world.actors[actorName];
          const { status, text } = await call(route, actor, world);
          expect(text).not.toMatch(/\n\s+at /);
          if (isAllowed(route, actor)) {
            if (!isHandlerRefusal(status, text)) {
              expect([401, 403], `allowed but got ${status}: ${text}`).not.toContain(status);
            }
            expect(status, text).toBeLessThan(500);
          } else {
            expect(expectedDenial(route, actor), `denied expected, got ${status}: ${text}`).toContain(status);
          }
        });
      }
    });
  }
});
