import { readConcerns } from '../../shared/model/concerns/index.ts';
import { readDataMapping } from '../../shared/model/dataMapping/index.ts';
import { readFramework } from '../../shared/model/framework/index.ts';
import { candidateEvidence } from '../../shared/model/prioritisation/candidateEvidence.ts';
import { readTheoryOfChange } from '../../shared/model/theoryOfChange/index.ts';
import type { RoundEvidence } from '../../shared/schemas/candidateEvidence.ts';
import type { EvidenceFact } from '../../shared/schemas/cycles.ts';
import type { DataStatus } from '../../shared/schemas/dataMapping.ts';
import { evidenceFacts } from '../cycles/evidenceFacts.ts';
import type { ObservationService } from '../evidence/ObservationService.ts';
import { HttpError } from '../http/errors.ts';
import type { PartnershipRepository } from '../store/repositories/PartnershipRepository.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import type { RoundViewer } from './RoundReader.ts';
import type { RoundService } from './RoundService.ts';

/**
 * The evidence beside each candidate of a round, for the ballot, present mode, the results and the decision form:
 * read from the workspace doc and the observations now (the same judgements as the evidence screens, by the same
 * shared code and each metric's methods), suppressed as everywhere. Whoever may see the round may see it.
 */
export interface RoundEvidenceDeps {
  rounds: RoundService;
  docs: WorkspaceDocs;
  observations: ObservationService;
  partnerships: PartnershipRepository;
}

export class RoundEvidenceService {
  readonly #deps: RoundEvidenceDeps;

  constructor(deps: RoundEvidenceDeps) {
    this.#deps = deps;
  }

  async forRound(viewer: RoundViewer, roundId: string): Promise<RoundEvidence> {
    const round = await this.#deps.rounds.current(roundId, viewer);
    const partnership = await this.#deps.partnerships.findById(round.partnershipId);
    if (!partnership) throw new HttpError(404, 'not_found', 'No such partnership');
    const sources = await this.#deps.docs.read(partnership.id, (doc) => {
      const framework = readFramework(doc);
      const availability = new Map<string, DataStatus | null>();
      for (const [metricId, mapping] of readDataMapping(doc).byMetric) availability.set(metricId, mapping.status);
      return {
        framework,
        concerns: readConcerns(doc),
        theoryOfChange: readTheoryOfChange(doc, framework),
        availability,
      };
    });
    // First without observations, to learn which metrics the candidates need; then only those are read.
    const shape = candidateEvidence(round.candidates, { ...sources, latest: new Map() });
    const metricIds = [...new Set(shape.flatMap((entry) => entry.metrics.map((metric) => metric.metricId)))];
    const series = await this.#deps.observations.series(partnership, metricIds);
    const wanted = new Set(metricIds);
    const latest = new Map<string, EvidenceFact>();
    const metrics = sources.framework.metrics.filter((metric) => wanted.has(metric.id));
    for (const { metric, fact } of evidenceFacts(metrics, series)) if (fact) latest.set(metric.id, fact);
    return {
      roundId: round.id,
      candidates: candidateEvidence(round.candidates, { ...sources, latest }),
      smallCountThreshold: series.smallCountThreshold,
    };
  }
}
