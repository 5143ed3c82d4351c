import { useMemo } from 'react';
import { metricContexts, type MetricContext } from '../../shared/model/dataMapping/index.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { useFramework } from '../needsAssessment/useFramework.ts';

/** The framework's live metrics with their indicator, outcomes, domains and levels; null until the doc is read. */
export function useMetricContexts(): MetricContext[] | null {
  const { doc } = useWorkspaceDoc();
  const framework = useFramework(doc);
  return useMemo(() => (framework ? metricContexts(framework) : null), [framework]);
}
