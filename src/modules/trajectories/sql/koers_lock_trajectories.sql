-- Locks trajectories in id order, so concurrent register saves never deadlock on them.
CREATE OR REPLACE FUNCTION koers_lock_trajectories(p_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE v_id text;
BEGIN
  FOREACH v_id IN ARRAY coalesce((SELECT array_agg(DISTINCT x::text ORDER BY x::text) FROM unnest(p_ids) AS x), '{}') LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('attendance:' || v_id, 0));
  END LOOP;
END $function$;
