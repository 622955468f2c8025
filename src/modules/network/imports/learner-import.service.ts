import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../../../common/auth/scope';
import { addWeeks } from '../../../common/domain/calendar';
import { NetworkConflictException } from '../network.exception';
import { BsnVault } from '../../learners/bsn/bsn-vault.service';
import { searchKey } from '../../learners/name-folding';
import { Table } from './spreadsheet-reader';
import { ImportRecord, ImportRepository, ImportRowRecord } from './import.repository';
import { validateLearnerRows } from './learner-import.validator';

const ROUTE_LABEL: Record<string, string> = { 'B1-ROUTE': 'B1-route', ONDERWIJSROUTE: 'Onderwijsroute', 'Z-ROUTE': 'Z-route' };

interface Offer {
  productCode: string;
  productId: string;
  contractId: string;
  contractedHours: number;
  plannedDurationWeeks: number;
  defaultTargets: Record<string, string>;
}

/** The learner list's dry run (rows against the database) and its commit. */
@Injectable()
export class LearnerImportService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly vault: BsnVault,
  ) {}

  /** Products the municipality's contract valid on `day` offers, by product code. */
  private async offers(m: EntityManager, municipalityId: string, day: string): Promise<Map<string, Offer>> {
    const rows: Offer[] = await m.query(
      `SELECT DISTINCT ON (p.code) p.code AS "productCode", p.id AS "productId", c.id AS "contractId", p.contracted_hours AS "contractedHours",
              p.planned_duration_weeks AS "plannedDurationWeeks", p.default_targets AS "defaultTargets"
         FROM contract c JOIN contract_product cp ON cp.contract_id = c.id JOIN product p ON p.id = cp.product_id
        WHERE c.municipality_id = $1 AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to >= $2::date) AND p.active
        ORDER BY p.code, c.valid_from DESC, c.id`,
      [municipalityId, day],
    );
    return new Map(rows.map((r) => [r.productCode, r]));
  }

  /** Checks every row: refused (field + reason), already known by the BSN's blind index, or new. */
  async dryRun(m: EntityManager, imp: ImportRecord, table: Table, today: string): Promise<ImportRowRecord[]> {
    const validated = validateLearnerRows(table, today);
    const hashes = new Map<string, string>();
    for (const r of validated) if (r.value) hashes.set(r.value.bsn, this.vault.hash(r.value.bsn));
    const known = new Map<string, { id: string; learnerNumber: string; name: string }>();
    const found: Array<{ id: string; bsnHash: string; learnerNumber: string; name: string }> = await m.query(
      `SELECT id, bsn_hash AS "bsnHash", learner_number AS "learnerNumber", first_name || ' ' || last_name AS name FROM learner WHERE bsn_hash = ANY ($1::varchar[])`,
      [[...hashes.values()]],
    );
    for (const f of found) known.set(f.bsnHash, f);
    const offers = await this.offers(m, imp.municipalityId, today);
    return validated.map((r): ImportRowRecord => {
      if (!r.value) return { line: r.line, outcome: 'refused', problems: r.problems, value: null, learnerId: null, label: '' };
      const v = r.value;
      const label = `${v.firstName} ${v.lastName}`;
      const hash = hashes.get(v.bsn)!;
      const k = known.get(hash);
      if (k) return { line: r.line, outcome: 'known', problems: [], value: null, learnerId: k.id, label: `${label} (al bekend als ${k.learnerNumber})` };
      const offer = offers.get(v.productCode);
      if (!offer) {
        return {
          line: r.line,
          outcome: 'refused',
          problems: [{ field: 'leerroute', reason: `De gemeente heeft geen geldig contract voor de ${ROUTE_LABEL[v.productCode]}` }],
          value: null,
          learnerId: null,
          label,
        };
      }
      const sealed = this.vault.seal(v.bsn);
      const { bsn: _plain, ...rest } = v;
      return { line: r.line, outcome: 'new', problems: [], value: { ...rest, ...sealed }, learnerId: null, label };
    });
  }

  /**
   * Applies the dry run's new rows: learners and planned trajectories, in the caller's transaction. A BSN that became
   * known since the dry run, or a contract no longer valid, refuses the whole commit (run the import again).
   */
  async commit(m: EntityManager, imp: ImportRecord, scope: Scope, today: string): Promise<Record<string, number>> {
    const rows = await this.imports.rows(imp.id, m, 'new');
    if (!rows.length) return { created: 0 };
    const values = rows.map((r) => r.value as Record<string, string | null>);
    const clash = await m.query(`SELECT count(*)::int AS n FROM learner WHERE bsn_hash = ANY ($1::varchar[])`, [values.map((v) => v.bsnHash)]);
    if (clash[0].n > 0) {
      throw new NetworkConflictException('import_outdated', `${clash[0].n} BSN('s) uit de proefimport zijn intussen bekend; laad het bestand opnieuw op voor een nieuwe proefimport`);
    }
    const offers = await this.offers(m, imp.municipalityId, today);
    for (const v of values) {
      if (!offers.has(v.productCode!)) {
        throw new NetworkConflictException('import_outdated', `Het contract voor de ${ROUTE_LABEL[v.productCode!]} is niet meer geldig; laad het bestand opnieuw op`);
      }
    }
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('koers.learner_number'))`);
    const [{ n }] = await m.query(`SELECT coalesce(max(substring(learner_number FROM 2)::int), 0) + 1 AS n FROM learner WHERE learner_number ~ '^L[0-9]{6}$'`);
    const numbers = values.map((_, i) => `L${String(n + i).padStart(6, '0')}`);
    const learnerIds: string[] = [];
    for (let i = 0; i < values.length; i += 2000) {
      const chunk = values.slice(i, i + 2000);
      const res: Array<{ id: string }> = await m.query(
        `INSERT INTO learner (learner_number, first_name, last_name, search_text, date_of_birth, municipality_id, email, phone, intake_date, intake_levels,
                              bsn_ciphertext, bsn_hash, bsn_last4)
         SELECT x.nr, x.fn, x.ln, x.st, x.dob, $1, x.em, x.ph, $2::date, '{}'::jsonb, x.ct, x.bh, x.l4
           FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::date[], $8::varchar[], $9::varchar[], $10::text[], $11::varchar[], $12::varchar[])
                WITH ORDINALITY AS x(nr, fn, ln, st, dob, em, ph, ct, bh, l4, ord)
          ORDER BY x.ord
         RETURNING id`,
        [
          imp.municipalityId,
          today,
          numbers.slice(i, i + 2000),
          chunk.map((v) => v.firstName),
          chunk.map((v) => v.lastName),
          chunk.map((v) => searchKey(v.firstName, v.lastName)),
          chunk.map((v) => v.dateOfBirth),
          chunk.map((v) => v.email),
          chunk.map((v) => v.phone),
          chunk.map((v) => v.bsnCiphertext),
          chunk.map((v) => v.bsnHash),
          chunk.map((v) => v.bsnLast4),
        ],
      );
      learnerIds.push(...res.map((r) => r.id));
    }
    // INSERT ... SELECT ... ORDER BY keeps the RETURNING order in practice; match by blind index to be sure.
    const byHash = new Map<string, string>(
      (await m.query(`SELECT id, bsn_hash AS h FROM learner WHERE id = ANY ($1::uuid[])`, [learnerIds])).map((r: { id: string; h: string }) => [r.h, r.id]),
    );
    const ids = values.map((v) => byHash.get(v.bsnHash!)!);
    await m.query(
      `INSERT INTO trajectory (learner_id, municipality_id, contract_id, product_id, status, legal_regime, start_date, planned_end_date, pip_date, contracted_hours, target_levels)
       SELECT x.lid, $1, x.cid, x.pid, 'planned', x.reg, $2::date, x.pend, x.pip, x.hrs, x.tgt
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::date[], $8::date[], $9::int[], $10::jsonb[]) AS x(lid, cid, pid, reg, pend, pip, hrs, tgt)`,
      [
        imp.municipalityId,
        today,
        ids,
        values.map((v) => offers.get(v.productCode!)!.contractId),
        values.map((v) => offers.get(v.productCode!)!.productId),
        values.map((v) => v.legalRegime),
        values.map((v) => addWeeks(today, offers.get(v.productCode!)!.plannedDurationWeeks)),
        values.map((v) => v.pipDate),
        values.map((v) => offers.get(v.productCode!)!.contractedHours),
        values.map((v) => JSON.stringify(offers.get(v.productCode!)!.defaultTargets)),
      ],
    );
    await this.imports.setRowLearners(m, imp.id, rows.map((r, i) => ({ line: r.line, learnerId: ids[i] })));
    // One audit event per created learner and trajectory, written in bulk.
    await m.query(
      `INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, fields, request_id)
       SELECT $1, $2, 'create', e.type, e.id, ARRAY['import:' || $3::text], $4
         FROM (SELECT 'learner' AS type, id::text AS id FROM unnest($5::uuid[]) id
               UNION ALL SELECT 'trajectory', t.id::text FROM trajectory t WHERE t.learner_id = ANY ($5::uuid[])) e`,
      [scope.userId, scope.role, imp.id, scope.requestId ?? null, ids],
    );
    return { created: ids.length };
  }
}
