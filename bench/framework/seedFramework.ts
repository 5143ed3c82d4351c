import type * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  ageStageOrder,
  domainOrder,
  levelOrder,
  linkIndicator,
  polarityOrder,
} from '../../shared/model/framework/index.ts';

/** How big a framework to build. */
export interface FrameworkSize {
  outcomes: number;
  metrics: number;
}

/** The large workspace of DESIGN.md §4: 500 outcomes and 1,500 metrics. */
export const largeFramework: FrameworkSize = { outcomes: 500, metrics: 1_500 };

const subjects = ['Children', 'Young people', 'Babies', 'Parents and carers', 'Families', 'Services'];
const verbs = ['are safe and secure', 'grow up healthy', 'feel listened to', 'achieve at school', 'take part'];
const places = ['at home', 'in their community', 'online', 'at school', 'in early years settings'];
const sources = ['OHID Fingertips', 'DfE school census', 'NHS Digital', 'Local authority records', 'Police data'];
const units = ['%', 'per 1,000', 'per 10,000', 'count', 'rate per 100,000'];

/** Text of a realistic length, varied by `n` so search and sorting are not trivially uniform. */
function phrase(n: number, words: number): string {
  const vocabulary = ['support', 'early', 'help', 'outcomes', 'local', 'family', 'health', 'school', 'data', 'need'];
  return Array.from({ length: words }, (_, i) => vocabulary[(n * 7 + i * 3) % vocabulary.length]).join(' ');
}

/**
 * Fills a workspace doc with a framework of the given size through the model's own functions, in one transaction:
 * outcomes spread over the 20 cells, one indicator per outcome (every fifth also serving the next outcome, as shared
 * indicators do), and the metrics spread over the indicators. Deterministic: the same size gives the same content.
 */
export function seedLargeFramework(doc: Y.Doc, size: FrameworkSize = largeFramework): void {
  doc.transact(() => {
    const outcomeIds: string[] = [];
    for (let n = 0; n < size.outcomes; n++) {
      outcomeIds.push(
        addOutcome(doc, {
          domain: domainOrder[n % domainOrder.length]!,
          level: levelOrder[Math.floor(n / domainOrder.length) % levelOrder.length]!,
          statement: `${subjects[n % subjects.length]} ${verbs[n % verbs.length]} ${places[n % places.length]} (${n + 1})`,
          description: `${phrase(n, 30)}.`,
          ageStages: [ageStageOrder[n % ageStageOrder.length]!],
          scope: n % 4 === 0 ? 'local' : 'core',
        }),
      );
    }
    const indicatorIds = outcomeIds.map((outcomeId, n) =>
      addIndicator(doc, {
        name: `Indicator ${n + 1}: ${phrase(n, 5)}`,
        definition: `${phrase(n + 1, 20)}.`,
        outcomeIds: [outcomeId],
        scope: n % 4 === 0 ? 'local' : 'core',
      }),
    );
    indicatorIds.forEach((indicatorId, n) => {
      if (n % 5 === 0 && outcomeIds[n + 1]) linkIndicator(doc, indicatorId, outcomeIds[n + 1]!);
    });
    for (let n = 0; n < size.metrics; n++) {
      addMetric(doc, {
        indicatorId: indicatorIds[n % indicatorIds.length]!,
        name: `Metric ${n + 1}: ${phrase(n, 6)}`,
        definition: `${phrase(n + 2, 25)}.`,
        unit: units[n % units.length]!,
        polarity: polarityOrder[n % polarityOrder.length]!,
        source: sources[n % sources.length]!,
        fingertipsId: n % 3 === 0 ? String(90_000 + n) : null,
        frequency: n % 2 === 0 ? 'annual' : 'quarterly',
        breakdowns: n % 2 === 0 ? ['Sex', 'Ward or locality'] : [],
        scope: n % 4 === 0 ? 'local' : 'core',
      });
    }
  });
}
