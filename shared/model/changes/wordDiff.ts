import { diffWords } from 'diff';
import type { DiffPart } from '../../schemas/cycles.ts';

/** A word-level diff of two texts, as the comparison reports it: runs of equal, inserted and deleted words. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}
