CREATE TABLE "audit_chain" (
	"pos" bigint PRIMARY KEY NOT NULL,
	"record_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_record_seq_unique" UNIQUE("record_seq")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"pos" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_records" ADD COLUMN "content_hash" text;--> statement-breakpoint
-- The links of the records written so far move to the chain, in their order.
INSERT INTO "audit_chain" ("pos", "record_seq", "prev_hash", "hash")
  SELECT row_number() OVER (ORDER BY "seq"), "seq", "prev_hash", "hash" FROM "audit_records";
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "pos", "hash")
  SELECT true, count(*), coalesce((SELECT "hash" FROM "audit_records" ORDER BY "seq" DESC LIMIT 1), repeat('0', 64))
  FROM "audit_records";
--> statement-breakpoint
-- At commit, each new record is linked to the head of the chain: the head row is locked only
-- for the instant of the commit, so writers do not wait for one another's whole transactions.
CREATE FUNCTION audit_chain_append() RETURNS trigger AS $$
DECLARE
  head_pos bigint;
  head_hash text;
  new_hash text;
BEGIN
  IF NEW.content_hash IS NULL THEN
    RAISE EXCEPTION 'audit record % has no content hash', NEW.seq USING ERRCODE = 'not_null_violation';
  END IF;
  SELECT pos, hash INTO head_pos, head_hash FROM audit_chain_head WHERE id FOR UPDATE;
  new_hash := encode(sha256(convert_to(head_hash || NEW.content_hash, 'UTF8')), 'hex');
  UPDATE audit_chain_head SET pos = head_pos + 1, hash = new_hash WHERE id;
  INSERT INTO audit_chain (pos, record_seq, prev_hash, hash) VALUES (head_pos + 1, NEW.seq, head_hash, new_hash);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_records_chain
  AFTER INSERT ON audit_records DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_kept
  BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_records_refuse_change();
--> statement-breakpoint
-- Numbers drawn so far: the highest sequence of each region and day.
INSERT INTO "case_number_counters" ("prefix", "last")
  SELECT left("case_no", length("case_no") - 6), max(right("case_no", 6)::integer)
  FROM "cases" GROUP BY 1;
