/**
 * The command's answer, or a rejection once `timeoutMs` has passed. ioredis queues commands while it reconnects, so
 * without this a caller would wait for as long as Redis is away. The command itself is not cancelled and may still
 * run later.
 */
export async function withinTimeout<T>(command: Promise<T>, timeoutMs: number, what = 'Redis'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([command, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
