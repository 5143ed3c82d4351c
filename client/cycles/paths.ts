/** Where the board cycle screens of a partnership live. */
export function cyclePaths(partnershipId: string) {
  const base = `/p/${encodeURIComponent(partnershipId)}`;
  return {
    meetings: `${base}/meetings`,
    meeting: (meetingId: string) => `${base}/meetings/${encodeURIComponent(meetingId)}`,
    boardPack: (meetingId: string) => `${base}/meetings/${encodeURIComponent(meetingId)}/pack`,
    versions: `${base}/versions`,
    trends: `${base}/versions/trends`,
    version: (versionId: string) => `${base}/versions/${encodeURIComponent(versionId)}`,
    changes: (since: string, until = 'now') => `${base}/changes?${new URLSearchParams({ since, until }).toString()}`,
    outcome: (outcomeId: string) => `${base}/framework/outcomes/${encodeURIComponent(outcomeId)}`,
    round: (roundId: string) => `${base}/rounds/${encodeURIComponent(roundId)}`,
    concerns: `${base}/concerns`,
  };
}
