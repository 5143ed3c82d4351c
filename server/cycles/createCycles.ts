import type { ObservationService } from '../evidence/ObservationService.ts';
import type { RateLimiterFactory } from '../http/RateLimiter.ts';
import type { Logger } from '../logger.ts';
import type { Notify } from '../mail/notifications.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import type { DecisionService } from '../rounds/DecisionService.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { assembleBoardPack } from './assembleBoardPack.ts';
import { BoardActionService } from './BoardActionService.ts';
import { MeetingService } from './MeetingService.ts';
import { VersionFactsReader } from './versionFacts.ts';
import { VersionService } from './VersionService.ts';
import type { BoardPack } from '../../shared/schemas/boardPack.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';

/** Board cycles: meetings, the actions log, versions and "what changed", and the board pack. */
export interface Cycles {
  meetings: MeetingService;
  actions: BoardActionService;
  versions: VersionService;
  boardPack: (partnership: PartnershipRecord, meetingId: string) => Promise<BoardPack>;
  /** Takes the version a closed round calls for; failures are logged (the round has closed whatever happens). */
  roundClosed: (partnershipId: string, roundId: string, title: string, by: string | null) => Promise<void>;
  partnershipOfMeeting: (meetingId: string) => Promise<string | null>;
  partnershipOfAction: (actionId: string) => Promise<string | null>;
}

export interface CyclesDeps {
  store: Repositories;
  docs: WorkspaceDocs;
  decisions: DecisionService;
  observations: ObservationService;
  partnerships: PartnershipService;
  logger: Logger;
  /** Where limits count (Redis in a cluster, memory otherwise). */
  limiters: RateLimiterFactory;
  /** Emails an action's owner when they are a member (optional: nothing is sent without it). */
  notify?: Pick<Notify, 'actionAssigned'> | undefined;
}

/** Versions a partnership may take by hand in an hour, and comparisons one person may ask for in a minute. */
export const cycleLimits = { manualVersionsPerHour: 20, comparisonsPerMinute: 60 };

export function createCycles({
  store,
  docs,
  decisions,
  observations,
  partnerships,
  logger,
  limiters,
  notify,
}: CyclesDeps): Cycles {
  const facts = new VersionFactsReader({ store, decisions, observations, docs });
  const limits = {
    manualVersions: limiters('manual-versions', cycleLimits.manualVersionsPerHour, 3_600_000),
    comparisons: limiters('comparisons', cycleLimits.comparisonsPerMinute, 60_000),
  };
  const versions = new VersionService({ store, facts, docs, partnerships, limits });
  const meetings = new MeetingService({ store, decisions, facts, versions, docs });
  const actions = new BoardActionService({ store, docs, notify });
  return {
    meetings,
    actions,
    versions,
    boardPack: (partnership, meetingId) =>
      assembleBoardPack({ store, meetings, actions, versions, facts, decisions, docs }, partnership, meetingId),
    roundClosed: async (partnershipId, roundId, title, by) => {
      try {
        const partnership = await store.partnerships.findById(partnershipId);
        if (!partnership) return;
        await versions.take(partnership, by ? { userId: by } : null, title, { kind: 'round', id: roundId }, null);
      } catch (error) {
        logger.error('could not take the version of a closed round', { roundId, error });
      }
    },
    partnershipOfMeeting: (meetingId) => store.meetings.partnershipOf(meetingId),
    partnershipOfAction: (actionId) => store.boardActions.partnershipOf(actionId),
  };
}
