CREATE INDEX "cases_queue_awaiting_idx" ON "cases" USING btree ("department_id","submitted_at","case_no","id") WHERE ("status" = 'submitted' and "channel" = 'online');--> statement-breakpoint
CREATE INDEX "cases_queue_open_idx" ON "cases" USING btree ("department_id","promised_deadline","case_no","id") WHERE ("status" in ('accepted', 'accepted_with_gaps', 'in_review', 'suspended', 'escalated', 'approved', 'approved_on_promise'));--> statement-breakpoint
DROP INDEX "cases_queue_idx";
