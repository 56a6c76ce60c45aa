ALTER TABLE "cases" ADD COLUMN "accepted_with_gaps" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Cases accepted with gaps before the column: those whose timeline has the acceptance with gaps (and any
-- with gaps still open). The trigger marks their case_daily groups, recomputed by the refresh job.
UPDATE "cases" c SET "accepted_with_gaps" = true
  WHERE EXISTS (SELECT 1 FROM "case_events" e WHERE e."case_id" = c."id" AND e."action" = 'accept_with_gaps')
    OR jsonb_array_length(c."gaps") > 0;
