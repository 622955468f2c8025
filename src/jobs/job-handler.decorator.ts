import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-types';

export const JOB_HANDLER = 'koers:job-handler';

/** Marks a provider method as the handler of a job; the worker finds it at startup. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);
