export { compareVersions } from './compareVersions.ts';
export { availabilityFacts } from './availability.ts';
export type { AuthorOf, VersionContent } from './context.ts';
export { topPriorityCount } from './priorities.ts';
export { wordDiff } from './wordDiff.ts';
