import type * as Y from 'yjs';
import { readDataMapping } from '../../shared/model/dataMapping/index.ts';
import { readFrameworkEntities, readOutcomes, frameworkFromEntities } from '../../shared/model/framework/index.ts';
import { readFrameworkLineage } from '../../shared/model/framework/lineage.ts';
import {
  evidenceAcrossPlaces,
  priorityOutcomes,
  theoryOfChangeCounts,
  type PlaceEvidence,
} from '../../shared/model/network/acrossPlaces.ts';
import { commonCoreItems, templateRewordings, type PlaceFramework } from '../../shared/model/network/commonCore.ts';
import { networkDataAgenda, type PlaceDataMapping } from '../../shared/model/network/networkDataAgenda.ts';
import { networkTemplateAt, type NetworkTemplate } from '../../shared/model/network/networkTemplate.ts';
import { recurringAdditions } from '../../shared/model/network/recurringAdditions.ts';
import { similarityExplanation } from '../../shared/model/network/similarWording.ts';
import { readTheoryOfChange } from '../../shared/model/theoryOfChange/index.ts';
import type { EvidenceFact } from '../../shared/schemas/cycles.ts';
import type { EvidenceSeries } from '../../shared/schemas/observations.ts';
import type {
  AcrossPlaces,
  CommonCore,
  NetworkDataAgenda,
  NetworkPlace,
  TemplateChoices,
  TemplateVersion,
} from '../../shared/schemas/networks.ts';
import { evidenceFacts } from '../cycles/evidenceFacts.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { agendaFile, type AgendaFile, type AgendaFormat } from './networkAgendaFiles.ts';

/**
 * What the analyses read. Each place's workspace doc is read only for the sections it shares, and never for
 * narratives, comments, ballots or members.
 */
export interface NetworkAnalysisDeps {
  /** The network's member places (not those only invited), with what each shares, in name order. */
  places(networkId: string): Promise<NetworkPlace[]>;
  /** The network's published template versions. */
  versions(networkId: string): Promise<TemplateVersion[]>;
  /** Every place's recorded choice on each template change. */
  choices(networkId: string): Promise<TemplateChoices['choices']>;
  /** The network's name, for the exported files. */
  networkName(networkId: string): Promise<string>;
  docs: WorkspaceDocs;
  /** A partnership's recorded decisions (only closed rounds have them), with their agreed candidates. */
  decisions: {
    forPartnership(
      partnershipId: string,
    ): Promise<readonly { priorities: readonly { kind: string; refId: string }[] }[]>;
  };
  /** A partnership's whole-population series for some metrics, already suppressed (`ObservationService.series`). */
  observations: { series(partnershipId: string, metricIds: readonly string[]): Promise<EvidenceSeries> };
  /** How many places are read at once (each read may load a document into memory); 8 by default. */
  concurrency?: number;
}

/** Runs `task` over `items` with at most `limit` running at once, keeping the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * What the analyses read of each loaded doc, kept until the doc changes. The server's rooms keep one `Y.Doc` per
 * loaded workspace, so a network screen opened again (or its data agenda after its common core) reads again only the
 * places that changed meanwhile: validating 150 frameworks of 1,500 metrics costs seconds, assembling the analyses
 * from kept reads a fraction of that. Keyed weakly by the doc, so an unloaded doc takes its reads with it.
 */
class DocReads {
  readonly #byDoc = new WeakMap<Y.Doc, Map<string, unknown>>();

  read<T>(doc: Y.Doc, key: string, read: (doc: Y.Doc) => T): T {
    let reads = this.#byDoc.get(doc);
    if (!reads) {
      const kept = new Map<string, unknown>();
      doc.on('update', () => kept.clear());
      this.#byDoc.set(doc, kept);
      reads = kept;
    }
    if (reads.has(key)) return reads.get(key) as T;
    const value = read(doc);
    reads.set(key, value);
    return value;
  }
}

// Lineage and wording only: checking the few fields compared is several times cheaper than validating 150
// frameworks whole, and the states, candidates and data agenda read nothing else.
const frameworkOf = (doc: Y.Doc) => readFrameworkLineage(doc);
const metricsOf = (doc: Y.Doc) => readFrameworkEntities(doc).metrics;

/** The network's analyses: the common core, the shared data development agenda and the view across places. */
export class NetworkAnalysisService {
  readonly #deps: NetworkAnalysisDeps;
  readonly #reads = new DocReads();

  constructor(deps: NetworkAnalysisDeps) {
    this.#deps = deps;
  }

