/** A stop signal ends the process within this, graceful or not (orchestrators send SIGKILL after 10-30 s). */
export const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * Nest's shutdown hooks close the HTTP server, the queues and the database pool in order; with Redis or PostgreSQL
 * unreachable those closes can wait for ever (a queue's QUIT, a pool waiting on a connect). After a stop signal this
 * gives them SHUTDOWN_DEADLINE_MS and then exits with status 1. Install after app.enableShutdownHooks().
 */
export function exitWithinDeadline(processName: string, ms = SHUTDOWN_DEADLINE_MS): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      const timer = setTimeout(() => {
        process.stderr.write(`koers ${processName}: ${signal} but shutdown had not finished after ${ms} ms (a dependency is unreachable); exiting\n`);
        process.exit(1);
      }, ms);
      timer.unref();
    });
  }
}
