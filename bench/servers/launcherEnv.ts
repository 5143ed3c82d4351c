/** What every anchor launcher reads from its environment (set by bench/serverProcess.ts). */
export interface LauncherEnv {
  port: number;
  dataDir: string;
}

/** Reads PORT and DATA_DIR; throws a readable error when either is missing. */
export function readLauncherEnv(env: NodeJS.ProcessEnv): LauncherEnv {
  const port = Number(env.PORT);
  const dataDir = env.DATA_DIR ?? '';
  if (!Number.isInteger(port) || port <= 0 || dataDir === '') {
    throw new Error('launcher needs PORT and DATA_DIR');
  }
  return { port, dataDir };
}

/** The line the bench waits for on stdout, in the same words our server uses. */
export function announceReady(port: number): void {
  console.log(`running at http://127.0.0.1:${port}`);
}
