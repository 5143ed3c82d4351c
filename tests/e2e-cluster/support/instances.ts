import { expect } from '@playwright/test';

/** The two instances tests/e2e-cluster/playwright.config.ts started, as the origins browsers use. */
export interface ClusterInstances {
  first: string;
  second: string;
}

function originOf(variable: string): string {
  const port = process.env[variable];
  if (!port) {
    throw new Error(
      `${variable} is not set: run this suite with -c tests/e2e-cluster/playwright.config.ts (npm run test:e2e:cluster)`,
    );
  }
  return `http://127.0.0.1:${port}`;
}

/** Where each instance listens (their ports were chosen by the kernel and read from their logs). */
export function clusterInstances(): ClusterInstances {
  return { first: originOf('CG_E2E_CLUSTER_PORT_A'), second: originOf('CG_E2E_CLUSTER_PORT_B') };
}

/** Waits until an instance's `/readyz` says it reaches both PostgreSQL and Redis. */
export async function waitUntilReady(origin: string): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          const response = await fetch(`${origin}/readyz`);
          return { status: response.status, body: (await response.json()) as unknown };
        } catch (error) {
          return { status: 0, body: String(error) };
        }
      },
      { message: `${origin}/readyz`, timeout: 30_000 },
    )
    .toEqual({ status: 200, body: { status: 'ready' } });
}
