export * from './periods.ts';
export * from './suppression.ts';
export * from './significance.ts';
export * from './trend.ts';
export * from './series.ts';
