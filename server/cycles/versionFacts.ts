import * as Y from 'yjs';
import { entityAnchorLabel, type AnchorNames } from '../../shared/model/comments/anchorLabels.ts';
import {
  readFramework,
  readIndicator,
  readMetric,
  readMetrics,
  readOutcome,
} from '../../shared/model/framework/index.ts';
import { domainLabel } from '../../shared/model/framework/domains.ts';
import { parseNarrativeKey } from '../../shared/model/narratives/keys.ts';
import { readTheoryOfChange, type TheoryOfChange } from '../../shared/model/theoryOfChange/index.ts';
import { resultsVisibleToEveryone } from '../../shared/model/prioritisation/visibility.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import type { CommentFact, RoundFact, VersionFacts } from '../../shared/schemas/cycles.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type { ObservationService } from '../evidence/ObservationService.ts';
import type { DecisionService } from '../rounds/DecisionService.ts';
import { RoundReader } from '../rounds/RoundReader.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { availabilityFacts } from './changesEngine.ts';
import { evidenceFacts, type MetricEvidenceFact } from './evidenceFacts.ts';

export interface VersionFactsDeps {
  store: Repositories;
  decisions: DecisionService;
  observations: ObservationService;
  docs: WorkspaceDocs;
}

/** The partnership as it is now: the workspace doc's full state and the SQL facts beside it. */
export interface CurrentState {
  docState: Uint8Array;
  facts: VersionFacts;
  /** Per live metric, its series and latest judgement (the board pack's exceptions read these). */
  evidence: MetricEvidenceFact[];
}

/** Names of everything an entity anchor can point at, deleted ones included: a version keeps what was said where. */
function versionNames(doc: Y.Doc): AnchorNames {
  const options = { includeDeleted: true };
  let links: TheoryOfChange | null = null; // read only when a thread is on a link
  return {
    outcome: (id) => readOutcome(doc, id, options)?.statement ?? null,
    indicator: (id) => readIndicator(doc, id, options)?.name ?? null,
    metric: (id) => readMetric(doc, id, options)?.name ?? null,
    link: (id) => {
      links ??= readTheoryOfChange(doc, readFramework(doc), options);
      const link = links.links.find((each) => each.id === id);
      if (!link) return null;
      return { action: links.actions.find((a) => a.id === link.actionId)?.name ?? '', target: link.target.label };
    },
  };
}

function targetLabel(
  doc: Y.Doc,
  thread: CommentThread,
  names: AnchorNames,
): Pick<CommentFact, 'targetKind' | 'targetId' | 'targetLabel'> {
  const anchor = thread.anchor;
  if (anchor.kind === 'entity') {
    // A whole outcome, indicator or metric keeps its bare name (as versions taken before aspects have it).
    const label =
      anchor.entityKind === 'outcome'
        ? names.outcome(anchor.entityId)
        : anchor.entityKind === 'indicator'
          ? names.indicator(anchor.entityId)
          : anchor.entityKind === 'metric' && anchor.aspect === undefined
            ? names.metric(anchor.entityId)
            : entityAnchorLabel(anchor, names);
    return { targetKind: anchor.entityKind, targetId: anchor.entityId, targetLabel: label ?? '' };
  }
  const target = parseNarrativeKey(anchor.narrativeKey);
  const label =
    target?.kind === 'domain'
      ? `Needs assessment: ${domainLabel(target.domain)}`
      : target?.kind === 'outcome'
        ? (readOutcome(doc, target.id, { includeDeleted: true })?.statement ?? '')
        : target?.kind === 'indicator'
          ? (readIndicator(doc, target.id, { includeDeleted: true })?.name ?? '')
          : '';
  return { targetKind: 'narrative', targetId: anchor.narrativeKey, targetLabel: label };
}

function commentFact(doc: Y.Doc, thread: CommentThread, names: AnchorNames): CommentFact {
  return {
    id: thread.id,
    ...targetLabel(doc, thread, names),
    resolved: thread.status === 'resolved',
    authorId: thread.createdBy.id === 'deleted' ? null : thread.createdBy.id,
    authorName: thread.createdBy.name,
    createdAt: thread.createdAt,
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy?.name ?? null,
  };
}

/** Reads what a version holds, for taking one or for comparing a version with now. */
export class VersionFactsReader {
  readonly #deps: VersionFactsDeps;
  readonly #rounds: RoundReader;

  constructor(deps: VersionFactsDeps) {
    this.#deps = deps;
    this.#rounds = new RoundReader(deps.store);
  }

  async current(partnership: PartnershipRecord): Promise<CurrentState> {
    const { store, docs, decisions } = this.#deps;
    const threads = await store.comments.threads(partnership.id);
    const read = await docs.read(partnership.id, (doc) => {
      const names = versionNames(doc);
      return {
        docState: Y.encodeStateAsUpdate(doc),
        metrics: readMetrics(doc).metrics,
        comments: threads.map((thread) => commentFact(doc, thread, names)),
        availability: availabilityFacts(doc),
      };
    });
    const evidence = await this.evidence(partnership, read.metrics);
    return {
      docState: read.docState,
      evidence,
      facts: {
        decisions: await decisions.list(partnership.id),
        rounds: await this.#roundFacts(partnership.id),
        evidence: evidence.flatMap((entry) => (entry.fact ? [entry.fact] : [])),
        comments: read.comments,
        availability: read.availability,
      },
    };
  }

  /** Per metric, its whole-population series and latest judgement now. */
  async evidence(partnership: PartnershipRecord, metrics: readonly Metric[]): Promise<MetricEvidenceFact[]> {
    const series = await this.#deps.observations.series(
      partnership,
      metrics.map((metric) => metric.id),
    );
    return evidenceFacts(metrics, series);
  }

  /** Closed rounds whose results everyone may see, ranked as published. */
  async #roundFacts(partnershipId: string): Promise<RoundFact[]> {
    const facts: RoundFact[] = [];
    for (const round of await this.#deps.store.rounds.listForPartnership(partnershipId)) {
      if (round.state !== 'closed' || !resultsVisibleToEveryone(round)) continue;
      const results = await this.#rounds.tally(round);
      facts.push({
        id: round.id,
        title: round.title,
        closedAt: round.closedAt ?? '',
        candidates: results.candidates.flatMap((result) => {
          const candidate = round.candidates.find((c) => c.id === result.candidateId);
          return candidate
            ? [{ kind: candidate.kind, refId: candidate.refId, label: candidate.label, rank: result.rank }]
            : [];
        }),
      });
    }
    return facts;
  }
}
