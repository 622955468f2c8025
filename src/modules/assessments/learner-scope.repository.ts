import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { learnerScopeSql } from '../../common/auth/learner-scope.sql';
import { Scope } from '../../common/auth/scope';
import { trajectoryScopeSql } from '../../common/auth/trajectory-scope.sql';

export interface ScopedLearner {
  id: string;
  municipalityId: string;
  /** YYYY-MM-DD: nothing about the learner can be dated before it. */
  dateOfBirth: string;
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
    const params: unknown[] = [learnerId];
    const rows: ScopedLearner[] = await m.query(
      `SELECT l.id, l.municipality_id AS "municipalityId", to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth" FROM learner l WHERE l.id = $1 AND ${learnerScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async findTrajectory(trajectoryId: string, scope: Scope, m: EntityManager = this.db.manager): Promise<ScopedTrajectory | null> {
    const params: unknown[] = [trajectoryId];
    const rows: ScopedTrajectory[] = await m.query(
      `SELECT t.id, t.learner_id AS "learnerId", t.municipality_id AS "municipalityId", t.status, t.version
         FROM trajectory t WHERE t.id = $1 AND ${trajectoryScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }
}
