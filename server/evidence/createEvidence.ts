import { DataMappingService } from '../dataMapping/DataMappingService.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { IndicatorMetadataService } from './IndicatorMetadataService.ts';
import { ObservationService } from './ObservationService.ts';

/** Data mapping and evidence: observations in SQL, the mapping spreadsheet over the workspace doc. */
export interface Evidence {
  observations: ObservationService;
  indicatorMetadata: IndicatorMetadataService;
  dataMapping: DataMappingService;
}

/** Builds the evidence services over the store (observations, audit) and the workspace docs. */
export function createEvidence({ store, docs }: { store: Repositories; docs: WorkspaceDocs }): Evidence {
  return {
    observations: new ObservationService({ store, docs }),
    indicatorMetadata: new IndicatorMetadataService({ store, docs }),
    dataMapping: new DataMappingService({ store, docs }),
  };
}
