import * as Y from 'yjs';
import { metricContexts, readDataMapping, type MetricContext } from '../../../shared/model/dataMapping/index.ts';
import { domainOrder, readFramework, type Framework } from '../../../shared/model/framework/index.ts';
import { readTheoryOfChange, type TheoryOfChange } from '../../../shared/model/theoryOfChange/index.ts';
import type { MetricDataMapping } from '../../../shared/schemas/dataMapping.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';

/** What a version holds, read once from its workspace document: the framework, data mapping and theory of change. */
export interface VersionContents {
  framework: Framework;
  /** Every stored mapping by metric id; a metric missing here was not yet mapped. */
  mappings: Map<string, MetricDataMapping>;
  theoryOfChange: TheoryOfChange;
}

function documentOf(documentState: string): Y.Doc {
  const bytes = Uint8Array.from(atob(documentState), (char) => char.charCodeAt(0));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}

/** Everything a version holds, read from the workspace document's encoded state (base64); null when unreadable. */
export function contentsOfVersion(documentState: string): VersionContents | null {
  try {
    const doc = documentOf(documentState);
    try {
      const framework = readFramework(doc);
      return {
        framework,
        mappings: readDataMapping(doc).byMetric,
        theoryOfChange: readTheoryOfChange(doc, framework),
      };
    } finally {
      doc.destroy();
    }
  } catch {
    return null;
  }
}

/** The metrics of one domain (or of none: metrics serving no outcome), in framework order. */
export interface DomainMetrics {
  domain: Domain | null;
  contexts: MetricContext[];
}

/**
 * The framework's metrics grouped by the domains of the outcomes they serve, in domain order, leaving out domains
 * without metrics. A metric serving outcomes in several domains is listed in each; metrics serving no outcome come
 * last, under a null domain.
 */
export function metricsByDomain(framework: Pick<Framework, 'outcomes' | 'indicators' | 'metrics'>): DomainMetrics[] {
  const contexts = metricContexts(framework);
  const groups: DomainMetrics[] = domainOrder.map((domain) => ({
    domain,
    contexts: contexts.filter((context) => context.domains.includes(domain)),
  }));
  groups.push({ domain: null, contexts: contexts.filter((context) => context.domains.length === 0) });
  return groups.filter((group) => group.contexts.length > 0);
}
