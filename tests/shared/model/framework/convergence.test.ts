import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteOutcome,
  frameworkToRows,
  moveMetric,
  moveOutcome,
  outcomeText,
  readFramework,
  readOutcome,
  readOutcomes,
  restoreOutcome,
  setOutcomeAgeStage,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { ageStageKeys, type Domain, type Level } from '../../../../shared/schemas/framework.ts';
import { MemoryNetwork } from '../../../helpers/memoryNetwork.ts';
import { buildIndicator, buildMetric, buildOutcome, seedEntityIds } from './factories.ts';

afterEach(() => vi.restoreAllMocks());

const words = ['safe', ' at home', 'children ', 'thrive', ', ', 'and', '.'];

function drain(network: MemoryNetwork): void {
  while (network.step()) {
    /* deliver what is in flight, with drops and reorders */
  }
  network.heal();
}

function expectAllEqual(network: MemoryNetwork): void {
  const [first, ...rest] = network.replicas.map((replica) => readFramework(replica, { includeDeleted: true }));
  for (const other of rest) expect(other).toEqual(first);
}

/** Several people edit the same outcome's texts, age stages and scope at once. */
function runSameOutcome(seed: number): void {
  seedEntityIds(seed);
  const network = new MemoryNetwork(seed, 3);
  const id = addOutcome(network.replicas[0]!, buildOutcome({ statement: 'Children are safe', description: '' }));
  network.heal();
  for (let i = 0; i < 200; i++) {
    const replica = prng.oneOf(network.random, network.replicas);
    const choice = prng.int32(network.random, 0, 3);
    if (choice <= 1) {
      const field = choice === 0 ? 'statement' : 'description';
      const text = outcomeText(replica, id, field)!;
      const at = prng.int32(network.random, 0, text.length);
      if (prng.bool(network.random) || text.length < 3) text.insert(at, prng.oneOf(network.random, words));
      else text.delete(Math.min(at, text.length - 1), 1);
    } else if (choice === 2) {
      setOutcomeAgeStage(replica, id, prng.oneOf(network.random, [...ageStageKeys]), prng.bool(network.random));
    } else {
      updateOutcome(replica, id, { scope: prng.bool(network.random) ? 'core' : 'local' });
    }
    network.step();
  }
  drain(network);
  expectAllEqual(network);
  expect(readOutcome(network.replicas[0]!, id)).not.toBeNull();
}

const cells: { domain: Domain; level: Level }[] = [
  { domain: 'safe', level: 'child' },
  { domain: 'safe', level: 'system' },
  { domain: 'learning', level: 'parent-carer' },
];

/** People reorder, move, add, delete and restore outcomes and metrics at once; every item must stay exactly once. */
function runReorderAndMove(seed: number, replicaCount = 3, operations = 250): void {
  seedEntityIds(seed);
  const network = new MemoryNetwork(seed, replicaCount);
  const origin = network.replicas[0]!;
  const outcomeIds = cells.flatMap((cell) => [1, 2, 3].map(() => addOutcome(origin, buildOutcome(cell))));
  const indicatorIds = [0, 1, 2].map((i) => addIndicator(origin, buildIndicator({ outcomeIds: [outcomeIds[i]!] })));
  const metricIds = indicatorIds.flatMap((indicatorId) =>
    [1, 2, 3].map(() => addMetric(origin, buildMetric(indicatorId))),
  );
  network.heal();

  for (let i = 0; i < operations; i++) {
    const replica = prng.oneOf(network.random, network.replicas);
    const index = prng.int32(network.random, 0, 4);
    const choice = prng.int32(network.random, 0, 9);
    if (choice <= 3)
      moveOutcome(replica, prng.oneOf(network.random, outcomeIds), { ...prng.oneOf(network.random, cells), index });
    else if (choice <= 6) {
      const indicatorId = prng.oneOf(network.random, indicatorIds);
      moveMetric(replica, prng.oneOf(network.random, metricIds), { indicatorId, index });
    } else if (choice === 7)
      outcomeIds.push(addOutcome(replica, buildOutcome(prng.oneOf(network.random, cells)), { index }));
    else if (choice === 8) deleteOutcome(replica, prng.oneOf(network.random, outcomeIds.slice(3)), 'someone');
    else restoreOutcome(replica, prng.oneOf(network.random, outcomeIds));
    network.step();
  }
  drain(network);
  expectAllEqual(network);

  const replica = network.replicas[0]!;
  const framework = readFramework(replica);
  const inCells = framework.cells.flatMap((cell) => cell.outcomes.map((outcome) => outcome.id));
  const live = readOutcomes(replica).outcomes.map((outcome) => outcome.id);
  const all = readOutcomes(replica, { includeDeleted: true }).outcomes.map((outcome) => outcome.id);
  expect(new Set(inCells).size).toBe(inCells.length);
  expect([...inCells].sort()).toEqual([...live].sort());
  expect([...all].sort()).toEqual([...new Set(outcomeIds)].sort());
  const metricsSeen = framework.metrics.map((metric) => metric.id).sort();
  expect(metricsSeen).toEqual([...metricIds].sort());
  // An export lists every live outcome too.
  expect(new Set(frameworkToRows(framework).map((row) => row['Outcome id']))).toEqual(new Set(inCells));
}

describe('framework convergence over a network that reorders, drops and reconnects', () => {
  describe('three replicas edit the same outcome', () => {
    for (let seed = 1; seed <= 15; seed++) it(`seed ${seed}`, () => runSameOutcome(seed));
  });

  describe('concurrent reorder and move keep every item exactly once', () => {
    for (let seed = 1; seed <= 30; seed++) it(`seed ${seed}`, () => runReorderAndMove(seed));
    // Pinned: many replicas with heavy churn, and a long run.
    it('seed 777 with 6 replicas', () => runReorderAndMove(777, 6, 400));
    it('seed 31337, long run', () => runReorderAndMove(31337, 3, 1200));
  });
});

describe('concurrent edits of one outcome, without a network', () => {
  it('merges two people typing in the same statement', () => {
    const network = new MemoryNetwork(1, 2, 0);
    const [a, b] = network.replicas as [Y.Doc, Y.Doc];
    const id = addOutcome(a, buildOutcome({ statement: 'Children are safe' }));
    network.heal();
    updateOutcome(a, id, { statement: 'Babies and children are safe' });
    updateOutcome(b, id, { statement: 'Children are safe at home' });
    network.heal();
    expect(readOutcome(a, id)?.statement).toBe('Babies and children are safe at home');
    expect(readOutcome(b, id)?.statement).toBe('Babies and children are safe at home');
  });
});
