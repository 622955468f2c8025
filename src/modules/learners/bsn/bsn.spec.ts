import { randomBytes } from 'crypto';
import { bsnHash, decryptBsn, encryptBsn, isValidBsn, maskBsn } from './bsn';

describe('BSN helpers', () => {
  describe('isValidBsn (11-test)', () => {
    it.each(['111222333', '123456782', '999999990', '010000008'])('accepts %s', (bsn) => {
      expect(isValidBsn(bsn)).toBe(true);
    });

    it.each([
      ['all zeros', '000000000'],
      ['fails the 11-test', '123456789'],
      ['one digit changed', '111222334'],
      ['too short', '11122233'],
      ['too long', '1112223330'],
      ['letters', '11122233a'],
      ['spaces', '111 222 333'],
      ['empty', ''],
    ])('refuses %s (%s)', (_why, bsn) => {
      expect(isValidBsn(bsn)).toBe(false);
    });

    it('subtracts the last digit rather than adding it', () => {
      // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 = 69; +3 = 72 (not ≡ 0), −3 = 66 ≡ 0 (mod 11)
      expect(isValidBsn('111222333')).toBe(true);
    });
  });

  it('masks all but the last four digits', () => {
    expect(maskBsn('2782')).toBe('*****2782');
    expect(maskBsn(null)).toBeNull();
  });

  describe('encryption', () => {
    const key = randomBytes(32);

    it('round-trips and never stores the plain value', () => {
      const sealed = encryptBsn(key, '111222333');
      expect(sealed).not.toContain('111222333');
      expect(sealed.split('.')).toHaveLength(3);
      expect(decryptBsn(key, sealed)).toBe('111222333');
    });

    it('uses a fresh IV each time', () => {
      expect(encryptBsn(key, '111222333')).not.toBe(encryptBsn(key, '111222333'));
    });

    it('refuses a wrong key or a tampered ciphertext', () => {
      const sealed = encryptBsn(key, '111222333');
      expect(() => decryptBsn(randomBytes(32), sealed)).toThrow();
      const [iv, tag, data] = sealed.split('.');
      const flipped = Buffer.from(data, 'base64');
      flipped[0] ^= 1;
      expect(() => decryptBsn(key, [iv, tag, flipped.toString('base64')].join('.'))).toThrow();
    });
  });

  it('derives a stable keyed blind index', () => {
    const k = 'x'.repeat(32);
    expect(bsnHash(k, '111222333')).toBe(bsnHash(k, '111222333'));
    expect(bsnHash(k, '111222333')).toMatch(/^[0-9a-f]{64}$/);
    expect(bsnHash(k, '111222333')).not.toBe(bsnHash('y'.repeat(32), '111222333'));
    expect(bsnHash(k, '111222333')).not.toBe(bsnHash(k, '123456782'));
  });
});
