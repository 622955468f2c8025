import { randomBytes } from 'crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters from 10 random bytes: exactly 80 bits, not guessable, easy to type over. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A code as typed or scanned (lower case, with dashes or spaces) to its stored form, or null when it cannot be one. */
export function normaliseVerificationCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z2-7]{16}$/.test(code) ? code : null;
}

export const certificateNumber = (year: number, seq: number): string => `CERT-${year}-${String(seq).padStart(6, '0')}`;
