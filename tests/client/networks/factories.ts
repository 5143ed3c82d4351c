import type { CommonCore, NetworkPlace } from '../../../shared/schemas/networks.ts';
import { defaultSharing } from '../../../shared/schemas/networks.ts';

type CoreItem = CommonCore['items'][number];
type CoreCandidate = CommonCore['candidates'][number];

let built = 0;

/** A template item as the common-core analysis reports it; counts follow the `states` given. */
export function buildCoreItem(overrides: Partial<CoreItem> = {}): CoreItem {
  built += 1;
  const states = overrides.states ?? '==~-?.';
  const count = (code: string) => [...states].filter((c) => c === code).length;
  return {
    templateId: `cof.out.test.${built}`,
    type: 'outcome',
    label: `Outcome ${built}`,
    domain: 'safe',
    asIs: count('='),
    changed: count('~'),
    dropped: count('-'),
    pending: count('?'),
    states,
    ...overrides,
  };
}

/** A place of a network. */
export function buildPlace(overrides: Partial<NetworkPlace> = {}): NetworkPlace {
  built += 1;
  return {
    partnershipId: `place-${built}`,
    name: `Place ${built}`,
    areaName: 'Riverside',
    sharing: defaultSharing,
    ...overrides,
  };
}

/** A recurring local addition. */
export function buildCandidate(overrides: Partial<CoreCandidate> = {}): CoreCandidate {
  built += 1;
  return {
    type: 'metric',
    label: `Families reached ${built}`,
    labels: [`Families reached ${built}`, `Number of families reached ${built}`],
    partnershipIds: ['place-a', 'place-b'],
    entityIds: [
      { partnershipId: 'place-a', entityId: `m-a-${built}` },
      { partnershipId: 'place-b', entityId: `m-b-${built}` },
    ],
    domain: 'engaged',
    parentTemplateId: 'cof.ind.engaged.1',
    ...overrides,
  };
}
