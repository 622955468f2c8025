import { QUEUES } from '../jobs/job-types';
import { ConfigValidationError, validateEnvironment } from './env.validation';

const VALID = {
  BSN_ENCRYPTION_KEY: 'a'.repeat(64),
  BSN_HMAC_KEY: 'h'.repeat(32),
  JWT_SECRET: 'j'.repeat(32),
};

describe('validateEnvironment', () => {
  it('applies the documented defaults', () => {
    const env = validateEnvironment({ ...VALID });
    expect(env).toMatchObject({ PORT: 3000, DATABASE_POOL_SIZE: 10, REPORT_TIMEZONE: 'Europe/Amsterdam', QUEUE_PREFIX: 'koers' });
  });

  it('reads numbers from their text form', () => {
    expect(validateEnvironment({ ...VALID, PORT: '8080', DATABASE_POOL_SIZE: '4' })).toMatchObject({ PORT: 8080, DATABASE_POOL_SIZE: 4 });
  });

  it.each([
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ DATABASE_POOL_SIZE: 'many' }, 'DATABASE_POOL_SIZE'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BSN_ENCRYPTION_KEY: 'short' }, 'BSN_ENCRYPTION_KEY'],
  ])('names the bad variable %j', (bad, name) => {
    expect(() => validateEnvironment({ ...VALID, ...bad })).toThrow(ConfigValidationError);
    expect(() => validateEnvironment({ ...VALID, ...bad })).toThrow(name);
  });

  describe('worker concurrency per queue', () => {
    it('gives each queue its default when nothing is set', () => {
      const { queueConcurrency } = validateEnvironment({ ...VALID });
      expect(Object.keys(queueConcurrency).sort()).toEqual([...QUEUES].sort());
      expect(queueConcurrency).toMatchObject({ signals: 1, maintenance: 1 });
    });

    it('takes WORKER_CONCURRENCY_<QUEUE> for its queue and WORKER_CONCURRENCY as the fallback of the others', () => {
      expect(validateEnvironment({ ...VALID, WORKER_CONCURRENCY_SIGNALS: '3' }).queueConcurrency).toMatchObject({ signals: 3, maintenance: 1 });
      expect(validateEnvironment({ ...VALID, WORKER_CONCURRENCY: '4', WORKER_CONCURRENCY_MAINTENANCE: '2' }).queueConcurrency).toMatchObject({
        signals: 4,
        maintenance: 2,
      });
    });

    it.each([
      [{ WORKER_CONCURRENCY_SIGNALS: '0' }, 'WORKER_CONCURRENCY_SIGNALS must be a whole number from 1 to 64'],
      [{ WORKER_CONCURRENCY_SIGNALS: '1.5' }, 'WORKER_CONCURRENCY_SIGNALS must be a whole number from 1 to 64'],
      [{ WORKER_CONCURRENCY_MAINTENANCE: 'lots' }, 'WORKER_CONCURRENCY_MAINTENANCE must be a whole number from 1 to 64'],
      [{ WORKER_CONCURRENCY_SINGALS: '2' }, `WORKER_CONCURRENCY_SINGALS names no queue (queues: ${QUEUES.join(', ')})`],
      [{ WORKER_CONCURRENCY: '65' }, 'WORKER_CONCURRENCY'],
      [{ WORKER_CONCURRENCY_DOCUMENTS: '2' }, "WORKER_CONCURRENCY_DOCUMENTS is not read: that queue's setting is DOCUMENT_CONCURRENCY"],
    ])('refuses %j', (bad, message) => {
      expect(() => validateEnvironment({ ...VALID, ...bad })).toThrow(ConfigValidationError);
      expect(() => validateEnvironment({ ...VALID, ...bad })).toThrow(message);
    });
  });

  it('names a missing secret', () => {
    const { JWT_SECRET: _omitted, ...rest } = VALID;
    expect(() => validateEnvironment(rest)).toThrow(/JWT_SECRET/);
  });
});
