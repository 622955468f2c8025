import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';

export interface ScopedLearner {
  id: string;
  municipalityId: string;
}

export interface ScopedTrajectory {
  id: string;
  learnerId: string;
  municipalityId: string;
  status: string;
  version: number;
}

/**
 * Whether a learner or trajectory is visible to the caller; null means "answer 404".
 * municipality: its own municipality's records; learner: itself; teacher: learners
 * (trajectories) enrolled, now or before, in one of its groups; staff and finance: all.
 */
@Injectable()
export class LearnerScopeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findLearner(learnerId: string, scope: Scope, m: EntityManager = this.db.manager): Promise<ScopedLearner | null> {
    const rows: ScopedLearner[] = await m.query(
      `SELECT l.id, l.municipality_id AS "municipalityId"
         FROM learner l
        WHERE l.id = $1
          AND CASE $2::text
                WHEN 'municipality' THEN l.municipality_id = $3::uuid
                     OR EXISTS (SELECT 1 FROM trajectory t WHERE t.learner_id = l.id AND t.municipality_id = $3::uuid)
                WHEN 'learner' THEN l.id = $4::uuid
                WHEN 'teacher' THEN EXISTS (
                     SELECT 1 FROM trajectory t
                       JOIN enrolment e ON e.trajectory_id = t.id
                       JOIN group_teacher gt ON gt.group_id = e.group_id
                      WHERE t.learner_id = l.id AND gt.user_id = $5::uuid)
                ELSE true
              END`,
      [learnerId, scope.role, scope.municipalityId, scope.learnerId, scope.userId],
    );
    return rows[0] ?? null;
  }

  async findTrajectory(trajectoryId: string, scope: Scope, m: EntityManager = this.db.manager): Promise<ScopedTrajectory | null> {
    const rows: ScopedTrajectory[] = await m.query(
      `SELECT t.id, t.learner_id AS "learnerId", t.municipality_id AS "municipalityId", t.status, t.version
         FROM trajectory t
        WHERE t.id = $1
          AND CASE $2::text
                WHEN 'municipality' THEN t.municipality_id = $3::uuid
                WHEN 'learner' THEN t.learner_id = $4::uuid
                WHEN 'teacher' THEN EXISTS (
                     SELECT 1 FROM enrolment e JOIN group_teacher gt ON gt.group_id = e.group_id
                      WHERE e.trajectory_id = t.id AND gt.user_id = $5::uuid)
                ELSE true
              END`,
      [trajectoryId, scope.role, scope.municipalityId, scope.learnerId, scope.userId],
    );
    return rows[0] ?? null;
  }
}
