import { ChildProcess, spawn } from 'child_process';
import { AddressInfo, createServer } from 'net';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Our own redis-server (never the shared one), on its own port, without persistence. */
export async function startRedis(): Promise<{ url: string; proc: ChildProcess; kill(): Promise<void> }> {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    proc.stdout?.on('data', (d: Buffer) => {
      if (/Ready to accept connections/i.test(d.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', () => reject(new Error('redis-server exited')));
  });
  return { url: `redis://127.0.0.1:${port}/0`, proc, kill: () => stopProcess(proc, 'SIGKILL').then(() => undefined) };
}

/** Runs src/<entry>.ts as its own Node process (as `node dist/src/<entry>.js` would run in production). */
export function spawnKoers(entry: 'main' | 'worker', env: Record<string, string>): ChildProcess & { output: () => string } {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', `${entry}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  }) as ChildProcess & { output: () => string };
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  proc.output = () => out;
  return proc;
}

export function waitForOutput(proc: ChildProcess & { output: () => string }, pattern: RegExp, ms = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (pattern.test(proc.output())) {
        clearInterval(tick);
        resolve();
      } else if (proc.exitCode !== null || Date.now() - started > ms) {
        clearInterval(tick);
        reject(new Error(`process did not print ${pattern} (exit ${proc.exitCode}):\n${proc.output()}`));
      }
    }, 100);
  });
}

/** Sends `signal`; resolves with the exit code (or signal) and how long the process took to go. */
export function stopProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve({ code: proc.exitCode, signal: proc.signalCode, ms: 0 });
    proc.once('exit', (code, sig) => resolve({ code, signal: sig, ms: Date.now() - started }));
    proc.kill(signal);
  });
}
