import { ConfigValidationError, validateEnvironment } from './env.validation';
import { parseTrustProxy } from './trust-proxy';

const VALID = { BSN_ENCRYPTION_KEY: 'a'.repeat(64), BSN_HMAC_KEY: 'h'.repeat(32), JWT_SECRET: 'j'.repeat(32) };

describe('TRUST_PROXY', () => {
  it('is off by default and for off/false/empty', () => {
    expect(parseTrustProxy(validateEnvironment({ ...VALID }).TRUST_PROXY)).toBe(false);
    for (const v of ['off', 'false', '', ' OFF ']) expect(parseTrustProxy(v)).toBe(false);
  });

  it('reads a list of addresses, CIDRs and named ranges', () => {
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,fd00::/8,::1,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
  });

  it.each(['true', '*', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '::1/129', '1.2.3'])('refuses %j at start-up, naming the variable', (bad) => {
    expect(() => validateEnvironment({ ...VALID, TRUST_PROXY: bad })).toThrow(ConfigValidationError);
    expect(() => validateEnvironment({ ...VALID, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});
