/** Structured logging, one JSON object per line, so operators can grep and ship it. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

function serialise(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

/** Logs JSON lines to stdout/stderr. */
export function createConsoleLogger(): Logger {
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}): void => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, message };
    for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
    (level === 'info' ? process.stdout : process.stderr).write(`${JSON.stringify(entry)}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that discards everything, for tests that check behaviour rather than output. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
