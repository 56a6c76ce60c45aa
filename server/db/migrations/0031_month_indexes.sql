CREATE INDEX "cases_concluded_at_idx" ON "cases" USING btree ("concluded_at");--> statement-breakpoint
CREATE INDEX "cases_promised_deadline_idx" ON "cases" USING btree ("promised_deadline");--> statement-breakpoint
CREATE INDEX "ratings_month_region_idx" ON "ratings" USING btree ("month","region_path" text_pattern_ops);