/** Addresses of the framework screens of one partnership. */
export function frameworkPaths(partnershipId: string) {
  const base = `/p/${encodeURIComponent(partnershipId)}/framework`;
  return {
    overview: base,
    outcome: (outcomeId: string) => `${base}/outcomes/${encodeURIComponent(outcomeId)}`,
    spreadsheet: `${base}/spreadsheet`,
  };
}
