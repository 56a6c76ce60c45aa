ALTER TABLE "cases" ADD COLUMN "paused_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The days paused so far, from the resumptions on each case's timeline.
UPDATE "cases" SET "paused_days" = r."days"
  FROM (SELECT "case_id", sum(coalesce(("details"->>'pausedDays')::integer, 0))::integer AS "days"
          FROM "case_events" WHERE "action" = 'resume' GROUP BY "case_id") r
  WHERE "cases"."id" = r."case_id" AND r."days" <> 0;
