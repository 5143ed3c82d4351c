import { polarityKeys, scopeKeys, type Polarity, type Scope } from '../../schemas/framework.ts';

/** How scopes are shown: core items are shared by most places, local ones were added for this place. */
export const scopeLabels: Readonly<Record<Scope, string>> = { core: 'Core', local: 'Local' };

/** How polarities are shown; the text carries the meaning, never colour alone. */
export const polarityLabels: Readonly<Record<Polarity, string>> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  'no-judgement': 'No judgement',
};

/** The scopes in display order. */
export const scopeOrder: readonly Scope[] = scopeKeys;
/** The polarities in display order. */
export const polarityOrder: readonly Polarity[] = polarityKeys;

/**
 * Finds the key whose label or key matches `text`, ignoring case, spacing and punctuation, so people can type
 * "higher is better", "Higher-is-better" or "0–2" in a spreadsheet. Returns null when nothing matches.
 */
export function keyForLabel<K extends string>(text: string, labels: Readonly<Record<K, string>>): K | null {
  const wanted = normaliseLabel(text);
  for (const key of Object.keys(labels) as K[]) {
    if (normaliseLabel(key) === wanted || normaliseLabel(labels[key]) === wanted) return key;
  }
  return null;
}

function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