  #read<T>(places: readonly NetworkPlace[], read: (doc: Y.Doc, place: NetworkPlace) => T): Promise<T[]> {
    return mapLimited(places, this.#deps.concurrency ?? 8, (place) =>
      this.#deps.docs.read(place.partnershipId, (doc) => read(doc, place)),
    );
  }

  async #template(networkId: string): Promise<{ template: NetworkTemplate; versions: TemplateVersion[] }> {
    const versions = await this.#deps.versions(networkId);
    return { template: networkTemplateAt(versions), versions };
  }

  /** For each template item how each place holds it, and the local additions that recur across places. */
  async commonCore(networkId: string): Promise<CommonCore> {
    const [places, { template, versions }, choices] = await Promise.all([
      this.#deps.places(networkId),
      this.#template(networkId),
      this.#deps.choices(networkId),
    ]);
    const choicesOf = new Map<string, Map<string, 'adopted' | 'declined'>>();
    for (const { partnershipId, changeId, choice } of choices) {
      const byChange = choicesOf.get(partnershipId) ?? new Map<string, 'adopted' | 'declined'>();
      byChange.set(changeId, choice);
      choicesOf.set(partnershipId, byChange);
    }
    const frameworks = (await mapLimited(places, this.#deps.concurrency ?? 8, async (place) => ({
      place,
      framework: place.sharing.framework
        ? await this.#deps.docs.read(place.partnershipId, (doc) => this.#reads.read(doc, 'framework', frameworkOf))
        : null,
      choices: choicesOf.get(place.partnershipId) ?? new Map(),
    }))) satisfies PlaceFramework[];
    return {
      places,
      templateVersion: template.version,
      items: commonCoreItems(template, frameworks, templateRewordings(versions)),
      candidates: recurringAdditions(
        template,
        frameworks.flatMap(({ place, framework }) =>
          framework ? [{ partnershipId: place.partnershipId, ...framework }] : [],
        ),
      ),
      similarity: similarityExplanation,
    };
  }

  /** Template metrics missing or not accessible in most places sharing their data mapping, with the reasons. */
  async dataAgenda(networkId: string): Promise<NetworkDataAgenda> {
    const [places, { template }] = await Promise.all([this.#deps.places(networkId), this.#template(networkId)]);
    const sharing = places.filter((place) => place.sharing.dataMapping);
    const mappings: PlaceDataMapping[] = await this.#read(sharing, (doc, place) => ({
      partnershipId: place.partnershipId,
      metrics: this.#reads.read(doc, 'framework', frameworkOf).metrics,
      mappings: this.#reads.read(doc, 'dataMapping', (read) => readDataMapping(read).byMetric),
    }));
    return networkDataAgenda(template, mappings);
  }

  /** The data agenda as a file: the network's list of asks to national bodies. */
  async dataAgendaFile(networkId: string, format: AgendaFormat): Promise<AgendaFile> {
    const [agenda, name] = await Promise.all([this.dataAgenda(networkId), this.#deps.networkName(networkId)]);
    return agendaFile(agenda, name, format);
  }

  /** Priorities, core evidence against England and theory-of-change coverage, each from the places sharing it. */
  async acrossPlaces(networkId: string): Promise<AcrossPlaces> {
    const [places, { template }] = await Promise.all([this.#deps.places(networkId), this.#template(networkId)]);
    const [priorities, evidence, theoryOfChange] = await Promise.all([
      this.#priorities(
        template,
        places.filter((place) => place.sharing.priorities),
      ),
      this.#evidence(
        template,
        places.filter((place) => place.sharing.evidence),
      ),
      this.#read(
        places.filter((place) => place.sharing.theoryOfChange),
        (doc, place) =>
          this.#reads.read(doc, 'theoryOfChange', (read) => {
            const framework = frameworkFromEntities(readFrameworkEntities(read));
            return theoryOfChangeCounts(place.partnershipId, framework, readTheoryOfChange(read, framework));
          }),
      ),
    ]);
    return { places, priorities, evidence, theoryOfChange };
  }

  async #priorities(template: NetworkTemplate, places: readonly NetworkPlace[]): Promise<AcrossPlaces['priorities']> {
    const sources = await mapLimited(places, this.#deps.concurrency ?? 8, async (place) => {
      const decisions = await this.#deps.decisions.forPartnership(place.partnershipId);
      const agreed = decisions.flatMap((decision) => decision.priorities);
      if (agreed.length === 0) return { partnershipId: place.partnershipId, priorities: [], outcomes: [] };
      // A decision stands even if its outcome was deleted since.
      const outcomes = await this.#deps.docs.read(
        place.partnershipId,
        (doc) => readOutcomes(doc, { includeDeleted: true }).outcomes,
      );
      return { partnershipId: place.partnershipId, priorities: agreed, outcomes };
    });
    return priorityOutcomes(template, sources);
  }

  async #evidence(template: NetworkTemplate, places: readonly NetworkPlace[]): Promise<AcrossPlaces['evidence']> {
    const core = new Set(
      template.items
        .filter((item) => item.type === 'metric' && item.fingertipsId !== null)
        .map((item) => item.templateId),
    );
    const sources: PlaceEvidence[] = await mapLimited(places, this.#deps.concurrency ?? 8, async (place) => {
      const metrics = await this.#deps.docs.read(place.partnershipId, (doc) =>
        this.#reads
          .read(doc, 'metrics', metricsOf)
          .filter((metric) => metric.templateId !== null && core.has(metric.templateId)),
      );
      const facts = new Map<string, { fact: EvidenceFact | null; englandValue: number | null }>();
      if (metrics.length === 0) return { partnershipId: place.partnershipId, facts };
      const series = await this.#deps.observations.series(
        place.partnershipId,
        metrics.map((metric) => metric.id),
      );
      for (const { metric, rows, fact } of evidenceFacts(metrics, series)) {
        const templateId = metric.templateId!;
        // A place holding a core metric twice: the one with data speaks for it.
        if (facts.get(templateId)?.fact) continue;
        const row = fact ? rows.find((candidate) => candidate.periodKey === fact.periodKey) : undefined;
        facts.set(templateId, { fact, englandValue: row?.england?.value ?? null });
      }
      return { partnershipId: place.partnershipId, facts };
    });
    return evidenceAcrossPlaces(template, sources);
  }
}
