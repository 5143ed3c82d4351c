export * from './labels.ts';
export * from './metadataRule.ts';
