import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportsDataSource } from '../../database/reports-data-source';
import type { SpilQueryParams } from './spil-report.repository';

export interface CertificateCountRow {
  municipalityId: string | null;
  kind: string;
  /** For `level` certificates the highest CEFR level stated; null for the other kinds. */
  level: string | null;
  n: number;
}

/** certificates_issued per kind and level. */
@Injectable()
export class SpilCertificatesRepository {
  constructor(@InjectReportsDataSource() private readonly db: DataSource) {}

  // TODO(certificates): read the certificate table once it is on main (being built in parallel).
  async issued(_p: SpilQueryParams): Promise<CertificateCountRow[]> {
    void this.db;
    return [];
  }
}
