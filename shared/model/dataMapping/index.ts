export * from './statuses.ts';
export * from './dataMapping.ts';
export { dataMappingMapName, dataMappingTextFields, type DataMappingTextField } from './docShape.ts';
export * from './metricContext.ts';
export * from './summary.ts';
export * from './agenda.ts';
export * from './spreadsheet.ts';
