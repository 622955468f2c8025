import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { bsnHash, decryptBsn, encryptBsn } from './bsn';

export interface StoredBsn {
  bsnCiphertext: string | null;
  bsnHash: string | null;
  bsnLast4: string | null;
}

/** Holds the keys: encrypts a BSN for storage, derives its blind index, decrypts for an audited reveal. */
@Injectable()
export class BsnVault {
  constructor(private readonly config: AppConfig) {}

  seal(bsn: string | null): StoredBsn {
    if (!bsn) return { bsnCiphertext: null, bsnHash: null, bsnLast4: null };
    return { bsnCiphertext: encryptBsn(this.config.bsnEncryptionKey, bsn), bsnHash: this.hash(bsn), bsnLast4: bsn.slice(-4) };
  }

  hash(bsn: string): string {
    return bsnHash(this.config.bsnHmacKey, bsn);
  }

  open(ciphertext: string): string {
    return decryptBsn(this.config.bsnEncryptionKey, ciphertext);
  }
}
