import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { CertificateFacts, CertificateKind } from './entities/certificate.entity';
import { CertificatePrint } from './pdf/certificate-renderer';

export interface PrintableCertificate extends CertificatePrint {
  id: string;
  revoked: boolean;
  firstName: string;
  lastName: string;
}

interface Row {
  id: string;
  number: string;
  kind: CertificateKind;
  verificationCode: string;
  issueDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  facts: CertificateFacts;
  revoked: boolean;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

const SELECT = `
  SELECT c.id, c.number, c.kind, c.verification_code AS "verificationCode", c.issue_date::text AS "issueDate",
         c.period_from::text AS "periodFrom", c.period_to::text AS "periodTo", c.facts, c.revoked_at IS NOT NULL AS revoked,
         l.first_name AS "firstName", l.last_name AS "lastName", l.date_of_birth::text AS "dateOfBirth"
    FROM certificate c JOIN learner l ON l.id = c.learner_id`;

/**
 * What the worker prints: the facts as issued, the holder's name and date of birth as they are now (a regeneration
 * after a correction prints the corrected name), the verification address from PUBLIC_BASE_URL.
 */
@Injectable()
export class CertificatePrintRepository {
  constructor(private readonly config: AppConfig) {}

  async one(m: EntityManager, id: string): Promise<PrintableCertificate | null> {
    const rows: Row[] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ? this.toPrint(rows[0]) : null;
  }

  /** The certificates of one bulk issue, in number order. */
  async batch(m: EntityManager, p: { groupId: string; year: number; fromSeq: number; toSeq: number }): Promise<PrintableCertificate[]> {
    const rows: Row[] = await m.query(`${SELECT} WHERE c.year = $1 AND c.seq BETWEEN $2 AND $3 AND c.group_id = $4 ORDER BY c.seq`, [p.year, p.fromSeq, p.toSeq, p.groupId]);
    return rows.map((r) => this.toPrint(r));
  }

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl.replace(/\/+$/, '')}/verify/${code}`;
  }

  private toPrint(r: Row): PrintableCertificate {
    return {
      id: r.id,
      revoked: r.revoked,
      firstName: r.firstName,
      lastName: r.lastName,
      kind: r.kind,
      number: r.number,
      verificationCode: r.verificationCode,
      verifyUrl: this.verifyUrl(r.verificationCode),
      issueDate: r.issueDate,
      holder: { fullName: `${r.firstName} ${r.lastName}`, dateOfBirth: r.dateOfBirth },
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      facts: r.facts,
    };
  }
}

/** A file name part without characters file systems or zip tools trip over. */
export const safeFileName = (s: string): string => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').trim();

export const certificateFileName = (c: Pick<PrintableCertificate, 'number' | 'holder'>): string => safeFileName(`Certificaat ${c.number} ${c.holder.fullName}.pdf`);
