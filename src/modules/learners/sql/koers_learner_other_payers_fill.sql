-- learner.other_payers: the municipalities other than the residence that pay a trajectory of the learner (sorted,
-- null when none), so a municipality's learners are found from learner indexes alone. Only this trigger computes it.
CREATE OR REPLACE FUNCTION koers_learner_other_payers_fill()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.other_payers := (SELECT array_agg(DISTINCT t.municipality_id ORDER BY t.municipality_id) FROM trajectory t
                        WHERE t.learner_id = NEW.id AND t.municipality_id <> NEW.municipality_id);
  RETURN NEW;
END $function$;

CREATE OR REPLACE TRIGGER koers_learner_other_payers BEFORE INSERT OR UPDATE OF municipality_id, other_payers ON learner FOR EACH ROW EXECUTE FUNCTION koers_learner_other_payers_fill();
