// The one place the server reaches the comparison engine, so the services name one module for it.
export { availabilityFacts, compareVersions } from '../../shared/model/changes/index.ts';
