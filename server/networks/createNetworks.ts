import type { Logger } from '../logger.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { NetworkService } from './NetworkService.ts';
import { createNetworkSignal, type NetworkSignal, type WriteNetworkDoc } from './networkSignal.ts';
import { TemplateService } from './TemplateService.ts';

/** Networks of places: membership and sharing, the shared template's versions and each place's choices. */
export interface Networks {
  service: NetworkService;
  templates: TemplateService;
  signal: NetworkSignal;
}

export interface NetworksDeps {
  store: Repositories;
  docs: WorkspaceDocs;
  logger: Logger;
  /** Writes a network's signal doc; absent in route tests, which run without documents. */
  writeNetworkDoc?: WriteNetworkDoc;
}

export function createNetworks({ store, docs, logger, writeNetworkDoc }: NetworksDeps): Networks {
  const signal = createNetworkSignal(writeNetworkDoc, logger);
  return {
    service: new NetworkService({ store, signal }),
    templates: new TemplateService({ store, docs, signal }),
    signal,
  };
}
