export * from './anchorLabels.ts';
export * from './filters.ts';
export * from './projection.ts';
