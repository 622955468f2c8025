import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { certificateNumber, newVerificationCode } from './certificate-code';
import { CertificateDto, CertificateQueryDto } from './dto/certificate.dto';
import { CertificateFacts, CertificateKind } from './entities/certificate.entity';
import { withLatinName } from '../../common/domain/latin-name';

export interface NewCertificate {
  kind: CertificateKind;
  learnerId: string;
  trajectoryId: string;
  groupId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  facts: CertificateFacts;
}

const SORTS = { issueDate: 'c.issue_date, c.seq', number: 'c.year, c.seq', kind: 'c.kind', lastName: 'l.last_name, l.first_name' };

const SELECT = `
  SELECT c.id, c.number, c.kind, c.issue_date::text AS "issueDate", c.period_from::text AS "periodFrom", c.period_to::text AS "periodTo",
         c.facts, c.verification_code AS "verificationCode", CASE WHEN c.revoked_at IS NULL THEN 'valid' ELSE 'revoked' END AS status,
         c.revoked_at AS "revokedAt", c.revocation_reason AS "revocationReason", c.regenerated_at AS "regeneratedAt",
         c.trajectory_id AS "trajectoryId", t.municipality_id AS "municipalityId", c.group_id AS "groupId", c.document_id AS "documentId", c.issued_by AS "issuedBy",
         c.created_at AS "createdAt",
         json_build_object('id', l.id, 'learnerNumber', l.learner_number, 'firstName', l.first_name, 'lastName', l.last_name,
                           'dateOfBirth', l.date_of_birth::text) AS learner
    FROM certificate c
    JOIN learner l ON l.id = c.learner_id
    JOIN trajectory t ON t.id = c.trajectory_id`;

const withHolderLatinName = (c: CertificateDto): CertificateDto => ({ ...c, learner: withLatinName(c.learner) });

