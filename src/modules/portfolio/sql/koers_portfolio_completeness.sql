-- DOMAIN.md (Portfolio): completeness = approved distinct required domains / required domains of the product; 1 when
-- the product requires none. p_at: count items approved (reviewed) on or before that instant; null = now.
-- One SELECT of a sub-select, so PostgreSQL inlines it into the caller's plan instead of calling it per row.
CREATE OR REPLACE FUNCTION koers_portfolio_completeness(p_trajectory uuid, p_at timestamptz)
 RETURNS double precision
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  SELECT (SELECT CASE WHEN coalesce(cardinality(p.required_domains), 0) = 0 THEN 1.0::float8 ELSE
            (SELECT count(DISTINCT pi.domain) FROM portfolio_item pi
              WHERE pi.trajectory_id = t.id AND pi.status = 'approved' AND pi.domain = ANY (p.required_domains)
                AND (p_at IS NULL OR pi.reviewed_at <= p_at))::float8
            / (SELECT count(DISTINCT d) FROM unnest(p.required_domains) d)::float8 END
            FROM trajectory t JOIN product p ON p.id = t.product_id
           WHERE t.id = p_trajectory)
$function$;
