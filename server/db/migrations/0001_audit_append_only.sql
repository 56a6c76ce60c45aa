-- The audit trail is append-only: updates and deletes are refused.
CREATE OR REPLACE FUNCTION audit_records_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_records_append_only
  BEFORE UPDATE OR DELETE ON audit_records
  FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_records_no_truncate
  BEFORE TRUNCATE ON audit_records
  FOR EACH STATEMENT EXECUTE FUNCTION audit_records_refuse_change();
--> statement-breakpoint
CREATE INDEX regions_path_prefix_idx ON regions (path text_pattern_ops);
