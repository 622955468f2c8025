-- Keeps lesson.recorded_learners (records per lesson) for the missing-registers report, in the writing transaction.
CREATE OR REPLACE FUNCTION koers_count_lesson_records()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners - d.n
      FROM (SELECT r.lesson_id, count(*)::int AS n FROM lesson_record_rows r GROUP BY r.lesson_id) d WHERE l.id = d.lesson_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE lesson l SET recorded_learners = l.recorded_learners + CASE WHEN l.id = NEW.lesson_id THEN 1 ELSE -1 END
     WHERE l.id IN (OLD.lesson_id, NEW.lesson_id);
  ELSE
    UPDATE lesson SET recorded_learners = 0 WHERE recorded_learners <> 0;
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_lesson_records_delete AFTER DELETE ON attendance_record REFERENCING OLD TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_insert AFTER INSERT ON attendance_record REFERENCING NEW TABLE AS lesson_record_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_move AFTER UPDATE OF lesson_id ON attendance_record FOR EACH ROW WHEN ((old.lesson_id IS DISTINCT FROM new.lesson_id)) EXECUTE FUNCTION koers_count_lesson_records();

CREATE OR REPLACE TRIGGER koers_lesson_records_truncate AFTER TRUNCATE ON attendance_record FOR EACH STATEMENT EXECUTE FUNCTION koers_count_lesson_records();
