import { smallCountThreshold } from '../../shared/model/evidence/suppression.ts';
import type { BoardPack } from '../../shared/schemas/boardPack.ts';
import type { DecisionService } from '../rounds/DecisionService.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import type { BoardActionService } from './BoardActionService.ts';
import { describeMeeting, type MeetingService } from './MeetingService.ts';
import { packExceptions, readPackSections } from './packSections.ts';
import type { VersionFactsReader } from './versionFacts.ts';
import type { VersionService } from './VersionService.ts';

export interface BoardPackDeps {
  store: Repositories;
  meetings: MeetingService;
  actions: BoardActionService;
  versions: VersionService;
  facts: VersionFactsReader;
  decisions: DecisionService;
  docs: WorkspaceDocs;
}

/**
 * Everything a meeting's board pack holds, from the services (so the pack says what the screens say): the agenda and
 * attendance, the last meeting's minutes, the actions log, what changed since the last meeting's version, priorities
 * and decisions, indicators by exception, the data development agenda and the theory of change's gaps. Values come
 * from suppressed series, so small counts stay suppressed in every form of the pack.
 */
export async function assembleBoardPack(
  deps: BoardPackDeps,
  partnership: PartnershipRecord,
  meetingId: string,
): Promise<BoardPack> {
  const meeting = await deps.meetings.get(partnership, meetingId);
  const previous = meeting.previousMeetingId ? await deps.store.meetings.findById(meeting.previousMeetingId) : null;
  const priorities = await deps.decisions.priorities(partnership.id);
  const sections = await deps.docs.read(partnership.id, (doc) =>
    readPackSections(doc, meeting.id, previous?.id ?? null, priorities),
  );
  const until = meeting.status === 'closed' && meeting.versionId ? meeting.versionId : 'now';
  const comparing = meeting.sinceVersionId && meeting.sinceVersionId !== until ? meeting.sinceVersionId : null;
  // "What changed since" against now reads the current state anyway: its evidence serves the exceptions too, so the
  // series of every metric are read and judged once per pack rather than twice.
  const current = comparing && until === 'now' ? await deps.facts.current(partnership) : undefined;
  const evidence = current?.evidence ?? (await deps.facts.evidence(partnership, sections.framework.metrics));
  const changes = comparing ? await deps.versions.changes(partnership, comparing, until, current) : null;
  return {
    partnership: { id: partnership.id, name: partnership.name, area: partnership.areaName },
    meeting: describeMeeting(meeting),
    agenda: meeting.agenda,
    attendees: meeting.attendees,
    previousMeeting: previous
      ? {
          meeting: describeMeeting(previous),
          minutes: sections.previousMinutes,
          attendees: await deps.meetings.attendees(previous),
        }
      : null,
    minutes: sections.minutes,
    actions: await deps.actions.list(partnership.id),
    changes,
    priorities: priorities.map((priority) => ({
      label: priority.label,
      kind: priority.kind,
      decidedAt: priority.decidedAt,
      reviewDate: priority.reviewDate,
    })),
    decisions: await deps.decisions.list(partnership.id),
    exceptions: packExceptions(evidence, sections.contexts),
    dataGaps: sections.dataGaps,
    tocGaps: sections.tocGaps,
    smallCountThreshold,
    generatedAt: new Date().toISOString(),
  };
}
