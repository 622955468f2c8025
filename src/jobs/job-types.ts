/**
 * Queue names, job names and their payloads in one place. Payloads carry ids, never personal data.
 * A new queue is one line in QUEUES (plus its jobs in JOB_QUEUE): JobsModule registers it, JobQueueService finds it
 * by its token, and the worker runs it with WORKER_CONCURRENCY_<QUEUE> jobs at once (src/config/queue-concurrency.ts).
 */
export const QUEUES = ['signals', 'maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Nightly safety net: evaluate every active trajectory as of a date (YYYY-MM-DD). */
  'signals.nightly-pass': { asOf: string };
  /** Liveness probe for the worker; used by health checks and tests. */
  'maintenance.ping': { note: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'signals.nightly-pass': 'signals',
  'maintenance.ping': 'maintenance',
};

export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2_000;
export const JOB_KEEP_COMPLETED = 1_000;
export const JOB_KEEP_FAILED = 5_000;

export const JOB_DEFAULTS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: JOB_KEEP_COMPLETED,
  removeOnFail: JOB_KEEP_FAILED,
} as const;

/**
 * Documents have their own queue and worker (src/modules/documents/jobs/document-worker.ts: a lease per attempt,
 * hand-back on SIGTERM, DOCUMENT_CONCURRENCY), so a long document never delays the signal jobs.
 * The job id is the document row's id; the payload is that id only.
 */
export const DOCUMENTS_QUEUE = 'documents';
export const DOCUMENT_JOB_NAME = 'documents.generate';
export interface DocumentJobPayload {
  documentId: string;
}
