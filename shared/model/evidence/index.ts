export * from './periods.ts';
export * from './suppression.ts';
export * from './significance.ts';
export * from './trend.ts';
export * from './trendMarker.ts';
export * from './intervalTrend.ts';
export * from './methodWords.ts';
export * from './series.ts';