@Injectable()
export class CertificateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Inserts certificates numbered consecutively in the year of `issueDate`. The counter row is bumped by the count in
   * one statement, so its lock serialises concurrent issues until commit and a rollback gives the numbers back: the
   * numbers of a year have no gaps and are never used twice.
   */
  async insertNumbered(m: EntityManager, issueDate: string, issuedBy: string | null, items: NewCertificate[]): Promise<Array<{ id: string; number: string }>> {
    if (!items.length) return [];
    const year = Number(issueDate.slice(0, 4));
    const [{ last }]: Array<{ last: number }> = await m.query(
      `INSERT INTO certificate_counter (year, last_number) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_number = certificate_counter.last_number + EXCLUDED.last_number
       RETURNING last_number AS last`,
      [year, items.length],
    );
    const first = last - items.length + 1;
    const numbers = items.map((_, i) => first + i);
    return m.query(
      `INSERT INTO certificate (number, year, seq, verification_code, kind, learner_id, trajectory_id, group_id, issue_date,
                                period_from, period_to, facts, issued_by)
       SELECT x.number, $1, x.seq, x.code, x.kind, x.learner_id, x.trajectory_id, x.group_id, $2::date, x.period_from, x.period_to, x.facts, $3
         FROM unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::uuid[], $11::date[], $12::date[], $13::jsonb[])
              WITH ORDINALITY AS x(number, seq, code, kind, learner_id, trajectory_id, group_id, period_from, period_to, facts, ord)
        ORDER BY x.ord
       RETURNING id, number`,
      [
        year,
        issueDate,
        issuedBy,
        numbers.map((n) => certificateNumber(year, n)),
        numbers,
        items.map(() => newVerificationCode()),
        items.map((c) => c.kind),
        items.map((c) => c.learnerId),
        items.map((c) => c.trajectoryId),
        items.map((c) => c.groupId),
        items.map((c) => c.periodFrom),
        items.map((c) => c.periodTo),
        items.map((c) => JSON.stringify(c.facts)),
      ],
    );
  }

  async setDocument(m: EntityManager, ids: string[], documentId: string, regenerated = false): Promise<void> {
    await m.query(
      `UPDATE certificate SET document_id = $2, updated_at = now()${regenerated ? ', regenerated_at = now()' : ''} WHERE id = ANY($1::uuid[])`,
      [ids, documentId],
    );
  }

  /** One certificate if the caller may see it (scope of its trajectory), else null (404). */
  async findVisible(id: string, scope: Scope, m: EntityManager = this.db.manager, lock = false): Promise<CertificateDto | null> {
    const params: unknown[] = [id];
    const rows: CertificateDto[] = await m.query(
      `${SELECT} WHERE c.id = $1 AND ${trajectoryScopeSql(scope, params)}${lock ? ' FOR UPDATE OF c' : ''}`,
      params,
    );
    return rows[0] ? withHolderLatinName(rows[0]) : null;
  }

  async findByIds(ids: string[], m: EntityManager = this.db.manager): Promise<CertificateDto[]> {
    const rows: CertificateDto[] = await m.query(`${SELECT} WHERE c.id = ANY($1::uuid[]) ORDER BY c.year, c.seq`, [ids]);
    return rows.map(withHolderLatinName);
  }

  async findPage(q: CertificateQueryDto, scope: Scope): Promise<Page<CertificateDto>> {
    const params: unknown[] = [];
    const where = [trajectoryScopeSql(scope, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (q.learnerId) add('c.learner_id = ?::uuid', q.learnerId);
    if (q.trajectoryId) add('c.trajectory_id = ?::uuid', q.trajectoryId);
    if (q.groupId) add('c.group_id = ?::uuid', q.groupId);
    if (q.kind) add('c.kind = ?', q.kind);
    if (q.status === 'valid') where.push('c.revoked_at IS NULL');
    if (q.status === 'revoked') where.push('c.revoked_at IS NOT NULL');
    if (q.from) add('c.issue_date >= ?::date', q.from);
    if (q.to) add('c.issue_date <= ?::date', q.to);
    if (q.number) add('c.number = ?', q.number.toUpperCase());
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const order = orderBySql(parseSort(q.sort, SORTS, '-issueDate'), 'c.id');
    const countParams = [...params];
    params.push(q.pageSize, offsetOf(q));
    const [items, [{ total }]] = await Promise.all([
      this.db.query(`${SELECT} ${whereSql} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params) as Promise<CertificateDto[]>,
      this.db.query(
        `SELECT count(*)::int AS total FROM certificate c JOIN learner l ON l.id = c.learner_id JOIN trajectory t ON t.id = c.trajectory_id ${whereSql}`,
        countParams,
      ) as Promise<Array<{ total: number }>>,
    ]);
    return pageOf(items.map(withHolderLatinName), total, q);
  }

  async revoke(m: EntityManager, id: string, reason: string, by: string): Promise<void> {
    await m.query(`UPDATE certificate SET revoked_at = now(), revocation_reason = $2, revoked_by = $3, updated_at = now() WHERE id = $1`, [id, reason, by]);
  }

  /** Trajectory → number of the valid completion certificate it holds. */
  async validCompletions(m: EntityManager, trajectoryIds: string[]): Promise<Map<string, string>> {
    const rows: Array<{ trajectoryId: string; number: string }> = await m.query(
      `SELECT trajectory_id AS "trajectoryId", number FROM certificate
        WHERE trajectory_id = ANY($1::uuid[]) AND kind = 'completion' AND revoked_at IS NULL`,
      [trajectoryIds],
    );
    return new Map(rows.map((r) => [r.trajectoryId, r.number]));
  }

  /** The public view: found by code only, holder reduced to initials and surname. */
  async findForVerification(code: string): Promise<VerificationRow | null> {
    const rows: VerificationRow[] = await this.db.query(
      `SELECT c.number, c.kind, c.issue_date::text AS "issueDate", c.period_from::text AS "periodFrom", c.period_to::text AS "periodTo",
              c.facts, c.revoked_at AS "revokedAt", l.first_name AS "firstName", l.last_name AS "lastName"
         FROM certificate c JOIN learner l ON l.id = c.learner_id
        WHERE c.verification_code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}

export interface VerificationRow {
  number: string;
  kind: CertificateKind;
  issueDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  facts: CertificateFacts;
  revokedAt: Date | null;
  firstName: string;
  lastName: string;
}
