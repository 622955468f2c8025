-- A trajectory's participation at network partners (Z-route norm, DOMAIN.md "Network"): the sum of the minutes of
-- its referrals' participation entries dated on or before p_until. One SELECT of a sub-select, so PostgreSQL inlines it
-- into the caller's plan (a body with its own FROM runs as a separate call per row).
CREATE OR REPLACE FUNCTION koers_participation_minutes(p_trajectory_id uuid, p_until date)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT (SELECT coalesce(sum(pe.minutes), 0)::integer
            FROM referral r
            JOIN participation_entry pe ON pe.referral_id = r.id
           WHERE r.trajectory_id = p_trajectory_id
             AND pe.entry_date <= p_until)
$$;
