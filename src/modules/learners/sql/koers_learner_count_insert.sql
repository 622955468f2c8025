-- learner_count holds the learners per municipality, kept in the writing transaction so list pages read an exact
-- total without counting. Upserts in municipality order, so concurrent writers never deadlock on the counters.
CREATE OR REPLACE FUNCTION koers_learner_count_insert()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO learner_count AS c (municipality_id, learners)
    SELECT municipality_id, count(*) FROM learner_count_rows GROUP BY municipality_id ORDER BY municipality_id
    ON CONFLICT (municipality_id) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_count_insert AFTER INSERT ON learner REFERENCING NEW TABLE AS learner_count_rows FOR EACH STATEMENT EXECUTE FUNCTION koers_learner_count_insert();
