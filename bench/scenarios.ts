/**
 * Benchmark scenarios. Adding one is a few lines: a name, who calls it, how many clients, the request to send
 * (optionally built from rows looked up once in `setup`), and the latency targets. A route that answers 404 on the
 * first probe is reported as unavailable, so scenarios for endpoints still being built can be listed already.
 */
import { Client } from 'pg';

export type BenchRole = 'admin' | 'coordinator' | 'teacher' | 'finance' | 'municipality' | 'learner';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface Targets {
  p50?: number;
  p95?: number;
  p99?: number;
  /** Minimum requests per second. */
  minRps?: number;
}

export interface Rand {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export interface Scenario<S = unknown> {
  name: string;
  description: string;
  /** Demo login used for the bearer token; null = public route. */
  role: BenchRole | null;
  concurrency: number;
  /** Overrides the default duration (seconds). */
  durationSec?: number;
  /** Looks up what the requests need (ids, dates) in the benchmark database, once. */
  setup?: (db: Client) => Promise<S>;
  request: (state: S, rand: Rand) => BenchRequest;
  targets?: Targets;
}

const SEARCH_FRAGMENTS = ['celik', 'moham', 'olga', 'ahmad', 'wójc', 'şahin', 'haile', 'tesf', 'ольга', 'shevch', 'nowak', 'karimi', 'el amr', 'yılmaz'];

const define = <S>(s: Scenario<S>): Scenario => s as Scenario;

export const SCENARIOS: Scenario[] = [
  define({
    name: 'learner-search',
    description: 'GET /api/v1/learners?search=<common name fragment> (accent- and script-insensitive)',
    role: 'coordinator',
    concurrency: 10,
    request: (_s, r) => ({ method: 'GET', path: `/api/v1/learners?search=${encodeURIComponent(r.pick(SEARCH_FRAGMENTS))}&pageSize=20` }),
    targets: { p50: 30, p99: 100 },
  }),
  define({
    name: 'learner-list-page',
    description: 'GET /api/v1/learners?page=<random>&pageSize=20',
    role: 'coordinator',
    concurrency: 10,
    setup: async (db) => Number((await db.query('SELECT count(*)::int AS n FROM learner')).rows[0].n),
    request: (learners: number, r) => ({ method: 'GET', path: `/api/v1/learners?page=${r.int(1, Math.max(1, Math.floor(learners / 20)))}&pageSize=20` }),
    targets: { p50: 20 },
  }),
  define({
    name: 'trajectory-list-page',
    description: 'GET /api/v1/trajectories?page=<random>&pageSize=20',
    role: 'coordinator',
    concurrency: 10,
    request: (_s, r) => ({ method: 'GET', path: `/api/v1/trajectories?page=${r.int(1, 500)}&pageSize=20` }),
  }),
  define({
    name: 'municipalities-list',
    description: 'GET /api/v1/municipalities (baseline: a small authenticated read)',
    role: 'admin',
    concurrency: 10,
    durationSec: 5,
    request: () => ({ method: 'GET', path: '/api/v1/municipalities' }),
  }),
  define({
    name: 'health-ready',
    description: 'GET /health/ready (baseline: PostgreSQL and Redis ping, no auth)',
    role: null,
    concurrency: 10,
    durationSec: 5,
    request: () => ({ method: 'GET', path: '/health/ready' }),
  }),
  // Next (routes being built): register saves (PUT a lesson register from `setup`-selected lessons and enrolments),
  // attendance summaries per trajectory, the nightly signal pass. Add them here in the same shape.
];
