import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

  /** The learner of an assessment, to check the caller's scope before anything else. */
  async findLearnerId(id: string, m: EntityManager = this.db.manager): Promise<string | null> {
    const rows: { learnerId: string }[] = await m.query(`SELECT learner_id AS "learnerId" FROM assessment WHERE id = $1`, [id]);
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

  async findPageForLearner(learnerId: string, q: AssessmentQueryDto): Promise<Page<AssessmentDto>> {
    const params: unknown[] = [learnerId];
    const where = ['a.learner_id = $1'];
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
