import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/modules/attendance/sql/koers_register_lines.sql
 */
export class ShowRegisterRecorderName1796136030223 implements MigrationInterface {
  name = 'ShowRegisterRecorderName1796136030223';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/attendance/sql/koers_register_lines.sql
    await queryRunner.query(`-- The lines of a register view: every enrolled learner with its record (and who saved it), sorted by last then first name.
CREATE OR REPLACE FUNCTION koers_register_lines(p_lesson uuid, p_learners uuid[], p_trajectories uuid[], p_numbers text[], p_first_names text[], p_last_names text[])
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE v json;
BEGIN
  SELECT coalesce(json_agg(json_build_object(
           'learnerId', en.learner_id, 'trajectoryId', en.trajectory_id, 'learnerNumber', en.learner_number,
           'firstName', en.first_name, 'lastName', en.last_name,
           'record', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
             'status', a.status, 'minutesLate', a.minutes_late, 'attendedMinutes', a.attended_minutes,
             'absenceReason', a.absence_reason, 'reportedInAdvance', a.reported_in_advance, 'recordedBy', a.recorded_by,
             'recordedByName', u.display_name,
             'recordedAt', to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END)
           ORDER BY en.last_name, en.first_name, en.learner_id), '[]'::json)
    INTO v
    FROM unnest(p_learners, p_trajectories, p_numbers, p_first_names, p_last_names)
         AS en(learner_id, trajectory_id, learner_number, first_name, last_name)
    LEFT JOIN attendance_record a ON a.lesson_id = p_lesson AND a.learner_id = en.learner_id
    LEFT JOIN app_user u ON u.id = a.recorded_by;
  RETURN v;
END $function$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.koers_register_lines(p_lesson uuid, p_learners uuid[], p_trajectories uuid[], p_numbers text[], p_first_names text[], p_last_names text[])
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE v json;
BEGIN
  SELECT coalesce(json_agg(json_build_object(
           'learnerId', en.learner_id, 'trajectoryId', en.trajectory_id, 'learnerNumber', en.learner_number,
           'firstName', en.first_name, 'lastName', en.last_name,
           'record', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
             'status', a.status, 'minutesLate', a.minutes_late, 'attendedMinutes', a.attended_minutes,
             'absenceReason', a.absence_reason, 'reportedInAdvance', a.reported_in_advance, 'recordedBy', a.recorded_by,
             'recordedAt', to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END)
           ORDER BY en.last_name, en.first_name, en.learner_id), '[]'::json)
    INTO v
    FROM unnest(p_learners, p_trajectories, p_numbers, p_first_names, p_last_names)
         AS en(learner_id, trajectory_id, learner_number, first_name, last_name)
    LEFT JOIN attendance_record a ON a.lesson_id = p_lesson AND a.learner_id = en.learner_id;
  RETURN v;
END $function$`);
  }
}
