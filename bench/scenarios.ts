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
  /** Open loop: the clients together start this many requests per second (see runScenario); else each loops. */
  ratePerSec?: number;
  /** Looks up what the requests need (ids, dates) in the benchmark database, once. */
  setup?: (db: Client) => Promise<S>;
  request: (state: S, rand: Rand) => BenchRequest;
  targets?: Targets;
  /** `redis-down`: sent to the second API, whose Redis the run stopped (run.sh, --redis-down-base); logins still go to the first. */
  against?: 'redis-down';
}

const SEARCH_FRAGMENTS = ['celik', 'moham', 'olga', 'ahmad', 'wójc', 'şahin', 'haile', 'tesf', 'ольга', 'shevch', 'nowak', 'karimi', 'el amr', 'yılmaz'];

type RegisterLesson = { id: string; learners: string[] };

/** Past, not cancelled lessons with 10–30 enrolled learners. */
const registerLessons = async (db: Client): Promise<RegisterLesson[]> =>
  (
    await db.query(
      `SELECT le.id, array_agg(t.learner_id ORDER BY t.learner_id) AS learners
         FROM lesson le
         JOIN enrolment e ON e.group_id = le.group_id AND e.from_date <= le.date AND (e.to_date IS NULL OR e.to_date >= le.date)
         JOIN trajectory t ON t.id = e.trajectory_id AND (t.end_date IS NULL OR t.end_date >= le.date)
        WHERE le.date < current_date - 1 AND NOT le.cancelled
        GROUP BY le.id HAVING count(*) BETWEEN 10 AND 30
        ORDER BY le.id LIMIT 4000`,
    )
  ).rows;

/** A whole register with a realistic mix: 80 % present, 8 % late, 6 % authorised, 6 % unauthorised absence. */
const registerRequest = (lessons: RegisterLesson[], r: Rand): BenchRequest => {
  const lesson = r.pick(lessons);
  const entries = lesson.learners.map((learnerId) => {
    const roll = r.int(1, 100);
    if (roll <= 80) return { learnerId, status: 'present' };
    if (roll <= 88) return { learnerId, status: 'late', minutesLate: r.int(5, 30) };
    if (roll <= 94) return { learnerId, status: 'absent_authorised', absenceReason: 'ziek gemeld' };
    return { learnerId, status: 'absent_unauthorised' };
  });
  return { method: 'PUT', path: `/api/v1/lessons/${lesson.id}/register`, body: { entries } };
};

/** A list read at a random page of 20; `countSql` (one row, column n) counts the rows the caller's list holds. */
const randomPage = (path: string, countSql: string): Pick<Scenario<number>, 'setup' | 'request'> => ({
  setup: async (db) => Number((await db.query(countSql)).rows[0].n),
  request: (rows, r) => ({ method: 'GET', path: `${path}?page=${r.int(1, Math.max(1, Math.ceil(rows / 20)))}&pageSize=20` }),
});

const define = <S>(s: Scenario<S>): Scenario => s as Scenario;

