export * from './applyTemplate.ts';
export * from './templates.ts';
export type * from './templateTypes.ts';
