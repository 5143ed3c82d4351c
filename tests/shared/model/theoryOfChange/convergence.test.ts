import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { readFramework } from '../../../../shared/model/framework/index.ts';
import {
  addAssumption,
  addLink,
  assumptionText,
  deleteLink,
  mechanismText,
  readTheoryOfChange,
  removeAssumption,
  restoreLink,
  updateAssumption,
  updateLink,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { evidenceStrengthKeys, timeframeKeys } from '../../../../shared/schemas/theoryOfChange.ts';
import { MemoryNetwork } from '../../../helpers/memoryNetwork.ts';
import { seedEntityIds } from '../framework/factories.ts';
import { linkOrFail, seedTheoryOfChange } from './factories.ts';

afterEach(() => vi.restoreAllMocks());

const words = ['families ', 'trust', ' the hub', ', ', 'and', ' attend', '.'];

function drain(network: MemoryNetwork): void {
  while (network.step()) {
    /* deliver what is in flight, with drops and reorders */
  }
  network.heal();
}

function readAll(doc: Y.Doc) {
  return readTheoryOfChange(doc, readFramework(doc), { includeDeleted: true });
}

/**
 * Three people work on the same links at once: typing in the mechanism, changing evidence and timeframe, adding,
 * ticking, re-owning, rewording and removing assumptions, deleting and restoring links, and adding new links.
 */
function runConcurrentLinkEdits(seed: number, operations = 200): void {
  seedEntityIds(seed);
  const network = new MemoryNetwork(seed, 3);
  const origin = network.replicas[0]!;
  const { outcomes, actions } = seedTheoryOfChange(origin);
  const linkIds = [linkOrFail(origin, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } })];
  network.heal();
  const added: { replica: number; assumptionId: string }[] = [];
  for (let i = 0; i < operations; i++) {
    const r = prng.int32(network.random, 0, network.replicas.length - 1);
    const replica = network.replicas[r]!;
    const linkId = prng.oneOf(network.random, linkIds);
    const current = readAll(replica).links.find((link) => link.id === linkId);
    const choice = prng.int32(network.random, 0, 8);
    if (choice <= 1) {
      const text = mechanismText(replica, linkId);
      if (text) text.insert(prng.int32(network.random, 0, text.length), prng.oneOf(network.random, words));
    } else if (choice === 2) {
      updateLink(replica, linkId, {
        evidence: prng.oneOf(network.random, [...evidenceStrengthKeys]),
        timeframe: prng.oneOf(network.random, [...timeframeKeys]),
      });
    } else if (choice === 3) {
      const id = addAssumption(replica, linkId, { text: `Assumption ${i}`, owner: `Owner ${r}` });
      if (id) added.push({ replica: r, assumptionId: id });
    } else if ((choice === 4 || choice === 5) && current && current.assumptions.length > 0) {
      const assumption = prng.oneOf(network.random, current.assumptions);
      if (choice === 4) updateAssumption(replica, linkId, assumption.id, { checked: prng.bool(network.random) });
      else assumptionText(replica, linkId, assumption.id)?.insert(0, prng.oneOf(network.random, words));
    } else if (choice === 6 && current && current.assumptions.length > 3) {
      removeAssumption(replica, linkId, prng.oneOf(network.random, current.assumptions).id);
    } else if (choice === 7) {
      if (prng.bool(network.random)) deleteLink(replica, linkId, `person ${r}`);
      else restoreLink(replica, linkId);
    } else {
      const result = addLink(replica, {
        actionId: prng.oneOf(network.random, [...actions]),
        target: { kind: 'outcome', id: prng.oneOf(network.random, [...outcomes]) },
      });
      if (result.ok) linkIds.push(result.id);
    }
    network.step();
  }
  drain(network);
  const [first, ...rest] = network.replicas.map(readAll);
  for (const other of rest) expect(other).toEqual(first);
  expect(first!.problems).toEqual([]);
  // Every link created anywhere survived, and so did every assumption nobody removed.
  expect(new Set(first!.links.map((link) => link.id))).toEqual(new Set(linkIds));
  const stored = new Set(first!.links.flatMap((link) => link.assumptions.map((a) => a.id)));
  expect(added.filter(({ assumptionId }) => stored.has(assumptionId)).length).toBeGreaterThan(0);
}

describe('convergence of concurrent link and assumption edits', () => {
  it.each([1, 2, 42, 9001])('seed %i: replicas converge and nothing added is lost', (seed) => {
    runConcurrentLinkEdits(seed);
  });

  it('assumptions two people add to the same link at the same time both survive', () => {
    const network = new MemoryNetwork(7, 2, 0);
    const [a, b] = network.replicas as [Y.Doc, Y.Doc];
    const { outcomes, actions } = seedTheoryOfChange(a);
    const linkId = linkOrFail(a, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    network.heal();
    addAssumption(a, linkId, { text: 'Parents can get to the hub', owner: 'Ana' });
    addAssumption(b, linkId, { text: 'Midwives refer early', owner: 'Ben' });
    updateAssumption(a, linkId, readAll(a).links[0]!.assumptions[0]!.id, { checked: true });
    drain(network);
    const texts = (doc: Y.Doc) => readAll(doc).links[0]!.assumptions.map((x) => `${x.text}|${x.owner}|${x.checked}`);
    expect(texts(a).sort()).toEqual(['Midwives refer early|Ben|false', 'Parents can get to the hub|Ana|true']);
    expect(texts(b)).toEqual(texts(a));
  });

  it('two people typing in the same mechanism at once keep both their words', () => {
    const network = new MemoryNetwork(11, 2, 0);
    const [a, b] = network.replicas as [Y.Doc, Y.Doc];
    const { outcomes, actions } = seedTheoryOfChange(a);
    const linkId = linkOrFail(a, {
      actionId: actions[0],
      target: { kind: 'outcome', id: outcomes[0] },
      mechanism: 'Trusted relationships.',
    });
    network.heal();
    updateLink(a, linkId, { mechanism: 'Trusted relationships with a key worker.' });
    updateLink(b, linkId, { mechanism: 'Early, trusted relationships.' });
    drain(network);
    expect(readAll(a).links[0]!.mechanism).toBe('Early, trusted relationships with a key worker.');
    expect(readAll(b).links[0]!.mechanism).toBe(readAll(a).links[0]!.mechanism);
  });
});
