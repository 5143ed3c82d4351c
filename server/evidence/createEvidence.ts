import { DataMappingService } from '../dataMapping/DataMappingService.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { ObservationService } from './ObservationService.ts';

/** Data mapping and evidence: observations in SQL, the mapping spreadsheet over the workspace doc. */
export interface Evidence {
  observations: ObservationService;
  dataMapping: DataMappingService;
}

/** Builds the evidence services over the store (observations, audit) and the workspace docs. */
export function createEvidence({ store, docs }: { store: Repositories; docs: WorkspaceDocs }): Evidence {
  return {
    observations: new ObservationService({ store, docs }),
    dataMapping: new DataMappingService({ store, docs }),
  };
}
