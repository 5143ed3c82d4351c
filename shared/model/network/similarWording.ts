import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';

/**
 * Similar wording across places, for spotting local additions that recur. Each wording becomes the set of its word
 * stems (lower case, punctuation and common English words dropped, number words as digits, then Porter-stemmed by
 * `stemmer`); two wordings are compared by the cosine of their stem sets weighted by inverse document frequency, so a
 * word found in most statements ("children", "families") counts for little and a rarer one ("obese", "school") for
 * much. Runs on the server (the common-core route); both packages also bundle for the browser (`stemmer` is ESM,
 * `stopword` has an ESM entry with the same named exports as the CommonJS one Node loads).
 */

/** Two wordings this similar or more are taken to say the same thing (see the tests for the pairs it separates). */
export const similarityThreshold = 0.6;

/** How similar wording is judged, in words for a coordinator. */
export const similarityExplanation =
  'Local additions are grouped when their wording is similar: each is reduced to its main words (common words such as ' +
  '“the”, “are” and “for” left out, numbers written as digits, and endings removed so that “ready” and “readiness” ' +
  'match), and two wordings are compared by the words they share, where a word used in many statements, such as ' +
  '“children”, counts for less than a rarer one. Two wordings with a similarity of ' +
  `${similarityThreshold} or more (0 is no word in common, 1 the same words) are linked, and anything linked to a ` +
  'group joins it. Only outcomes ' +
  'are grouped with outcomes, indicators with indicators and metrics with metrics. A group that appears in two or ' +
  'more places is a candidate for the common core; check the wordings before promoting it.';

const numberWords: Readonly<Record<string, string>> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
};

const stopWords = new Set(englishStopWords);

/** The distinct stems of a wording, in the order they first appear. */
export function wordingStems(text: string): string[] {
  const words = text
    .toLocaleLowerCase('en-GB')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !stopWords.has(word));
  return [...new Set(words.map((word) => numberWords[word] ?? stemmer(word)))];
}

/** Inverse document frequency of each stem over a collection of stem sets (smoothed, so none is zero). */
export function stemWeights(collection: Iterable<readonly string[]>): (stem: string) => number {
  const frequency = new Map<string, number>();
  let size = 0;
  for (const stems of collection) {
    size += 1;
    for (const stem of stems) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  }
  // A stem never seen in the collection is as rare as can be.
  return (stem) => Math.log((1 + size) / (1 + (frequency.get(stem) ?? 0))) + 1;
}

/** A wording ready to compare: its stems, rarest first, with their squared weights and its norm. */
export interface WeightedWording {
  stems: string[];
  squared: Map<string, number>;
  norm: number;
}

/** Weighs a wording's stems. */
export function weighWording(stems: readonly string[], weight: (stem: string) => number): WeightedWording {
  const squared = new Map(stems.map((stem) => [stem, weight(stem) ** 2]));
  // One global order (rarest first, then alphabetical) for every wording: prefix filtering relies on it.
  const ordered = [...squared.keys()].sort((a, b) => squared.get(b)! - squared.get(a)! || (a < b ? -1 : 1));
  const norm = Math.sqrt([...squared.values()].reduce((sum, value) => sum + value, 0));
  return { stems: ordered, squared, norm };
}

/** Weighted cosine similarity of two wordings' stem sets: 1 for the same stems, 0 for none shared. */
export function wordingSimilarity(a: WeightedWording, b: WeightedWording): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let shared = 0;
  for (const [stem, value] of a.squared) if (b.squared.has(stem)) shared += value;
  return shared / (a.norm * b.norm);
}

/**
 * The stems a wording must share with another for them to reach `threshold`: its rarest stems until what is left
 * weighs too little (Σ left w² < threshold² · norm²). By Cauchy–Schwarz, a pair whose shared stems all lie in the
 * rest is below the threshold, so only wordings sharing a prefix stem need comparing (all-pairs prefix filtering).
 */
function prefixStems(wording: WeightedWording, threshold: number): string[] {
  const limit = threshold ** 2 * wording.norm ** 2;
  let rest = wording.norm ** 2;
  const prefix: string[] = [];
  for (const stem of wording.stems) {
    if (rest < limit) break;
    prefix.push(stem);
    rest -= wording.squared.get(stem)!;
  }
  return prefix;
}

/**
 * Every pair (i < j) of wordings at least `threshold` similar, comparing only those that share a prefix stem, so
 * that a large network never compares everything with everything.
 */
export function similarPairs(wordings: readonly WeightedWording[], threshold: number): [number, number][] {
  const byStem = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  wordings.forEach((wording, index) => {
    const compared = new Set<number>();
    for (const stem of prefixStems(wording, threshold)) {
      for (const other of byStem.get(stem) ?? []) {
        if (compared.has(other)) continue;
        compared.add(other);
        if (wordingSimilarity(wordings[other]!, wording) >= threshold - 1e-12) pairs.push([other, index]);
      }
      const list = byStem.get(stem) ?? [];
      list.push(index);
      byStem.set(stem, list);
    }
  });
  return pairs;
}
