import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one server instance, in a registry of its own (tests start many servers). */
export interface CollabMetrics {
  registry: Registry;
  openSockets: Gauge;
  loadedDocs: Gauge;
  updatesApplied: Counter;
  bytesPersisted: Counter;
  socketsClosed: Counter<'code'>;
}

/** Creates the registry with process metrics (RSS, CPU, event-loop delay percentiles) and ours. */
export function createMetrics(): CollabMetrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_p50/p99/max_seconds, measured with monitorEventLoopDelay.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return {
    registry,
    openSockets: new Gauge({ name: 'cg_open_sockets', help: 'Open collaboration WebSockets', registers: [registry] }),
    loadedDocs: new Gauge({ name: 'cg_loaded_docs', help: 'Documents loaded in memory', registers: [registry] }),
    updatesApplied: new Counter({
      name: 'cg_updates_applied_total',
      help: 'Document updates accepted and applied',
      registers: [registry],
    }),
    bytesPersisted: new Counter({
      name: 'cg_bytes_persisted_total',
      help: 'Bytes of document updates written to the store',
      registers: [registry],
    }),
    socketsClosed: new Counter({
      name: 'cg_sockets_closed_total',
      help: 'Collaboration sockets closed, by close code',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}
