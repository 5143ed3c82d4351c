import type * as Y from 'yjs';
import { minutesParagraphs } from '../../shared/model/cycles/minutes.ts';
import { dataDevelopmentAgenda } from '../../shared/model/dataMapping/agenda.ts';
import { readDataMapping } from '../../shared/model/dataMapping/dataMapping.ts';
import { metricContexts, type MetricContext } from '../../shared/model/dataMapping/metricContext.ts';
import { dataStatuses } from '../../shared/model/dataMapping/statuses.ts';
import { readFramework, type Framework } from '../../shared/model/framework/index.ts';
import { coverageGaps, priorityOutcomeIds } from '../../shared/model/theoryOfChange/coverage.ts';
import { readTheoryOfChange } from '../../shared/model/theoryOfChange/readTheoryOfChange.ts';
import type { BoardPack, PackException } from '../../shared/schemas/boardPack.ts';
import type { Domain } from '../../shared/schemas/framework.ts';
import { exceptionReasons, type MetricEvidenceFact } from './evidenceFacts.ts';

type PackDataGap = BoardPack['dataGaps'][number];
type PackTocGap = BoardPack['tocGaps'][number];

/** What the board pack reads from the workspace doc, read at once while the doc is held. */
export interface PackDocSections {
  framework: Framework;
  contexts: MetricContext[];
  minutes: string[];
  previousMinutes: string[];
  dataGaps: PackDataGap[];
  tocGaps: PackTocGap[];
}

/** The data development agenda as rows: owner by owner, next step by step. */
function dataGaps(contexts: readonly MetricContext[], doc: Y.Doc): PackDataGap[] {
  const agenda = dataDevelopmentAgenda(contexts, readDataMapping(doc).byMetric);
  return agenda.owners.flatMap((owner) =>
    owner.steps.flatMap((step) =>
      step.items.map(({ context, mapping }) => ({
        metricId: context.metric.id,
        metricName: context.metric.name,
        domain: context.domains[0] ?? null,
        status: mapping.status ? dataStatuses[mapping.status].label : '',
        reason: mapping.reason,
        nextStep: step.nextStep,
        owner: owner.owner,
      })),
    ),
  );
}

/** Agreed priority outcomes no action is meant to move, and actions that reach no outcome. */
function tocGaps(
  framework: Framework,
  doc: Y.Doc,
  priorities: Iterable<{ kind: string; refId: string }>,
): PackTocGap[] {
  const gaps = coverageGaps(framework, readTheoryOfChange(doc, framework), priorityOutcomeIds(priorities));
  return [
    ...gaps.priorityOutcomesWithoutAction.map((outcome) => ({
      label: outcome.statement,
      problem: 'An agreed priority that no action in the theory of change is meant to move',
    })),
    ...gaps.actionsWithoutOutcome.map((action) => ({
      label: action.name,
      problem: 'An action linked to no outcome or indicator',
    })),
  ];
}

/** Reads every section of the pack that lives in the workspace doc. */
export function readPackSections(
  doc: Y.Doc,
  meetingId: string,
  previousMeetingId: string | null,
  priorities: Iterable<{ kind: string; refId: string }>,
): PackDocSections {
  const framework = readFramework(doc);
  const contexts = metricContexts(framework);
  return {
    framework,
    contexts,
    minutes: minutesParagraphs(doc, meetingId),
    previousMinutes: previousMeetingId ? minutesParagraphs(doc, previousMeetingId) : [],
    dataGaps: dataGaps(contexts, doc),
    tocGaps: tocGaps(framework, doc, priorities),
  };
}

/** Indicators by exception: metrics now worse than England or the region, or significantly getting worse. */
export function packExceptions(
  evidence: readonly MetricEvidenceFact[],
  contexts: readonly MetricContext[],
): PackException[] {
  const contextOf = new Map(contexts.map((context) => [context.metric.id, context]));
  return evidence.flatMap(({ metric, rows, fact }) => {
    const reasons = fact ? exceptionReasons(fact) : [];
    if (!fact || reasons.length === 0) return [];
    const context = contextOf.get(metric.id);
    const domain: Domain | null = context?.domains[0] ?? null;
    return [
      {
        metricId: metric.id,
        metricName: metric.name,
        indicatorName: context?.indicator?.name ?? '',
        outcomeStatements: context?.outcomes.map((outcome) => outcome.statement) ?? [],
        domain,
        unit: metric.unit,
        reasons,
        latestPeriod: fact.period,
        series: rows.map((row) => ({
          period: row.period,
          area: row.area?.value ?? null,
          suppressed: row.area?.suppressed ?? false,
          england: row.england?.value ?? null,
          region: row.region?.value ?? null,
        })),
      },
    ];
  });
}
