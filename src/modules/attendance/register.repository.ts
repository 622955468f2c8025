import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { withLatinName } from '../../common/domain/latin-name';
import { RaisedSignal } from '../signals/signal-evaluation.repository';
import { RegisterLessonDto, RegisterViewDto } from './dto/register-view.dto';
import { CheckedEntry } from './register-entries.validator';

export interface EnrolledLearner {
  learnerId: string;
  trajectoryId: string;
}

/** What koers_save_register answers: the saved register, or why nothing was saved (entry indexes are 0-based). */
export type SaveOutcome =
  | ({ outcome: 'saved'; signalsRaised: RaisedSignal[] } & RegisterViewDto)
  | { outcome: 'not_found' | 'cancelled' | 'in_future' }
  | { outcome: 'minutes_late_too_long'; lessonMinutes: number; entries: number[] }
  | { outcome: 'not_enrolled'; groupCode: string; date: string; entries: number[] };

/** Each line with the learner's Latin name (made here: the SQL functions build the rest). */
const withLatinNames = <T extends { learners: RegisterViewDto['learners'] }>(view: T): T => ({ ...view, learners: view.learners.map(withLatinName) });

/**
 * The lessons whose register the caller may keep or read: staff any; a teacher only of its own groups
 * (group_teacher) or a lesson assigned to it; a learner only of a group it is enrolled in. Null: none.
 * koers_save_register applies the same rule for staff and teachers.
 */
function lessonScopeSql(scope: Scope, params: unknown[]): string | null {
  switch (scope.role) {
    case 'admin':
    case 'coordinator':
      return 'TRUE';
    case 'teacher':
      params.push(scope.userId);
      return `(l.teacher_id = $${params.length} OR EXISTS (SELECT 1 FROM group_teacher gt WHERE gt.group_id = l.group_id AND gt.user_id = $${params.length}))`;
    case 'learner':
      params.push(scope.learnerId);
      return `EXISTS (SELECT 1 FROM koers_enrolled_on_lesson(l.id) en WHERE en.learner_id = $${params.length}::uuid)`;
    default:
      return null;
  }
}

/** Registers through the SQL functions in src/modules/attendance/sql/ (one definition of each rule). */
@Injectable()
export class RegisterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The lesson if in scope; `lock` takes the row lock that serialises register writes of one lesson. */
  async findLesson(m: EntityManager, id: string, scope: Scope, tz: string, lock = false): Promise<RegisterLessonDto | null> {
    const params: unknown[] = [id, tz];
    const cond = lessonScopeSql(scope, params);
    if (!cond) return null;
    const rows = await m.query(`SELECT koers_register_lesson(l.id, $2) AS lesson FROM lesson l WHERE l.id = $1 AND ${cond} ${lock ? 'FOR UPDATE OF l' : ''}`, params);
    return rows[0]?.lesson ?? null;
  }

  /** The whole register in one query; null when the lesson is out of scope or does not exist. */
  async findView(id: string, scope: Scope, tz: string): Promise<RegisterViewDto | null> {
    const params: unknown[] = [id, tz];
    const cond = lessonScopeSql(scope, params);
    if (!cond) return null;
    const rows = await this.db.query(`SELECT koers_register_view(l.id, $2) AS view FROM lesson l WHERE l.id = $1 AND ${cond}`, params);
    return rows[0]?.view ? withLatinNames(rows[0].view) : null;
  }

  async view(m: EntityManager, lessonId: string, tz: string): Promise<RegisterViewDto> {
    const [{ view }] = await m.query(`SELECT koers_register_view($1, $2) AS view`, [lessonId, tz]);
    return withLatinNames(view);
  }

  async enrolled(m: EntityManager, lessonId: string): Promise<EnrolledLearner[]> {
    return m.query(`SELECT learner_id AS "learnerId", trajectory_id AS "trajectoryId" FROM koers_enrolled_on_lesson($1)`, [lessonId]);
  }

  /** Checks, replaces the register, evaluates R1/R2 and audits, in one statement (so one transaction). */
  async save(lessonId: string, entries: CheckedEntry[], scope: Scope, tz: string): Promise<SaveOutcome> {
    const [{ result }] = await this.db.query(`SELECT koers_save_register($1, $2, $3, $4, $5, $6, $7, $8, $9) AS result`, [
      lessonId,
      tz,
      scope.role,
      scope.userId,
      scope.requestId ?? null,
      entries.map((e) => e.learnerId),
      entries.map((e) => e.status),
      entries.map((e) => e.minutesLate),
      entries.map((e) => e.absenceReason),
    ]);
    return result.outcome === 'saved' ? withLatinNames(result) : result;
  }

  /** Absence reported in advance: authorised, with its reason, marked as reported in advance. */
  async recordAdvanceAbsence(m: EntityManager, lessonId: string, learner: EnrolledLearner, reason: string, recordedBy: string): Promise<void> {
    await m.query(`SELECT koers_lock_trajectories($1)`, [[learner.trajectoryId]]);
    await m.query(`SELECT koers_upsert_attendance($1, $2, $3, $4, $5, $6, $7, $8)`, [
      lessonId,
      recordedBy,
      [learner.learnerId],
      [learner.trajectoryId],
      ['absent_authorised'],
      [0],
      [reason],
      [true],
    ]);
  }
}
