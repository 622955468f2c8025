import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { orderBySql, parseSort } from '../../common/http/sort';
import { AssessmentDto } from './dto/assessment.dto';
import { AssessmentQueryDto } from './dto/assessment-query.dto';
import { Assessment } from './entities/assessment.entity';

const SORTS = { date: 'a.date', skill: 'a.skill', createdAt: 'a.created_at', level: 'a.level_index' };

const SELECT = `
  SELECT a.id, a.learner_id AS "learnerId", a.trajectory_id AS "trajectoryId", a.skill, a.date::text AS date, a.instrument,
         a.level, a.level_index AS "levelIndex", a.passed, a.is_exam AS "isExam", a.assessor_id AS "assessorId",
         u.display_name AS "assessorName", a.note, a.created_at AS "createdAt"
    FROM assessment a LEFT JOIN app_user u ON u.id = a.assessor_id`;

/**
 * DOMAIN.md "Who sees what": a municipality sees the assessments dated within a trajectory it pays (start to end, or
 * today), not those of a learner's time in a trajectory another municipality pays, even when the learner lives in M.
 * Other roles: no further condition (their learner scope decides). Pushes its parameters onto `params`.
 */
export function assessmentScopeSql(scope: Scope, params: unknown[], alias = 'a'): string {
  if (scope.role !== 'municipality') return 'TRUE';
  if (!scope.municipalityId) return 'FALSE';
  params.push(scope.municipalityId);
  return `EXISTS (SELECT 1 FROM trajectory pt WHERE pt.learner_id = ${alias}.learner_id AND pt.municipality_id = $${params.length}::uuid
                   AND ${alias}.date >= pt.start_date AND ${alias}.date <= coalesce(pt.end_date, current_date))`;
}

@Injectable()
export class AssessmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, values: Partial<Assessment>): Promise<string> {
    const res = await m.insert(Assessment, values);
    return (res.identifiers[0] as { id: string }).id;
  }

  async findById(id: string, m: EntityManager = this.db.manager): Promise<AssessmentDto | null> {
    const rows: AssessmentDto[] = await m.query(`${SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The learner of an assessment the caller may see (assessmentScopeSql), to check its learner scope next. */
  async findLearnerId(id: string, scope: Scope, m: EntityManager = this.db.manager): Promise<string | null> {
    const params: unknown[] = [id];
    const rows: { learnerId: string }[] = await m.query(`SELECT a.learner_id AS "learnerId" FROM assessment a WHERE a.id = $1 AND ${assessmentScopeSql(scope, params)}`, params);
    return rows[0]?.learnerId ?? null;
  }

  async delete(m: EntityManager, id: string): Promise<boolean> {
    const res = await m.delete(Assessment, { id });
    return !!res.affected;
  }

  async trajectoryBelongsTo(m: EntityManager, trajectoryId: string, learnerId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM trajectory WHERE id = $1 AND learner_id = $2`, [trajectoryId, learnerId]);
    return rows.length > 0;
  }

  async findPageForLearner(learnerId: string, q: AssessmentQueryDto, scope: Scope): Promise<Page<AssessmentDto>> {
    const params: unknown[] = [learnerId];
    const where = ['a.learner_id = $1'];
    const scoped = assessmentScopeSql(scope, params);
    if (scoped !== 'TRUE') where.push(scoped);
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.skill) add('a.skill = ?', q.skill);
    if (q.from) add('a.date >= ?::date', q.from);
    if (q.to) add('a.date <= ?::date', q.to);
    if (q.isExam !== undefined) add('a.is_exam = ?', q.isExam);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const order = orderBySql(parseSort(q.sort, SORTS, '-date'), 'a.created_at DESC, a.id');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM assessment a ${whereSql}`, params);
    const items: AssessmentDto[] = await this.db.query(
      `${SELECT} ${whereSql} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }
}
