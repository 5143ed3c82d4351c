import { z } from 'zod';
import type { Permission } from '../../shared/model/roles.ts';
import type { Prioritisation } from '../rounds/createPrioritisation.ts';
import type { RoundViewer } from '../rounds/RoundReader.ts';
import type { HandlerContext, RouteAccess } from './defineRoute.ts';

/** `/api/rounds/:roundId` address parameters. */
export const RoundParams = z.object({ roundId: z.uuid() });

/**
 * Access to a round's routes is access to its partnership, which SQL knows from the round id. An unknown round
 * resolves to no partnership, so it answers 404 like a partnership the caller is not a member of.
 */
export function roundAccess(prioritisation: Prioritisation, permission: Permission): RouteAccess {
  return {
    kind: 'partnership',
    permission,
    partnershipOf: (params) => (params.roundId ? prioritisation.partnershipOfRound(params.roundId) : null),
  };
}

/** The caller as the round services see them. */
export function viewerOf(
  context: Pick<HandlerContext<unknown, unknown, unknown>, 'principal' | 'membership'>,
): RoundViewer {
  const principal = context.principal!;
  return { userId: principal.user.id, isAdmin: principal.user.isAdmin, membership: context.membership };
}
