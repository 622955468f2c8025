/**
 * Small concurrent HTTP load driver: N clients loop for T seconds per scenario, then p50/p95/p99 and throughput
 * are compared with the scenario's targets. Usage:
 *   npx ts-node -T bench/http-bench.ts --base http://127.0.0.1:3999 [--duration 15] [--only a,b] [--db postgres://…]
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { parseArgs } from 'util';
import { BenchRequest, BenchRole, Rand, Scenario, SCENARIOS, Targets } from './scenarios';
import { renderMarkdown } from './report';

/** BENCH_DEMO_PASSWORD: for a scale database seeded before the demo password changed (without BENCH_RESEED=1). */
const DEMO_PASSWORD = process.env.BENCH_DEMO_PASSWORD ?? 'koers-demo-2026';
const WARMUP_MS = 1_500;

export interface ScenarioResult {
  name: string;
  description: string;
  status: 'passed' | 'failed' | 'measured' | 'unavailable' | 'error';
  note?: string;
  concurrency: number;
  durationSec: number;
  requests: number;
  errors: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number } | null;
  targets: Targets;
  checks: Array<{ metric: string; target: string; actual: number; pass: boolean }>;
}

function rand(seed: number): Rand {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (a, b) => a + Math.floor(next() * (b - a + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

class HttpClient {
  private readonly agent: http.Agent;
  constructor(private readonly base: URL, sockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(req: BenchRequest, token: string | null): Promise<{ status: number; body: string; ms: number }> {
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const r = http.request(new URL(req.path, this.base), { method: req.method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
        res.on('error', reject);
      });
      r.on('error', reject);
      if (body) r.write(body);
      r.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (n: number): number => Math.round(n * 100) / 100;

function evaluate(t: Targets, lat: NonNullable<ScenarioResult['latencyMs']>, rps: number): ScenarioResult['checks'] {
  const checks: ScenarioResult['checks'] = [];
  for (const k of ['p50', 'p95', 'p99'] as const) if (t[k] !== undefined) checks.push({ metric: k, target: `≤ ${t[k]} ms`, actual: lat[k], pass: lat[k] <= t[k]! });
  if (t.minRps !== undefined) checks.push({ metric: 'throughput', target: `≥ ${t.minRps} req/s`, actual: rps, pass: rps >= t.minRps });
  return checks;
}

async function runScenario(s: Scenario, client: HttpClient, token: string | null, state: unknown, durationSec: number): Promise<ScenarioResult> {
  const base = { name: s.name, description: s.description, concurrency: s.concurrency, durationSec, targets: s.targets ?? {}, requests: 0, errors: 0, rps: 0, latencyMs: null, checks: [] };
  const probeReq = s.request(state, rand(1));
  const probe = await client.send(probeReq, token);
  if (probe.status === 404 || probe.status === 405) return { ...base, status: 'unavailable', note: `${probeReq.method} ${probeReq.path.split('?')[0]} answered ${probe.status} (route not built yet?)` };
  if (probe.status >= 300) return { ...base, status: 'error', note: `probe answered ${probe.status}: ${probe.body.slice(0, 200)}` };
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const warmupEnd = start + WARMUP_MS;
  const end = warmupEnd + durationSec * 1000;
  // Open loop (ratePerSec): request k is due at start + k/rate, whichever client is free takes it, and its latency
  // counts from when it was due, so time spent waiting for a free client is included (no coordinated omission).
  let next = 0;
  const due = (k: number): number => start + (k * 1000) / s.ratePerSec!;
  await Promise.all(Array.from({ length: s.concurrency }, async (_, i) => {
    const r = rand(1000 + i);
    for (;;) {
      let at = performance.now();
      if (s.ratePerSec) {
        at = due(next++);
        if (at >= end) break;
        const wait = at - performance.now();
        if (wait > 0) await new Promise((res) => setTimeout(res, wait));
      } else if (at >= end) break;
      const req = s.request(state, r);
      const res = await client.send(req, token).catch((e: Error) => ({ status: 0, body: e.message, ms: 0 }));
      if (at < warmupEnd) continue;
      if (res.status >= 200 && res.status < 300) latencies.push(s.ratePerSec ? performance.now() - at : res.ms);
      else {
        errors++;
        firstError ??= `${req.method} ${req.path} → ${res.status} ${res.body.slice(0, 160)}`;
      }
    }
  }));
  latencies.sort((a, b) => a - b);
  const lat = {
    p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)), max: round(latencies[latencies.length - 1] ?? NaN),
  };
  const requests = latencies.length + errors;
  // Open loop: the requests due in the window that were answered; falling behind shows in the latencies, which
  // count from when each request was due.
  const rps = round(latencies.length / durationSec);
  const checks = evaluate(s.targets ?? {}, lat, rps);
  const tooManyErrors = errors > requests * 0.01;
  return {
    ...base, requests, errors, rps, latencyMs: lat, checks,
    status: tooManyErrors || !checks.every((c) => c.pass) ? 'failed' : checks.length ? 'passed' : 'measured',
    ...(firstError ? { note: `${errors} errors; first: ${firstError}` } : {}),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, 'redis-down-base': { type: 'string' }, duration: { type: 'string' }, only: { type: 'string' }, db: { type: 'string' }, out: { type: 'string' } } });
  const base = new URL(values.base ?? 'http://127.0.0.1:3999');
  const duration = Number(values.duration ?? process.env.BENCH_DURATION ?? 15);
  const only = (values.only ?? process.env.BENCH_SCENARIOS ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const outDir = values.out ?? path.join(__dirname, 'results');
  const scenarios = SCENARIOS.filter((s) => !only.length || only.includes(s.name));
  const client = new HttpClient(base, Math.max(...scenarios.map((s) => s.concurrency), 1));
  const redisDownBase = values['redis-down-base'] ? new URL(values['redis-down-base']) : null;
  const redisDownClient = redisDownBase ? new HttpClient(redisDownBase, Math.max(...scenarios.map((s) => s.concurrency), 1)) : null;
  const db = values.db ? new Client({ connectionString: values.db }) : null;
  if (db) await db.connect();
  const tokens = new Map<BenchRole, string>();
  const tokenFor = async (role: BenchRole | null): Promise<string | null> => {
    if (!role) return null;
    if (!tokens.has(role)) {
      const res = await client.send({ method: 'POST', path: '/api/v1/auth/login', body: { email: `${role === 'municipality' ? 'enschede' : role}@koers.test`, password: DEMO_PASSWORD } }, null);
      if (res.status !== 200) throw new Error(`login as ${role}@koers.test failed (${res.status}): is the demo login in this database?`);
      tokens.set(role, JSON.parse(res.body).accessToken);
    }
    return tokens.get(role)!;
  };
  const results: ScenarioResult[] = [];
  try {
    for (const s of scenarios) {
      const d = s.durationSec ?? duration;
      process.stdout.write(`- ${s.name} (${s.concurrency} clients, ${d} s) … `);
      let r: ScenarioResult;
      try {
        const state = s.setup ? (db ? await s.setup(db) : undefined) : undefined;
        if (s.setup && !db) throw new Error('needs --db for its setup query');
        if (s.against === 'redis-down' && !redisDownClient) throw new Error('needs --redis-down-base (an API whose Redis is stopped; run.sh starts one)');
        r = await runScenario(s, s.against === 'redis-down' ? redisDownClient! : client, await tokenFor(s.role), state, d);
      } catch (e) {
        r = { name: s.name, description: s.description, status: 'error', note: (e as Error).message, concurrency: s.concurrency, durationSec: d, requests: 0, errors: 0, rps: 0, latencyMs: null, targets: s.targets ?? {}, checks: [] };
      }
      results.push(r);
      process.stdout.write(r.latencyMs ? `${r.status}: p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, ${r.rps} req/s${r.errors ? `, ${r.errors} errors` : ''}\n` : `${r.status}${r.note ? `: ${r.note}` : ''}\n`);
    }
  } finally {
    client.close();
    redisDownClient?.close();
    await db?.end();
  }
  const report = {
    date: new Date().toISOString(),
    command: process.env.BENCH_COMMAND ?? `npx ts-node -T bench/http-bench.ts ${process.argv.slice(2).join(' ')}`,
    base: base.toString(),
    database: values.db ? new URL(values.db).pathname.slice(1) : null,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg().map(round) },
    defaultDurationSec: duration,
    scenarios: results,
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'latest.md'), renderMarkdown(report));
  process.stdout.write(`Results: ${path.relative(process.cwd(), path.join(outDir, 'latest.md'))} and latest.json\n`);
  if (results.some((r) => r.status === 'failed' || r.status === 'error')) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench failed: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
