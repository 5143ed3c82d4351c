/** Addresses of the data mapping, evidence and concerns screens of one partnership. */
export function evidencePaths(partnershipId: string) {
  const base = `/p/${encodeURIComponent(partnershipId)}`;
  return {
    dataMapping: `${base}/data-mapping`,
    agenda: `${base}/data-mapping/agenda`,
    evidence: `${base}/evidence`,
    metric: (metricId: string) => `${base}/evidence/metrics/${encodeURIComponent(metricId)}`,
    importData: `${base}/evidence/import`,
    comparators: `${base}/evidence/comparators`,
    concerns: `${base}/concerns`,
    outcome: (outcomeId: string) => `${base}/framework/outcomes/${encodeURIComponent(outcomeId)}`,
  };
}
