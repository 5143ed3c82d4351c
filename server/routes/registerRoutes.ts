import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { roleCan } from '../../shared/model/roles.ts';
import type { ApiError } from '../../shared/schemas/apiError.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import type { Principal } from '../auth/Principal.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { HttpError } from '../http/errors.ts';
import { isAllowedOrigin } from '../http/origin.ts';
import { readBodyWithin, readUpload } from '../http/readUpload.ts';
import type { PartnershipRepository } from '../store/repositories/PartnershipRepository.ts';
import type { HandlerContext, NetworkLookup, Route } from './defineRoute.ts';

export interface RouteDeps {
  authenticator: Authenticator;
  partnerships: PartnershipRepository;
  publicOrigins: readonly string[];
  /** Reverse proxies in front of the server whose `X-Forwarded-For` entries are believed (`TRUST_PROXY`). */
  trustedProxyHops: number;
}

const unsafeMethods = new Set(['post', 'put', 'patch', 'delete']);

/** The caller's network address: the socket's peer, or what the trusted proxies in front of us say it was. */
function clientIp(c: Context, trustedProxyHops: number): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return clientAddress(incoming?.socket?.remoteAddress ?? null, c.req.header('x-forwarded-for'), trustedProxyHops);
}

function issuesOf(error: z.ZodError): NonNullable<ApiError['error']['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issue.message,
  }));
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', `The ${where} is not valid`, issuesOf(result.error));
  }
  return result.data;
}

// Far above any real JSON request (the largest, a round of 60 candidates, is tens of kilobytes), and small enough
// that nobody, signed in or not, can make the server buffer a body until memory runs out.
const maxJsonBytes = 1024 * 1024;

async function readJson(c: Context): Promise<unknown> {
  const bytes = await readBodyWithin(c, maxJsonBytes);
  if (!bytes) {
    throw new HttpError(413, 'too_large', 'The request body is larger than 1 MB, the most this server accepts');
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return {};
  let prototypeKey = false;
  let parsed: unknown;
  try {
    // zod (like most code) quietly skips an own `__proto__` key, so `{"dots": {"__proto__": …}}` would pass as a
    // ballot without it: refused here, for every route, like any other name the server does not know.
    parsed = JSON.parse(text, function (key: string, value: unknown) {
      if (key === '__proto__') prototypeKey = true;
      return value;
    }) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (prototypeKey) {
    throw new HttpError(
      400,
      'invalid_request',
      'The request body names “__proto__”, which is not a field, candidate or criterion anywhere in Common Ground',
    );
  }
  return parsed;
}

/**
 * Mounts routes on the app. Order per request: Origin check (state-changing requests) → who is calling →
 * the route's access rule → input validation → handler. Authorization comes before validation, so a caller
 * without access learns nothing from validation messages.
 */
export function registerRoutes(app: Hono, routes: readonly Route[], deps: RouteDeps): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      if (
        unsafeMethods.has(route.method) &&
        !isAllowedOrigin(c.req.header('origin'), c.req.header('host'), deps.publicOrigins)
      ) {
        throw new HttpError(403, 'cross_origin', 'Requests from other sites are not accepted');
      }
      const principal = await deps.authenticator.authenticate({
        cookie: c.req.header('cookie') ?? null,
        authorization: c.req.header('authorization') ?? null,
      });
      const params = c.req.param() as Record<string, string>;
      const resolved = await authorise(route, principal, params, deps.partnerships);
      const context: HandlerContext<unknown, unknown, unknown> = {
        c,
        principal,
        ...resolved,
        ip: clientIp(c, deps.trustedProxyHops),
        params: parse(route.params, params, 'address'),
        query: parse(route.query, c.req.query(), 'query'),
        body: route.body ? parse(route.body, await readJson(c), 'request body') : undefined,
        upload: route.upload ? await readUpload(c, route.upload) : null,
      };
      const result = await route.handler(context);
      if (result instanceof Response) return result;
      return c.json(result as object, route.status ?? 200);
    });
  }
}

async function authorise(
  route: Route,
  principal: Principal | null,
  params: Record<string, string>,
  partnerships: PartnershipRepository,
): Promise<Resolved> {
  const access = route.access;
  const none: Resolved = { partnership: null, membership: null, network: null, networkAccess: null };
  if (access.kind === 'public') return none;
  if (!principal) throw new HttpError(401, 'unauthenticated', 'Sign in to continue');
  if (principal.readOnly && route.method !== 'get') {
    throw new HttpError(403, 'token_read_only', 'This API token is read-only: it can read, but not change anything');
  }
  switch (access.kind) {
    case 'signedIn':
      return none;
    case 'session':
      if (principal.via !== 'session') {
        throw new HttpError(403, 'session_required', 'This needs a signed-in browser session, not an API token');
      }
      return none;
    case 'admin':
      if (!principal.user.isAdmin) throw new HttpError(403, 'forbidden', 'Only instance administrators can do this');
      return none;
    case 'partnership': {
      const notFound = new HttpError(404, 'not_found', 'No such partnership, or you are not a member of it');
      const partnershipId = await access.partnershipOf(params);
      const partnership = partnershipId ? await partnerships.findById(partnershipId) : null;
      if (!partnership) throw notFound;
      const membership = await partnerships.membership(partnership.id, principal.user.id);
      if (!membership) {
        if (principal.user.isAdmin) return { ...none, partnership };
        throw notFound;
      }
      if (!roleCan(membership.role, access.permission)) {
        throw new HttpError(403, 'forbidden', `Your role (${membership.role}) does not allow this`);
      }
      return { ...none, partnership, membership };
    }
    case 'network': {
      const { network, networkAccess } = await reachNetwork(access.networks, access.networkOf(params), principal);
      if (!networkAccess) throw networkNotFound();
      if (access.level === 'coordinate' && networkAccess === 'member') {
        throw new HttpError(403, 'forbidden', 'Only the network’s coordinators can do this');
      }
      return { ...none, network, networkAccess };
    }
    case 'networkOrPartnership': {
      const { network, networkAccess } = await reachNetwork(access.networks, access.networkOf(params), principal);
      if (!network) throw networkNotFound();
      const partnershipId = access.partnershipOf(params);
      const partnership = partnershipId ? await partnerships.findById(partnershipId) : null;
      const membership = partnership ? await partnerships.membership(partnership.id, principal.user.id) : null;
      if (networkAccess === 'admin' || networkAccess === 'coordinator') {
        return { partnership, membership, network, networkAccess };
      }
      if (membership && roleCan(membership.role, access.permission)) {
        return { partnership, membership, network, networkAccess: null };
      }
      if (!networkAccess && !membership) throw networkNotFound();
      throw new HttpError(
        403,
        'forbidden',
        'Only the network’s coordinators or the partnership’s facilitators can do this',
      );
    }
  }
}

type Resolved = Pick<
  HandlerContext<unknown, unknown, unknown>,
  'partnership' | 'membership' | 'network' | 'networkAccess'
>;

function networkNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'No such network, or you are not part of it');
}

/** The network and how the caller reaches it: null access for someone who may not read it (or no such network). */
async function reachNetwork(
  networks: NetworkLookup,
  networkId: string | null,
  principal: Principal,
): Promise<Pick<Resolved, 'network' | 'networkAccess'>> {
  const network = networkId ? await networks.findById(networkId) : null;
  if (!network) return { network: null, networkAccess: null };
  if (principal.user.isAdmin) return { network, networkAccess: 'admin' };
  return { network, networkAccess: await networks.accessOf(network.id, principal.user.id) };
}
