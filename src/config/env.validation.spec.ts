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

  it('names a missing secret', () => {
    const { JWT_SECRET: _omitted, ...rest } = VALID;
    expect(() => validateEnvironment(rest)).toThrow(/JWT_SECRET/);
  });
});
