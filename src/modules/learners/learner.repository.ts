import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { visibleFields } from '../../common/auth/field-visibility';
import { Scope } from '../../common/auth/scope';
import { latinName } from '../../common/domain/latin-name';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort, SortTerm } from '../../common/http/sort';
import { maskBsn } from './bsn/bsn';
import { LearnerQueryDto } from './dto/learner-query.dto';
import { LearnerViewDto } from './dto/learner-view.dto';
import { nearerEndIdsSql, queryPage } from '../../database/paged-query';
import { preparedReads } from '../../database/prepared-query';
import { learnerScopeSql, seesAllLearners, teacherLearnerIdsSql } from '../../common/auth/learner-scope.sql';
import { learnerSearchSql } from './learner-search';

const SORTS = {
  lastName: 'l.last_name',
  firstName: 'l.first_name',
  learnerNumber: 'l.learner_number',
  dateOfBirth: 'l.date_of_birth',
  intakeDate: 'l.intake_date',
  createdAt: 'l.created_at',
};

/** Sorts the role may use: never by a field it may not see (the order would tell it). */
const sortsFor = (scope: Scope): Record<string, string> => visibleFields('learner', scope.role, SORTS);

/** The columns SORTS refers to, for the row sets the page is cut from. */
const SORT_COLUMNS = 'id, last_name, first_name, learner_number, date_of_birth, intake_date, created_at';

