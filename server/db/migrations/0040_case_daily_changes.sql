CREATE TABLE "case_daily_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" smallint NOT NULL,
	"filed_on" date,
	"accepted_on" date,
	"concluded_on" date,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"department_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"case_type" text NOT NULL,
	"on_promise" boolean NOT NULL,
	"accepted_with_gaps" boolean NOT NULL,
	"promised_deadline" date,
	"visits" integer NOT NULL,
	"working_days_used" integer,
	"form_fields_filled" integer,
	"form_fields_prefilled" integer,
	"materials_reused" integer NOT NULL,
	"materials_uploaded" integer NOT NULL,
	"supplemented" boolean NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Every counted change of a case appends what case_daily counts of it: its image before the change
-- (sign -1, unless it was a draft) and after it (sign +1, unless it is a draft or was deleted). The
-- refresh adds the contributions of the images to the groups, instead of recomputing whole groups.
CREATE OR REPLACE FUNCTION case_daily_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD is null on INSERT and NEW on DELETE: a null image is no case, and neither is a draft.
  INSERT INTO case_daily_changes (sign, filed_on, accepted_on, concluded_on, region_code, region_path,
    department_id, version_id, channel, case_type, on_promise, accepted_with_gaps, promised_deadline,
    visits, working_days_used, form_fields_filled, form_fields_prefilled, materials_reused,
    materials_uploaded, supplemented)
  SELECT x.sign, (coalesce((x.c).submitted_at, (x.c).created_at) AT TIME ZONE 'Asia/Shanghai')::date,
    (x.c).accepted_on, ((x.c).concluded_at AT TIME ZONE 'Asia/Shanghai')::date, (x.c).region_code,
    (x.c).region_path, (x.c).department_id, (x.c).version_id, (x.c).channel, (x.c).case_type,
    (x.c).on_promise, (x.c).accepted_with_gaps, (x.c).promised_deadline, (x.c).visits,
    (x.c).working_days_used, (x.c).form_fields_filled, (x.c).form_fields_prefilled,
    (x.c).materials_reused, (x.c).materials_uploaded, (x.c).supplemented
  FROM (VALUES (-1::smallint, OLD), (1::smallint, NEW)) AS x(sign, c)
  WHERE (x.c).status <> 'draft';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_daily_mark_delete AFTER DELETE ON cases
  FOR EACH ROW WHEN (OLD.status <> 'draft') EXECUTE FUNCTION case_daily_mark();
--> statement-breakpoint
-- Two used-days histograms added key by key; keys left at 0 are dropped.
CREATE FUNCTION case_daily_histogram_add(a jsonb, b jsonb) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, n) FILTER (WHERE n <> 0), '{}'::jsonb)
  FROM (SELECT k, sum(v::int) AS n
    FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) x(k, v)
    GROUP BY k) s
$$;
--> statement-breakpoint
-- The groups still marked for recomputing become changes: their rows go, and each case counted in one
-- comes back as an image whose days are those of the marked groups (its other days count nothing).
DELETE FROM case_daily d USING case_daily_dirty m
  WHERE d.day = m.day AND d.region_code = m.region_code AND d.department_id = m.department_id;
--> statement-breakpoint
WITH marked AS (SELECT DISTINCT day, region_code, department_id FROM case_daily_dirty),
  days AS (SELECT c.*, (coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS filed,
      (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date AS concluded
    FROM cases c WHERE c.status <> 'draft' AND EXISTS (SELECT 1 FROM case_daily_dirty))
INSERT INTO case_daily_changes (sign, filed_on, accepted_on, concluded_on, region_code, region_path,
  department_id, version_id, channel, case_type, on_promise, accepted_with_gaps, promised_deadline,
  visits, working_days_used, form_fields_filled, form_fields_prefilled, materials_reused,
  materials_uploaded, supplemented)
SELECT 1, f.day, a.day, k.day, c.region_code, c.region_path, c.department_id, c.version_id, c.channel,
  c.case_type, c.on_promise, c.accepted_with_gaps, c.promised_deadline, c.visits, c.working_days_used,
  c.form_fields_filled, c.form_fields_prefilled, c.materials_reused, c.materials_uploaded, c.supplemented
FROM days c
  LEFT JOIN marked f ON f.day = c.filed AND f.region_code = c.region_code AND f.department_id = c.department_id
  LEFT JOIN marked a ON a.day = c.accepted_on AND a.region_code = c.region_code AND a.department_id = c.department_id
  LEFT JOIN marked k ON k.day = c.concluded AND k.region_code = c.region_code AND k.department_id = c.department_id
WHERE f.day IS NOT NULL OR a.day IS NOT NULL OR k.day IS NOT NULL;
--> statement-breakpoint
DELETE FROM case_daily_dirty;
