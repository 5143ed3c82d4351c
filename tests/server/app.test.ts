import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createMetrics } from '../../server/metrics.ts';
import { silentLogger } from '../../server/logger.ts';
import { buildTestApp } from '../helpers/testApp.ts';
import { ApiErrorSchema } from '../../shared/schemas/apiError.ts';
import { readConfig } from '../../server/config.ts';
import { testStoreKind } from '../helpers/testStore.ts';

async function buildApp(ready = true) {
  const { services, store } = await buildTestApp();
  return createApp({
    metrics: createMetrics(),
    logger: silentLogger,
    isReady: () => ready,
    readinessProblems: () => Promise.resolve(ready ? [] : ['sqlite: not open']),
    storeKind: store.kind,
    clientDir: null,
    routes: [],
    routeDeps: {
      authenticator: services.authenticator,
      partnerships: store.partnerships,
      publicOrigins: [],
      trustedProxyHops: 0,
    },
  });
}

describe('HTTP app', () => {
  it('answers /healthz with ok once storage is open', async () => {
    const response = await (await buildApp()).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: testStoreKind });
  });

  it('answers /healthz with 503 before storage is open', async () => {
    const response = await (await buildApp(false)).request('/healthz');
    expect(response.status).toBe(503);
    expect(ApiErrorSchema.parse(await response.json()).error.code).toBe('starting');
  });

  it('exposes Prometheus metrics including sockets, documents, updates, bytes and event-loop delay', async () => {
    const response = await (await buildApp()).request('/metrics');
    const text = await response.text();
    for (const name of [
      'cg_open_sockets',
      'cg_loaded_docs',
      'cg_updates_applied_total',
      'cg_bytes_persisted_total',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('answers unknown API routes with the JSON error shape, never a stack trace', async () => {
    const response = await (await buildApp()).request('/api/nope');
    expect(response.status).toBe(404);
    const body = ApiErrorSchema.parse(await response.json());
    expect(JSON.stringify(body)).not.toContain('at ');
  });
});

describe('configuration', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.limits.maxMessageBytes).toBe(2 * 1024 * 1024);
    expect(config.limits.maxDocumentBytes).toBe(50 * 1024 * 1024);
  });

  it('names each invalid variable', () => {
    expect(() => readConfig({ PORT: 'eighty', MAX_MESSAGE_BYTES: '-1' })).toThrow(/PORT.*MAX_MESSAGE_BYTES/);
  });
});
