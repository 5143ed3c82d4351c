import type { Criterion } from '../../schemas/rounds.ts';

/**
 * The criteria councils use most in needs-assessment prioritisation (see reference/prioritisation.md), equally
 * weighted; facilitators change weights and labels per round.
 */
export const defaultCriteria: readonly Criterion[] = [
  { id: 'scale', label: 'Number of children and families affected', weight: 1 },
  { id: 'severity', label: 'Severity of the impact', weight: 1 },
  { id: 'inequality', label: 'Inequality or gap between groups', weight: 1 },
  { id: 'trend', label: 'Getting worse (trend)', weight: 1 },
  { id: 'influence', label: 'Our ability to influence it locally', weight: 1 },
  { id: 'evidence', label: 'Evidence of what works', weight: 1 },
];
