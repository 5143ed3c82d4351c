export * from './filters.ts';
export * from './projection.ts';
