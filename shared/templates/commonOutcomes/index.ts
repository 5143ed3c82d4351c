export { engagedTemplate } from './engaged.ts';
export { happyTemplate } from './happy.ts';
export { healthyTemplate } from './healthy.ts';
export { learningTemplate } from './learning.ts';
export { safeTemplate } from './safe.ts';
