/** Where the screens of a network live. */
export function networkPaths(networkId: string) {
  const base = `/networks/${encodeURIComponent(networkId)}`;
  return {
    list: '/networks',
    commonCore: base,
    dataAgenda: `${base}/data-agenda`,
    acrossPlaces: `${base}/across-places`,
    templateVersions: `${base}/template-versions`,
    members: `${base}/members`,
  };
}

/** A partnership's own page about the networks it is in or invited to. */
export function partnershipNetworksPath(partnershipId: string): string {
  return `/p/${encodeURIComponent(partnershipId)}/networks`;
}
