-- DOMAIN.md (Who sees what): a municipality sees the base record of learners living in it and of learners whose
-- trajectory it pays. learner.other_payers (kept by koers_learner_other_payers_fill) holds the paying municipalities
-- other than the residence, so the rule needs no trajectory row. Inlined by PostgreSQL (no sub-select), so callers
-- keep their index plans.
CREATE OR REPLACE FUNCTION koers_municipality_sees_learner(p_learner_municipality uuid, p_other_payers uuid[], p_municipality uuid)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT p_learner_municipality = p_municipality OR coalesce(p_other_payers @> ARRAY[p_municipality], false)
$function$;
