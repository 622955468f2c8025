import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';
import { groupVisibleSql } from '../groups/group-scope';

/** A trajectory a certificate may be issued for, with what the certificate prints about it. */
export interface Candidate {
  trajectoryId: string;
  learnerId: string;
  status: string;
  startDate: string;
  endDate: string | null;
  product: { code: string; name: string };
  firstName: string;
  lastName: string;
}

const SELECT = `
  SELECT t.id AS "trajectoryId", t.learner_id AS "learnerId", t.status, t.start_date::text AS "startDate", t.end_date::text AS "endDate",
         json_build_object('code', p.code, 'name', p.name) AS product, l.first_name AS "firstName", l.last_name AS "lastName"
    FROM trajectory t JOIN product p ON p.id = t.product_id JOIN learner l ON l.id = t.learner_id`;

@Injectable()
export class CertificateCandidatesRepository {
  /** The trajectory, if the caller may issue for it (teacher: enrolled in one of its groups, now or before). */
  async trajectory(m: EntityManager, trajectoryId: string, scope: Scope): Promise<Candidate | null> {
    const params: unknown[] = [trajectoryId];
    const rows: Candidate[] = await m.query(`${SELECT} WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)}`, params);
    return rows[0] ?? null;
  }

  async groupVisible(m: EntityManager, groupId: string, scope: Scope): Promise<boolean> {
    const params: unknown[] = [groupId];
    const rows = await m.query(`SELECT 1 FROM course_group g WHERE g.id = $1 AND ${groupVisibleSql(scope, 'g.id', params)}`, params);
    return rows.length > 0;
  }

  /**
   * The learners of a group: trajectories enrolled in it on `today`, or, for a trajectory that has ended, on its end
   * date (so the learners who finished in this group are included), by surname.
   */
  async ofGroup(m: EntityManager, groupId: string, today: string): Promise<Candidate[]> {
    return m.query(
      `${SELECT}
        WHERE t.id IN (SELECT e.trajectory_id FROM enrolment e JOIN trajectory et ON et.id = e.trajectory_id
                        WHERE e.group_id = $1
                          AND e.from_date <= least($2::date, coalesce(et.end_date, $2::date))
                          AND (e.to_date IS NULL OR e.to_date >= least($2::date, coalesce(et.end_date, $2::date))))
        ORDER BY l.last_name, l.first_name, t.id`,
      [groupId, today],
    );
  }
}
