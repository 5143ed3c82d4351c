import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one server instance, in a registry of its own (tests start many servers). */
export interface CollabMetrics {
  registry: Registry;
  openSockets: Gauge;
  loadedDocs: Gauge;
  updatesApplied: Counter;
  bytesPersisted: Counter;
  socketsClosed: Counter<'code'>;
  dbQuerySeconds: Histogram;
  dbTransactionSeconds: Histogram;
  /** Cluster mode: messages sent to and received from other instances through Redis, by kind. */
  clusterMessages: Counter<'direction' | 'kind'>;
  /** Cluster mode: stored snapshots and updates read back from the database because Redis had not delivered them. */
  catchUpApplied: Counter<'kind'>;
}

// From a tenth of a millisecond (an in-process SQLite read) to seconds (a 100,000-row import on PostgreSQL).
const dbBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

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
    dbQuerySeconds: new Histogram({
      name: 'common_ground_db_query_seconds',
      help: 'Time each SQL statement took, from sending it to its result',
      buckets: dbBuckets,
      registers: [registry],
    }),
    dbTransactionSeconds: new Histogram({
      name: 'common_ground_db_transaction_seconds',
      help: 'Time each unit of work took, from BEGIN to COMMIT or ROLLBACK',
      buckets: dbBuckets,
      registers: [registry],
    }),
    clusterMessages: new Counter({
      name: 'cg_cluster_messages_total',
      help: 'Messages exchanged with other instances through Redis, by direction (sent, received) and kind',
      labelNames: ['direction', 'kind'],
      registers: [registry],
    }),
    catchUpApplied: new Counter({
      name: 'cg_catch_up_applied_total',
      help: 'Stored snapshots and updates another instance wrote, read back from the database because Redis had not delivered them',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}
