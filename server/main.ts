import { readConfig } from './config.ts';
import { createConsoleLogger } from './logger.ts';
import { startServer } from './startServer.ts';
import { SchemaTooNewError } from './store/migrations.ts';
import { maskPassword, StoreUnavailableError } from './store/openStore.ts';

// The one entry file: reads the environment, opens storage, listens, and shuts down cleanly on signals.
const logger = createConsoleLogger();

try {
  const config = readConfig(process.env);
  const server = await startServer({ config, logger });
  logger.info(`Common Ground is running at ${server.url}`, {
    store: config.databaseUrl ? maskPassword(config.databaseUrl) : config.dataDir,
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  // A store that cannot be opened, or a schema from newer code, is an operator's problem: one line, no stack trace.
  if (error instanceof StoreUnavailableError || error instanceof SchemaTooNewError) {
    process.stderr.write(`Common Ground could not start: ${error.message}\n`);
  } else {
    logger.error(error instanceof Error ? error.message : 'could not start', { error });
  }
  process.exit(1);
}
