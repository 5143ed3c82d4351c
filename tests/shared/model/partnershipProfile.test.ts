import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  maxPartnershipNameLength,
  profileText,
  readProfile,
  updateProfileField,
  type ProfileField,
} from '../../../shared/model/partnershipProfile.ts';
import { diffText } from '../../../shared/model/text.ts';
import { MemoryNetwork } from '../../helpers/memoryNetwork.ts';

const words = ['family', 'hubs', 'Merton', 'safe', 'healthy', 'happy', 'learning', 'engaged', ' ', ', ', '.'];

function randomEdit(network: MemoryNetwork, replica: Y.Doc): void {
  const field: ProfileField = prng.bool(network.random) ? 'name' : 'description';
  const current = readProfile(replica)[field];
  const at = prng.int32(network.random, 0, current.length);
  const cut = prng.int32(network.random, 0, Math.min(5, current.length - at));
  const insert = prng.oneOf(network.random, words);
  updateProfileField(replica, field, current.slice(0, at) + insert + current.slice(at + cut));
}

function runConvergence(seed: number, replicas = 4, operations = 300): void {
  const network = new MemoryNetwork(seed, replicas);
  for (let i = 0; i < operations; i++) {
    if (prng.int32(network.random, 0, 2) === 0) randomEdit(network, prng.oneOf(network.random, network.replicas));
    network.step();
  }
  while (network.step()) {
    /* drain what is still in flight, with drops and reorders */
  }
  network.heal();
  const [first, ...rest] = network.replicas.map(readProfile);
  for (const other of rest) expect(other).toEqual(first);
  expect(first!.name.length + first!.description.length).toBeGreaterThan(0);
}

describe('partnership profile model', () => {
  it('reads an empty profile from a new document', () => {
    expect(readProfile(new Y.Doc())).toEqual({ name: '', description: '' });
  });

  it('changes only the edited span, so a concurrent edit elsewhere survives', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    updateProfileField(a, 'name', 'Family Hubs');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateProfileField(a, 'name', 'Merton Family Hubs');
    updateProfileField(b, 'name', 'Family Hubs Partnership');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readProfile(a).name).toBe('Merton Family Hubs Partnership');
    expect(readProfile(b).name).toBe('Merton Family Hubs Partnership');
  });

  it('caps a name at its maximum length', () => {
    const doc = new Y.Doc();
    updateProfileField(doc, 'name', 'x'.repeat(maxPartnershipNameLength + 50));
    expect(profileText(doc, 'name').length).toBe(maxPartnershipNameLength);
  });

  it('diffs to the smallest single replacement', () => {
    expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
    expect(diffText('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });

  describe('converges over a network that reorders, drops and reconnects', () => {
    for (let seed = 1; seed <= 25; seed++) {
      it(`seed ${seed}`, () => runConvergence(seed));
    }
    // Pinned runs: many replicas, and a long run with heavy churn.
    it('seed 1009 with 8 replicas', () => runConvergence(1009, 8, 600));
    it('seed 4242, long run', () => runConvergence(4242, 3, 3000));
  });
});
