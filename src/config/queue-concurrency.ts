import { QUEUES } from '../jobs/job-types';

/**
 * Jobs one worker runs at once, per queue of src/jobs/job-types.ts, when neither WORKER_CONCURRENCY_<QUEUE> nor
 * WORKER_CONCURRENCY is set. signals: the nightly pass is one set-based statement over every trajectory; two at once
 * would only contend. A queue not named here gets FALLBACK_QUEUE_CONCURRENCY. (The documents queue has its own worker
 * and setting, DOCUMENT_CONCURRENCY.)
 */
export const DEFAULT_QUEUE_CONCURRENCY: Readonly<Record<string, number>> = { signals: 1, maintenance: 1 };
export const FALLBACK_QUEUE_CONCURRENCY = 2;
export const MAX_QUEUE_CONCURRENCY = 64;

const PREFIX = 'WORKER_CONCURRENCY_';
/** Queues with a worker of their own, outside QUEUES, and the setting they read instead. */
const OWN_SETTINGS: Readonly<Record<string, string>> = { WORKER_CONCURRENCY_DOCUMENTS: 'DOCUMENT_CONCURRENCY' };
export const concurrencyVariable = (queue: string): string => `${PREFIX}${queue.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/**
 * The concurrency of every queue in src/jobs/job-types.ts: its own WORKER_CONCURRENCY_<QUEUE>, else WORKER_CONCURRENCY
 * (the one setting of old, now a fallback), else the queue's default. A bad value, or a WORKER_CONCURRENCY_<X> that
 * names no queue (a typo would otherwise be ignored), is an error naming the variable.
 */
export function resolveQueueConcurrency(
  raw: Record<string, unknown>,
  fallback: number | undefined,
): { concurrency: Record<string, number>; errors: string[] } {
  const errors: string[] = [];
  const known = new Map<string, string>(QUEUES.map((q) => [concurrencyVariable(q), q]));
  for (const key of Object.keys(raw)) {
    if (key.startsWith(PREFIX) && !known.has(key)) {
      const own = OWN_SETTINGS[key];
      errors.push(own ? `${key} is not read: that queue's setting is ${own}` : `${key} names no queue (queues: ${QUEUES.join(', ')})`);
    }
  }
  const concurrency: Record<string, number> = {};
  for (const [variable, queue] of known) {
    const value = raw[variable];
    if (value === undefined || value === '') {
      concurrency[queue] = fallback ?? DEFAULT_QUEUE_CONCURRENCY[queue] ?? FALLBACK_QUEUE_CONCURRENCY;
      continue;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > MAX_QUEUE_CONCURRENCY) {
      errors.push(`${variable} must be a whole number from 1 to ${MAX_QUEUE_CONCURRENCY}`);
    } else {
      concurrency[queue] = n;
    }
  }
  return { concurrency, errors };
}
