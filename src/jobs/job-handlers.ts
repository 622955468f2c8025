import { MetadataScanner } from '@nestjs/core';
import { Job } from 'bullmq';
import { JOB_HANDLER } from './job-handler.decorator';
import { JOB_QUEUE } from './job-types';

export type JobHandlerFn = (payload: unknown, job: Job) => Promise<unknown>;

export class JobWiringError extends Error {}

/**
 * The @JobHandler methods of these provider instances, by job name. Refuses (so the worker does not start) a job
 * with no handler, a job with two (which one ran would depend on discovery order), and a handler of an unknown job.
 */
export function collectJobHandlers(instances: Iterable<unknown>, jobNames: readonly string[] = Object.keys(JOB_QUEUE)): Map<string, JobHandlerFn> {
  const scanner = new MetadataScanner();
  const found = new Map<string, { fn: JobHandlerFn; where: string[] }>();
  for (const instance of instances) {
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const method of scanner.getAllMethodNames(proto)) {
      const fn = proto[method];
      const name = typeof fn === 'function' ? (Reflect.getMetadata(JOB_HANDLER, fn) as string | undefined) : undefined;
      if (!name) continue;
      const where = `${proto.constructor.name}.${method}`;
      const seen = found.get(name);
      if (seen) seen.where.push(where);
      else found.set(name, { fn: (fn as JobHandlerFn).bind(instance), where: [where] });
    }
  }
  const problems: string[] = [];
  const missing = jobNames.filter((n) => !found.has(n));
  if (missing.length) problems.push(`No handler for job(s): ${missing.join(', ')}`);
  for (const [name, { where }] of found) {
    if (where.length > 1) problems.push(`Job ${name} has ${where.length} handlers (${where.join(', ')}); keep one`);
    if (!jobNames.includes(name)) problems.push(`${where.join(', ')} handles job ${name}, which src/jobs/job-types.ts does not name`);
  }
  if (problems.length) throw new JobWiringError(problems.join('; '));
  return new Map([...found].map(([name, { fn }]) => [name, fn]));
}
