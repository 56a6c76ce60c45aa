DROP INDEX "cases_implementation_idx";--> statement-breakpoint
CREATE INDEX "case_events_supplement_idx" ON "case_events" USING btree ("case_id") WHERE "action" = 'request_supplement';--> statement-breakpoint
CREATE INDEX "cases_hall_filed_idx" ON "cases" USING btree ("hall_id",((coalesce("submitted_at", "created_at") AT TIME ZONE 'Asia/Shanghai')::date)) WHERE "hall_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_hall_accepted_idx" ON "cases" USING btree ("hall_id","accepted_on") WHERE "hall_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_hall_concluded_idx" ON "cases" USING btree ("hall_id","concluded_at") WHERE "hall_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_implementation_filed_idx" ON "cases" USING btree ("implementation_id",((coalesce("submitted_at", "created_at") AT TIME ZONE 'Asia/Shanghai')::date));--> statement-breakpoint
CREATE INDEX "cases_implementation_accepted_idx" ON "cases" USING btree ("implementation_id","accepted_on");--> statement-breakpoint
CREATE INDEX "cases_implementation_concluded_idx" ON "cases" USING btree ("implementation_id","concluded_at");