/** Never the BSN ciphertext or hash; dates as YYYY-MM-DD strings. */
const VIEW_COLUMNS = `l.id, l.learner_number AS "learnerNumber", l.first_name AS "firstName", l.last_name AS "lastName",
  to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", l.municipality_id AS "municipalityId",
  (SELECT json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code) FROM municipality mu WHERE mu.id = l.municipality_id) AS municipality,
  l.email, l.phone, l.street, l.postal_code AS "postalCode", l.city,
  l.country_of_origin AS "countryOfOrigin", l.native_language AS "nativeLanguage",
  to_char(l.intake_date, 'YYYY-MM-DD') AS "intakeDate", l.intake_levels AS "intakeLevels",
  l.bsn_last4 AS "bsnLast4", l.user_id AS "userId", l.version, l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;

type LearnerRow = Omit<LearnerViewDto, 'bsnMasked' | 'nameLatin'> & { bsnLast4: string | null };

/** The row as the caller's role may see it (src/common/auth/field-visibility.ts). */
function toView(row: LearnerRow, scope: Scope): LearnerViewDto {
  const { bsnLast4, ...rest } = row;
  const view: LearnerViewDto = { ...rest, nameLatin: latinName(rest.firstName, rest.lastName), bsnMasked: maskBsn(bsnLast4) };
  return visibleFields('learner', scope.role, view);
}

@Injectable()
export class LearnerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The total and the page in one prepared statement, both filtered by scope in SQL. */
  async findPageInScope(q: LearnerQueryDto, scope: Scope): Promise<Page<LearnerViewDto>> {
    const search = q.search?.trim();
    if (!search && scope.role === 'municipality' && scope.municipalityId) return this.findMunicipalityPage(q, scope);
    const params: unknown[] = [];
    // A teacher's learners are a few hundred: collected from its groups, like a search's matches.
    const collect = Boolean(search) || scope.role === 'teacher';
    const where = [scope.role === 'teacher' ? `l.id IN (${teacherLearnerIdsSql(scope, params)})` : learnerScopeSql(scope, params)];
    let municipalityParam: string | undefined;
    if (q.municipalityId) {
      params.push(q.municipalityId);
      municipalityParam = `$${params.length}`;
      where.push(`l.municipality_id = ${municipalityParam}`);
    }
    if (search) where.push(learnerSearchSql(search, params));
    const sort = parseSort(q.sort, sortsFor(scope), 'lastName,firstName');
    const whereSql = where.join(' AND ');
    // A search first collects its (few) matches through the trigram index, once for both the total and the
    // page: walking the name index and filtering would visit most of the table for a rare name.
    const matches = collect ? `matches AS MATERIALIZED (SELECT ${SORT_COLUMNS} FROM learner l WHERE ${whereSql})` : undefined;
    let countSql = collect ? `SELECT count(*)::int AS total FROM matches` : `SELECT count(*)::int AS total FROM learner l WHERE ${whereSql}`;
    if (!collect && seesAllLearners(scope)) {
      // Exact per-municipality counts kept by triggers (src/modules/learners/sql/koers_learner_count_*.sql) instead of counting every row.
      countSql = `SELECT coalesce(sum(c.learners), 0)::int AS total FROM learner_count c${municipalityParam ? ` WHERE c.municipality_id = ${municipalityParam}` : ''}`;
    }
    return this.queryPage(q, scope, sort, params, countSql, collect ? 'matches l' : 'learner l', collect ? 'TRUE' : whereSql, matches);
  }

  /**
   * A municipality's learners: those living there (in list order from ix_learner_municipality_name_id) and those
   * living elsewhere with a trajectory it pays (the kept learner.other_payers, src/modules/learners/sql/koers_learner_other_payers_fill.sql) —
   * the same rows as learnerScopeSql, without reading a trajectory row. The total is the kept learner_count of
   * the residents plus the (few) others.
   */
  private findMunicipalityPage(q: LearnerQueryDto, scope: Scope): Promise<Page<LearnerViewDto>> {
    const params: unknown[] = [scope.municipalityId];
    let filter = '';
    if (q.municipalityId) {
      params.push(q.municipalityId);
      filter = ` AND municipality_id = $${params.length}::uuid`;
    }
    const others = `other_payers @> ARRAY[$1::uuid] AND municipality_id <> $1::uuid${filter}`;
    // The residents' first `rows` in the walk's order (an index-only walk for the name order), so the planner
    // merges them with the sorted others; over the plain union it sorts every resident.
    const from = (orderBy: string, rows: string) => `((SELECT ${SORT_COLUMNS} FROM learner l WHERE l.municipality_id = $1::uuid${filter}
                     ORDER BY ${orderBy} LIMIT ${rows})
                   UNION ALL (SELECT ${SORT_COLUMNS} FROM learner WHERE ${others})) l`;
    const countSql = `SELECT ((SELECT coalesce(sum(learners), 0) FROM learner_count WHERE municipality_id = $1::uuid${filter})
                             + (SELECT count(*) FROM learner WHERE ${others}))::int AS total`;
    return this.queryPage(q, scope, parseSort(q.sort, sortsFor(scope), 'lastName,firstName'), params, countSql, from, 'TRUE');
  }

  /** Runs `countSql` and the page of the rows `from` + `where` (the same rows the count covers) in one statement. */
  private async queryPage(
    q: LearnerQueryDto,
    scope: Scope,
    sort: SortTerm[],
    params: unknown[],
    countSql: string,
    from: string | ((orderBy: string, rows: string) => string),
    where: string,
    withSql?: string,
  ): Promise<Page<LearnerViewDto>> {
    params.push(q.pageSize, offsetOf(q));
    // The page's ids first (an index-only walk of the sort index), then just those rows. LIMIT and OFFSET are
    // parameters so the statement text is the same for every page; `= ANY (ARRAY(...))` keeps the generic plan
    // on the primary key, where a join to the ids would be planned for an unknown number of rows.
    const ids = nearerEndIdsSql({
      id: 'l.id',
      from,
      where,
      order: sort,
      tiebreaker: 'l.id',
      limit: `$${params.length - 1}`,
      offset: `$${params.length}`,
    });
    const { total, rows } = await queryPage<LearnerRow>(
      preparedReads(this.db),
      countSql,
      `SELECT ${VIEW_COLUMNS}, row_number() OVER (ORDER BY ${orderBySql(sort, 'l.id')}) AS __n FROM learner l WHERE l.id = ANY (${ids})`,
      params,
      withSql,
    );
    return pageOf(rows.map((r) => toView(r, scope)), total, q);
  }

  async findOneInScope(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<LearnerViewDto | null> {
    const params: unknown[] = [id];
    const rows: LearnerRow[] = await m.query(`SELECT ${VIEW_COLUMNS} FROM learner l WHERE l.id = $1 AND ${learnerScopeSql(scope, params)}`, params);
    return rows.length ? toView(rows[0], scope) : null;
  }

  async findIdByBsnHash(hash: string, scope: Scope): Promise<string | null> {
    const params: unknown[] = [hash];
    const rows: Array<{ id: string }> = await this.db.query(`SELECT l.id FROM learner l WHERE l.bsn_hash = $1 AND ${learnerScopeSql(scope, params)}`, params);
    return rows[0]?.id ?? null;
  }

  async findBsnCiphertext(m: EntityManager, id: string, scope: Scope): Promise<{ ciphertext: string | null } | null> {
    const params: unknown[] = [id];
    const rows: Array<{ ciphertext: string | null }> = await m.query(
      `SELECT l.bsn_ciphertext AS ciphertext FROM learner l WHERE l.id = $1 AND ${learnerScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The current row, locked for the update that follows. */
  async lockForUpdate(m: EntityManager, id: string): Promise<{ firstName: string; lastName: string; dateOfBirth: string; intakeDate: string; version: number } | null> {
    const rows = await m.query(
      `SELECT first_name AS "firstName", last_name AS "lastName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
              to_char(intake_date, 'YYYY-MM-DD') AS "intakeDate", version
         FROM learner WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async municipalityExists(m: EntityManager, id: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM municipality WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Next free `L` + 6 digits; callers hold the learner-number advisory lock. */
  async nextLearnerNumber(m: EntityManager): Promise<string> {
    const [{ n }] = await m.query(
      `SELECT coalesce(max(substring(learner_number FROM 2)::int), 0) + 1 AS n FROM learner WHERE learner_number ~ '^L[0-9]{6}$'`,
    );
    return `L${String(n).padStart(6, '0')}`;
  }
}
