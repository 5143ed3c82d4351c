export * from './anchors.ts';
export * from './fragments.ts';
export * from './keys.ts';
export * from './text.ts';
