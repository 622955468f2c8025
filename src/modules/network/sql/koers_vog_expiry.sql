-- The college treats a volunteer's certificate of conduct (VOG) as expired 3 years after its issue date.
CREATE OR REPLACE FUNCTION koers_vog_expiry(p_vog_date date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (p_vog_date + interval '3 years')::date
$$;
