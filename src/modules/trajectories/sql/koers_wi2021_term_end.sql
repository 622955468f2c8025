-- The wi2021 term: 3 years, starting the day after the first PIP date (DOMAIN.md). Returns the term's end, the day
-- 3 years after its start; null for other regimes or without a PIP date.
CREATE OR REPLACE FUNCTION koers_wi2021_term_end(p_legal_regime varchar, p_pip_date date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_legal_regime = 'wi2021' AND p_pip_date IS NOT NULL
              THEN ((p_pip_date + 1) + interval '3 years')::date END
$$;
