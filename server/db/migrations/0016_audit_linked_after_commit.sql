CREATE TABLE "audit_pending" (
	"seq" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Writers no longer link their records at commit (which serialised every audited commit on the
-- head row, through its WAL flush): a record joins the queue of records to link in its own
-- transaction, and the linker links the committed ones in order of seq.
DROP TRIGGER "audit_records_chain" ON "audit_records";
--> statement-breakpoint
DROP FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE FUNCTION audit_records_queue() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_records WHERE content_hash IS NULL) THEN
    RAISE EXCEPTION 'an audit record has no content hash' USING ERRCODE = 'not_null_violation';
  END IF;
  INSERT INTO audit_pending (seq) SELECT seq FROM new_records;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_records_queue
  AFTER INSERT ON audit_records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION audit_records_queue();
--> statement-breakpoint
-- Links up to `batch` committed records waiting in audit_pending, in order of seq, after the
-- head; gives how many. The head row is locked until the caller's transaction ends, so linkers
-- take turns and each sees what the one before it linked.
CREATE FUNCTION audit_chain_link(batch integer) RETURNS integer AS $$
DECLARE
  head_pos bigint;
  head_hash text;
  taken bigint[];
  positions bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  r record;
BEGIN
  SELECT pos, hash INTO head_pos, head_hash FROM audit_chain_head WHERE id FOR UPDATE;
  SELECT array_agg(seq ORDER BY seq) INTO taken
    FROM (SELECT seq FROM audit_pending ORDER BY seq LIMIT batch) p;
  IF taken IS NULL THEN
    RETURN 0;
  END IF;
  DELETE FROM audit_pending WHERE seq = ANY (taken);
  FOR r IN SELECT seq, content_hash FROM audit_records WHERE seq = ANY (taken) ORDER BY seq LOOP
    head_pos := head_pos + 1;
    positions := positions || head_pos;
    seqs := seqs || r.seq;
    prevs := prevs || head_hash;
    head_hash := encode(sha256(convert_to(head_hash || r.content_hash, 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  INSERT INTO audit_chain (pos, record_seq, prev_hash, hash)
    SELECT * FROM unnest(positions, seqs, prevs, hashes);
  UPDATE audit_chain_head SET pos = head_pos, hash = head_hash WHERE id;
  RETURN cardinality(seqs);
END;
$$ LANGUAGE plpgsql;
