import { ChildProcess, spawn } from 'child_process';
import { spawnKoers, stopProcess, waitForOutput } from './processes';
import { TEST_SECRETS } from '../test-env';

/**
 * A redis-server of the test's own on a fixed `port` (so it can be stopped and started again at the same address),
 * without persistence: a restart is an empty Redis. Never the shared one.
 */
export async function startRedisOn(port: number): Promise<ChildProcess> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    proc.stdout?.on('data', (d: Buffer) => /Ready to accept connections/i.test(d.toString()) && (clearTimeout(timer), resolve()));
    proc.once('exit', () => reject(new Error(`redis-server on ${port} exited (port in use?)`)));
  });
  return proc;
}

export async function kill(proc: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: string | null; ms: number }> {
  if (!proc) return { code: null, signal: null, ms: 0 };
  return stopProcess(proc, signal);
}

/** A real worker process on the given settings, resolved once it has started. */
export async function startWorker(env: Record<string, string>): Promise<ChildProcess & { output: () => string }> {
  const proc = spawnKoers('worker', { ...TEST_SECRETS, LOG_LEVEL: 'warn', ...env });
  await waitForOutput(proc, /koers worker started/);
  return proc;
}
