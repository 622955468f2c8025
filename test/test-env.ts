/** Settings for the test processes; real PostgreSQL and Redis on loopback unless overridden. */
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export function dbUrl(name: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * `name` as one of the two roles of src/database/database-roles.ts: the owner (migrations) or the application (what
 * the app under test connects as). The test roles' password is their name (set by the global setup), so this works
 * whether the server trusts loopback connections or asks for a password.
 */
export function roleUrl(name: string, role: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.username = role;
  u.password = role;
  u.pathname = `/${name}`;
  return u.toString();
}

export const TEST_SECRETS = {
  NODE_ENV: 'test',
  BSN_ENCRYPTION_KEY: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  BSN_HMAC_KEY: 'test-hmac-key-test-hmac-key-test-hmac-key',
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-test-jwt',
  LOG_LEVEL: 'silent',
  REDIS_URL: TEST_REDIS_URL,
};
