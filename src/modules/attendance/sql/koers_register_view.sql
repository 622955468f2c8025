-- A lesson's presentielijst as the API answers it (GET lessons/:id/register and the answer of a save).
CREATE OR REPLACE FUNCTION koers_register_view(p_lesson uuid, p_tz text)
 RETURNS json
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE v json;
BEGIN
  SELECT koers_register_lines(p_lesson, array_agg(en.learner_id), array_agg(en.trajectory_id), array_agg(en.learner_number),
                              array_agg(en.first_name), array_agg(en.last_name))
    INTO v
    FROM koers_enrolled_on_lesson(p_lesson) en;
  RETURN json_build_object('lesson', koers_register_lesson(p_lesson, p_tz), 'learners', v);
END $function$;
