CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"region_code" text NOT NULL,
	"department_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_by" uuid,
	"return_reason" text,
	"returned_at" timestamp with time zone,
	"return_review" text,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_no" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_phone" text,
	"requester_id" uuid,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"address" text,
	"case_id" uuid,
	"rating_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"answered_at_once" boolean DEFAULT false NOT NULL,
	"answer" text,
	"limit_days" integer NOT NULL,
	"due_date" date NOT NULL,
	"warning" text DEFAULT 'none' NOT NULL,
	"escalated_at" timestamp with time zone,
	"received_by" uuid,
	"primary_department_id" uuid,
	"reply" text,
	"replied_at" timestamp with time zone,
	"revisit_note" text,
	"revisited_at" timestamp with time zone,
	"satisfaction" text,
	"merged_into" uuid,
	"month" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_assignments" ADD CONSTRAINT "hotline_assignments_request_id_hotline_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."hotline_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_assignments" ADD CONSTRAINT "hotline_assignments_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_assignments" ADD CONSTRAINT "hotline_assignments_assigned_by_accounts_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_assignments" ADD CONSTRAINT "hotline_assignments_replied_by_accounts_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_events" ADD CONSTRAINT "hotline_events_request_id_hotline_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."hotline_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_events" ADD CONSTRAINT "hotline_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD CONSTRAINT "hotline_requests_requester_id_accounts_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD CONSTRAINT "hotline_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD CONSTRAINT "hotline_requests_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD CONSTRAINT "hotline_requests_received_by_accounts_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_requests" ADD CONSTRAINT "hotline_requests_primary_department_id_organisations_id_fk" FOREIGN KEY ("primary_department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_entries_region_idx" ON "faq_entries" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "hotline_assignments_request_idx" ON "hotline_assignments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "hotline_assignments_department_idx" ON "hotline_assignments" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "hotline_events_request_idx" ON "hotline_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_requests_no_uq" ON "hotline_requests" USING btree ("request_no");--> statement-breakpoint
CREATE INDEX "hotline_requests_status_idx" ON "hotline_requests" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "hotline_requests_department_idx" ON "hotline_requests" USING btree ("primary_department_id","month");--> statement-breakpoint
CREATE INDEX "hotline_requests_month_idx" ON "hotline_requests" USING btree ("month","kind");--> statement-breakpoint
CREATE INDEX "hotline_requests_case_idx" ON "hotline_requests" USING btree ("case_id");