/** A fresh document request per call (a unique note), so every request inserts a row instead of finding an open one. */
let documentSeq = 0;
const documentRequest = (_s: unknown, r: Rand): BenchRequest => ({
  method: 'POST',
  path: '/api/v1/documents',
  body: { kind: 'pipeline.check', params: { note: `bench ${process.pid} ${++documentSeq} ${r.int(0, 1e9)}` } },
});
/** Earlier runs' bench requests (nothing makes them: no worker runs during the bench). */
const clearBenchDocuments = async (db: Client): Promise<void> => {
  await db.query(`DELETE FROM document WHERE kind = 'pipeline.check' AND params->>'note' LIKE 'bench %'`);
};

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
    ...randomPage('/api/v1/learners', 'SELECT count(*)::int AS n FROM learner'),
    targets: { p50: 20 },
  }),
  define({
    name: 'learner-list-page-1-client',
    description: 'GET /api/v1/learners?page=<random>&pageSize=20 from a single client (the issue gives no concurrency for this target)',
    role: 'coordinator',
    concurrency: 1,
    ...randomPage('/api/v1/learners', 'SELECT count(*)::int AS n FROM learner'),
    targets: { p50: 20 },
  }),
  define({
    name: 'learner-list-municipality',
    description: "GET /api/v1/learners?page=<random>&pageSize=20 as enschede@koers.test (its residents and the learners elsewhere it pays for)",
    role: 'municipality',
    concurrency: 10,
    ...randomPage('/api/v1/learners', `SELECT count(*)::int AS n FROM learner l, app_user u WHERE u.email = 'enschede@koers.test'
                           AND (l.municipality_id = u.municipality_id OR EXISTS (SELECT 1 FROM trajectory t WHERE t.learner_id = l.id AND t.municipality_id = u.municipality_id))`),
    targets: { p50: 20 },
  }),
  define({
    name: 'learner-list-teacher',
    description: "GET /api/v1/learners?page=<random>&pageSize=20 as teacher@koers.test (learners of its groups, current or past)",
    role: 'teacher',
    concurrency: 10,
    ...randomPage('/api/v1/learners', `SELECT count(DISTINCT t.learner_id)::int AS n FROM app_user u JOIN group_teacher gt ON gt.user_id = u.id
                            JOIN enrolment e ON e.group_id = gt.group_id JOIN trajectory t ON t.id = e.trajectory_id WHERE u.email = 'teacher@koers.test'`),
    targets: { p50: 20 },
  }),
  define({
    name: 'lesson-list-teacher',
    description: "GET /api/v1/lessons?page=<random>&pageSize=20 as teacher@koers.test (lessons of its groups and those it teaches)",
    role: 'teacher',
    concurrency: 10,
    ...randomPage('/api/v1/lessons', `SELECT count(*)::int AS n FROM lesson l, app_user u WHERE u.email = 'teacher@koers.test'
                           AND (l.teacher_id = u.id OR EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = u.id))`),
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
  define({
    name: 'register-save-max',
    description: 'The same registers, 20 clients each sending the next as soon as the last is answered (closed loop): the most this machine does',
    role: 'coordinator',
    concurrency: 20,
    durationSec: 15,
    setup: registerLessons,
    request: registerRequest,
  }),
  define({
    name: 'register-save',
    description:
      'PUT /api/v1/lessons/:id/register: a whole register of a past lesson (~20 learners), incl. signal evaluation; 20 clients sending 300 registers/s between them (open loop, latency from when each request was due)',
    role: 'coordinator',
    concurrency: 20,
    durationSec: 30,
    ratePerSec: 300,
    setup: registerLessons,
    request: registerRequest,
    targets: { p50: 20, p99: 80, minRps: 300 },
  }),
  define({
    name: 'attendance-summary',
    description: "GET /api/v1/trajectories/:id/attendance over the last year (one learner's summary)",
    role: 'coordinator',
    concurrency: 10,
    setup: async (db) => (await db.query(`SELECT id FROM trajectory ORDER BY random() LIMIT 5000`)).rows.map((x: { id: string }) => x.id),
    request: (ids: string[], r) => {
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      return { method: 'GET', path: `/api/v1/trajectories/${r.pick(ids)}/attendance?from=${from}&to=${to}` };
    },
    targets: { p50: 20 },
  }),
  define({
    name: 'document-request',
    description: 'POST /api/v1/documents (pipeline.check): the request row written, the job enqueued after commit; 202 with the document',
    role: 'admin',
    concurrency: 10,
    setup: clearBenchDocuments,
    request: documentRequest,
    targets: { p50: 20 },
  }),
  define({
    name: 'document-request-redis-down',
    description: 'The same POST /api/v1/documents against an API whose Redis is down: still 202 (the reconciler enqueues later)',
    role: 'admin',
    concurrency: 10,
    against: 'redis-down',
    setup: clearBenchDocuments,
    request: documentRequest,
    targets: { p50: 20 },
  }),
  define({
    name: 'missing-registers',
    description: 'GET /api/v1/attendance/missing-registers: every past lesson of the region without a complete register (no date bound), a coordinator paging the list',
    role: 'coordinator',
    concurrency: 2,
    durationSec: 10,
    request: (_s, r) => ({ method: 'GET', path: `/api/v1/attendance/missing-registers?pageSize=20&page=${r.int(1, 5)}` }),
  }),
];
