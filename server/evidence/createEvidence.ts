import type { Database } from 'better-sqlite3';
import type { AuditLog } from '../audit/AuditLog.ts';
import { DataMappingService } from '../dataMapping/DataMappingService.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { ObservationRepository } from './ObservationRepository.ts';
import { ObservationService } from './ObservationService.ts';

/** Data mapping and evidence: observations in SQL, the mapping spreadsheet over the workspace doc. */
export interface Evidence {
  observations: ObservationService;
  dataMapping: DataMappingService;
}

/** Builds the evidence services over one database and the workspace docs. */
export function createEvidence({ db, docs, audit }: { db: Database; docs: WorkspaceDocs; audit: AuditLog }): Evidence {
  return {
    observations: new ObservationService({ repository: new ObservationRepository(db), docs, audit }),
    dataMapping: new DataMappingService({ docs, audit }),
  };
}
