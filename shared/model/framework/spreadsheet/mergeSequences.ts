/**
 * One order that keeps every given sequence's relative order where they agree. Indicators have a single order key but
 * are listed under each outcome they serve, so an import must find one order that reproduces every outcome's list;
 * for an exported file one always exists. Where sequences contradict each other (a hand-edited file), items free of
 * the contradiction are placed first, then the earliest seen of those caught in it. Each sequence lists an item once.
 * `prefer` orders the items that are free to go next; an import passes the current order so nothing moves needlessly.
 */
export function mergeSequences(
  sequences: readonly (readonly string[])[],
  prefer?: (a: string, b: string) => number,
): string[] {
  const firstSeen: string[] = [];
  const successors = new Map<string, Set<string>>();
  const waitingFor = new Map<string, number>();
  for (const sequence of sequences) {
    for (const id of sequence) {
      if (successors.has(id)) continue;
      firstSeen.push(id);
      successors.set(id, new Set());
      waitingFor.set(id, 0);
    }
    for (let i = 0; i + 1 < sequence.length; i++) {
      const after = successors.get(sequence[i]!)!;
      const next = sequence[i + 1]!;
      if (after.has(next)) continue;
      after.add(next);
      waitingFor.set(next, waitingFor.get(next)! + 1);
    }
  }
  // Among items free to go next, the preferred one goes first (by default, the one seen first).
  const candidates = prefer ? [...firstSeen].sort(prefer) : firstSeen;
  const placed = new Set<string>();
  const merged: string[] = [];
  while (merged.length < firstSeen.length) {
    // The first candidate nothing unplaced must precede; if a contradiction leaves none, the first candidate.
    const next =
      candidates.find((id) => !placed.has(id) && waitingFor.get(id) === 0) ?? candidates.find((id) => !placed.has(id))!;
    placed.add(next);
    merged.push(next);
    for (const after of successors.get(next)!) waitingFor.set(after, waitingFor.get(after)! - 1);
  }
  return merged;
}
