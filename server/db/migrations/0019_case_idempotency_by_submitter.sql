DROP INDEX "cases_idempotency_uq";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Who handed each case in: the actor of its submission, else the agent, else the applicant.
UPDATE "cases" SET "submitted_by" = coalesce(
  (SELECT e."actor_id" FROM "case_events" e
    WHERE e."case_id" = "cases"."id" AND e."action" = 'submit' ORDER BY e."seq" LIMIT 1),
  "agent_id", "applicant_id");--> statement-breakpoint
-- A key one account used for several applicants (keys were scoped to the applicant) stays with its first case.
UPDATE "cases" c SET "idempotency_key" = NULL
  WHERE c."idempotency_key" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "cases" d
     WHERE d."submitted_by" = c."submitted_by" AND d."idempotency_key" = c."idempotency_key"
       AND (d."created_at", d."id") < (c."created_at", c."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_uq" ON "cases" USING btree ("submitted_by","idempotency_key");
