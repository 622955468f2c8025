import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { offsetOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { queryPage } from '../../database/paged-query';
import { TermWorklistItemDto, TermWorklistQueryDto } from './dto/term-worklist.dto';

const SORTS = { termEndDate: 'w.term_end', startDate: 'w.start_date' };

export type WorklistRow = Omit<TermWorklistItemDto, 'levels'>;

/** Unfinished wi2021 trajectories whose term (from the learner's first PIP date) ends on or before `until`. */
@Injectable()
export class TermWorklistRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findPage(q: TermWorklistQueryDto, today: string, until: string): Promise<{ total: number; rows: WorklistRow[] }> {
    const params: unknown[] = [today, until];
    let filter = '';
    if (q.municipalityId) {
      params.push(q.municipalityId);
      filter = `AND t.municipality_id = $${params.length}::uuid`;
    }
    const order = orderBySql(parseSort(q.sort, SORTS, 'termEndDate'), 'w.id');
    const withSql = `w AS MATERIALIZED (
        SELECT t.id, t.learner_id, t.municipality_id, t.product_id, t.status, t.start_date, t.contracted_hours, fp.first_pip,
               koers_wi2021_term_end('wi2021', fp.first_pip) AS term_end
          FROM trajectory t
          CROSS JOIN LATERAL (SELECT min(t1.pip_date) AS first_pip FROM trajectory t1
                               WHERE t1.learner_id = t.learner_id AND t1.legal_regime = 'wi2021') fp
         WHERE t.legal_regime = 'wi2021' AND t.status IN ('planned', 'active', 'suspended') AND fp.first_pip IS NOT NULL ${filter}
           AND koers_wi2021_term_end('wi2021', fp.first_pip) <= $2::date)`;
    return queryPage<WorklistRow>(
      this.db,
      `SELECT count(*)::int AS total FROM w`,
      `SELECT row_number() OVER (ORDER BY ${order}) AS __n, w.id AS "trajectoryId",
              json_build_object('id', l.id, 'learnerNumber', l.learner_number, 'firstName', l.first_name, 'lastName', l.last_name) AS learner,
              json_build_object('id', mu.id, 'name', mu.name, 'cbsCode', mu.cbs_code) AS municipality,
              p.name AS "productName", w.status, to_char(w.start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(w.first_pip, 'YYYY-MM-DD') AS "firstPipDate", to_char(w.term_end, 'YYYY-MM-DD') AS "termEndDate",
              (w.term_end - $1::date) AS "daysLeft",
              round(coalesce((SELECT sum(a.attended_minutes) FROM attendance_record a
                                WHERE a.learner_id = w.learner_id AND a.lesson_date <= $1::date), 0) / 60.0, 2)::float8 AS "attendedHours",
              w.contracted_hours AS "contractedHours",
              CASE WHEN p.participation_norm THEN round(koers_participation_minutes(w.id, $1::date) / 60.0, 2)::float8 END AS "participationHours"
         FROM w JOIN learner l ON l.id = w.learner_id JOIN municipality mu ON mu.id = w.municipality_id JOIN product p ON p.id = w.product_id
        ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
      withSql,
    );
  }
}
