import type { Context } from 'hono';
import type { z } from 'zod';
import type { Permission } from '../../shared/model/roles.ts';
import type { Principal } from '../auth/Principal.ts';
import type { NetworkAccess } from '../../shared/schemas/networks.ts';
import type { NetworkRecord, NetworkRepository } from '../store/repositories/NetworkRepository.ts';
import type { Membership, PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';

/** What a network route asks of the caller: to read the network's views, or to coordinate it. */
export type NetworkAccessLevel = 'read' | 'coordinate';

/** What checking access to a network needs from the store. */
export type NetworkLookup = Pick<NetworkRepository, 'findById' | 'accessOf'>;

/** Who may call a route. Every route states one; the authorization matrix test reads them. */
export type RouteAccess =
  | { kind: 'public' }
  /** Any signed-in person, by session or API token. */
  | { kind: 'signedIn' }
  /** Signed in with a browser session (not a token): managing tokens, passwords, sessions. */
  | { kind: 'session' }
  | { kind: 'admin' }
  /**
   * A member of the partnership the request is about, whose role carries `permission`. Instance administrators
   * pass as facilitators. Non-members get 404 (the partnership's existence is not revealed), members without
   * the permission 403.
   */
  | {
      kind: 'partnership';
      permission: Permission;
      partnershipOf: (params: Record<string, string>) => string | null | Promise<string | null>;
    }
  /**
   * The network the request is about. `read`: instance administrators, the network's coordinators, and members of
   * a partnership that is a member of it (not merely invited); `coordinate`: administrators and coordinators.
   * Those who cannot read get 404 (the network's existence is not revealed), readers who cannot coordinate 403.
   */
  | {
      kind: 'network';
      level: NetworkAccessLevel;
      networkOf: (params: Record<string, string>) => string | null;
      networks: NetworkLookup;
    }
  /**
   * Either side of a partnership's place in a network: the network's coordinators (and administrators), or members
   * of the partnership whose role carries `permission`. Anyone else gets 404, unless they can read the network or
   * belong to the partnership (403).
   */
  | {
      kind: 'networkOrPartnership';
      permission: Permission;
      networkOf: (params: Record<string, string>) => string | null;
      partnershipOf: (params: Record<string, string>) => string | null;
      networks: NetworkLookup;
    };

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A route whose body is a file (a CSV or XLSX upload) rather than JSON: the media types it takes and the most
 * bytes it reads. The body is read only after the access rule has passed, and never past `maxBytes`.
 */
export interface UploadRule {
  mediaTypes: readonly string[];
  maxBytes: number;
  /** What the file is, for the API description and the "too large" message. */
  description: string;
}

/** An uploaded file as a handler receives it: its media type (one the rule accepts) and its bytes. */
export interface Upload {
  mediaType: string;
  bytes: Uint8Array;
}

/** What a handler receives: validated input and the caller as the access rule resolved them. */
export interface HandlerContext<Params, Query, Body> {
  c: Context;
  params: Params;
  query: Query;
  body: Body;
  /** The uploaded file, for routes with an `upload` rule; null otherwise. */
  upload: Upload | null;
  principal: Principal | null;
  /** For partnership routes: the partnership and the caller's membership (null for a non-member administrator). */
  partnership: PartnershipRecord | null;
  membership: Membership | null;
  /** For network routes: the network, and how the caller reached it (null when they came in as the partnership). */
  network?: NetworkRecord | null;
  networkAccess?: NetworkAccess | null;
  ip: string | null;
}

/** A route as registered: method, path, rule, schemas and handler. */
export interface Route {
  method: HttpMethod;
  /** Hono path syntax, e.g. `/api/partnerships/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Takes a file as the raw body instead of a JSON `body` (never both). */
  upload?: UploadRule;
  response: z.ZodType;
  status?: 200 | 201;
  /** A valid request body, used in the API description and by the authorization matrix test. */
  exampleBody?: unknown;
  handler: (context: HandlerContext<unknown, unknown, unknown>) => unknown;
}

interface TypedRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> extends Omit<
  Route,
  'params' | 'query' | 'body' | 'response' | 'handler' | 'exampleBody'
> {
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  exampleBody?: z.input<B>;
  handler: (context: HandlerContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => z.input<R> | Promise<z.input<R>>;
}

/** Declares a route with its input and output types checked against its zod schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
  R extends z.ZodType = z.ZodType,
>(route: TypedRoute<P, Q, B, R>): Route {
  return route as unknown as Route;
}
