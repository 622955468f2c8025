import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';

/** The 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), 9 digits, not all zeros. */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(value[i]);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** `*****2782`: only the last four digits show. */
export const maskBsn = (last4: string | null): string | null => (last4 ? `*****${last4}` : null);

/** AES-256-GCM; stored as base64 iv.tag.ciphertext. */
export function encryptBsn(key: Buffer, bsn: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decryptBsn(key: Buffer, stored: string): string {
  const [iv, tag, data] = stored.split('.').map((p) => Buffer.from(p, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** Blind index: HMAC-SHA256 of the BSN, for exact lookup and the unique constraint. */
export const bsnHash = (hmacKey: string, bsn: string): string => createHmac('sha256', hmacKey).update(bsn).digest('hex');
