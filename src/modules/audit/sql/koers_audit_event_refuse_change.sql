-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on audit_event.
CREATE OR REPLACE FUNCTION koers_audit_event_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege'; END $function$;

CREATE OR REPLACE TRIGGER koers_audit_event_append_only BEFORE DELETE OR UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION koers_audit_event_refuse_change();

CREATE OR REPLACE TRIGGER koers_audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION koers_audit_event_refuse_change();
