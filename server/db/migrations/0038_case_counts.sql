DROP INDEX "case_events_supplement_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "materials_reused" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "materials_uploaded" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "supplemented" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The case keeps what the rollups count of its materials and its 补正, so that a rollup reads the
-- case alone. A material is uploaded when any of its files came from the applicant or a counter scan,
-- else reused (server/cases/material-counts.ts).
CREATE FUNCTION case_recount_materials(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET materials_reused = m.reused, materials_uploaded = m.uploaded
  FROM (SELECT x.id, (count(p.uploaded) FILTER (WHERE NOT p.uploaded))::int AS reused,
          (count(p.uploaded) FILTER (WHERE p.uploaded))::int AS uploaded
        FROM unnest(ids) AS x(id)
        LEFT JOIN LATERAL (SELECT bool_or(a.source IN ('applicant', 'clerk_scan')) AS uploaded
          FROM case_attachments a WHERE a.case_id = x.id GROUP BY a.material_key) p ON true
        GROUP BY x.id) m
  WHERE c.id = m.id AND (c.materials_reused, c.materials_uploaded) IS DISTINCT FROM (m.reused, m.uploaded)
$$;
--> statement-breakpoint
CREATE FUNCTION case_attachments_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM case_recount_materials(ARRAY(SELECT DISTINCT case_id FROM added));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM case_recount_materials(ARRAY(SELECT DISTINCT case_id FROM removed));
  ELSE
    PERFORM case_recount_materials(ARRAY(SELECT case_id FROM added UNION SELECT case_id FROM removed));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_attachments_recount_insert AFTER INSERT ON case_attachments
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION case_attachments_recount();
--> statement-breakpoint
CREATE TRIGGER case_attachments_recount_update AFTER UPDATE ON case_attachments
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION case_attachments_recount();
--> statement-breakpoint
CREATE TRIGGER case_attachments_recount_delete AFTER DELETE ON case_attachments
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION case_attachments_recount();
--> statement-breakpoint
CREATE FUNCTION case_events_supplemented() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET supplemented = true WHERE id = NEW.case_id AND NOT supplemented;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_supplemented AFTER INSERT ON case_events
  FOR EACH ROW WHEN (NEW.action = 'request_supplement') EXECUTE FUNCTION case_events_supplemented();
--> statement-breakpoint
UPDATE cases c SET supplemented = true
  WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'request_supplement');
--> statement-breakpoint
SELECT case_recount_materials(ARRAY(SELECT DISTINCT case_id FROM case_attachments));
--> statement-breakpoint
-- A case marks its case_daily groups only when it is filed (not a draft) or when something the rollups
-- count changes: its days, region, department, channel, type, promise, deadline, visits, form fields,
-- materials, 容缺, 补正, the days used or its version. A change of status alone (审查中, 已批准, 已送达…) marks nothing.
DROP TRIGGER case_daily_mark ON cases;
--> statement-breakpoint
CREATE TRIGGER case_daily_mark_insert AFTER INSERT ON cases
  FOR EACH ROW WHEN (NEW.status <> 'draft') EXECUTE FUNCTION case_daily_mark();
--> statement-breakpoint
CREATE TRIGGER case_daily_mark AFTER UPDATE ON cases
  FOR EACH ROW WHEN ((OLD.status = 'draft', OLD.region_code, OLD.region_path, OLD.department_id,
      OLD.submitted_at, OLD.created_at, OLD.accepted_on, OLD.concluded_at, OLD.channel, OLD.case_type,
      OLD.version_id, OLD.on_promise, OLD.accepted_with_gaps, OLD.promised_deadline, OLD.visits,
      OLD.working_days_used, OLD.form_fields_filled, OLD.form_fields_prefilled, OLD.materials_reused,
      OLD.materials_uploaded, OLD.supplemented)
    IS DISTINCT FROM (NEW.status = 'draft', NEW.region_code, NEW.region_path, NEW.department_id,
      NEW.submitted_at, NEW.created_at, NEW.accepted_on, NEW.concluded_at, NEW.channel, NEW.case_type,
      NEW.version_id, NEW.on_promise, NEW.accepted_with_gaps, NEW.promised_deadline, NEW.visits,
      NEW.working_days_used, NEW.form_fields_filled, NEW.form_fields_prefilled, NEW.materials_reused,
      NEW.materials_uploaded, NEW.supplemented))
  EXECUTE FUNCTION case_daily_mark();
