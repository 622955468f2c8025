-- The last day a signal raised on p_raised may be reported to the municipality on time: the 5th working day after it
-- (Monday to Friday; public holidays are not known to Koers). Reported later, or still unreported after it: over tijd.
CREATE OR REPLACE FUNCTION koers_signal_report_due(p_raised date)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT p_raised + i FROM generate_series(1, 9) i
   WHERE extract(isodow FROM p_raised + i) < 6 ORDER BY i OFFSET 4 LIMIT 1
$function$;
