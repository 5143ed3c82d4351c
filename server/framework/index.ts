export * from './csv.ts';
export * from './limits.ts';
export * from './table.ts';
export * from './xlsx.ts';
export * from './zipGuard.ts';
