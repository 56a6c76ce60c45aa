CREATE TABLE "assessment_scores" (
	"month" date NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"ranking_region" text NOT NULL,
	"score" double precision NOT NULL,
	"rank" integer NOT NULL,
	"ranked_of" integer NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_month_scope_kind_scope_id_pk" PRIMARY KEY("month","scope_kind","scope_id")
);
--> statement-breakpoint
CREATE TABLE "hotline_monthly" (
	"month" date NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"consults" integer DEFAULT 0 NOT NULL,
	"helps" integer DEFAULT 0 NOT NULL,
	"suggestions" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"answered_at_once" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"closed_late" integer DEFAULT 0 NOT NULL,
	"overdue_open" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"revisited" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hotline_monthly_month_scope_kind_scope_id_pk" PRIMARY KEY("month","scope_kind","scope_id")
);
--> statement-breakpoint
CREATE TABLE "inspector_finding_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspector_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_no" text NOT NULL,
	"inspector_id" uuid NOT NULL,
	"task_id" uuid,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"screenshots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"implementation_id" uuid,
	"department_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"due_date" date,
	"warning" text DEFAULT 'none' NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone,
	"rectification" text,
	"rectified_by" uuid,
	"rectified_at" timestamp with time zone,
	"confirm_note" text,
	"confirmed_at" timestamp with time zone,
	"reject_reason" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspector_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"implementation_id" uuid,
	"title" text NOT NULL,
	"channel" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"report" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"occupation" text,
	"motivation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspector_finding_events" ADD CONSTRAINT "inspector_finding_events_finding_id_inspector_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspector_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_finding_events" ADD CONSTRAINT "inspector_finding_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_task_id_inspector_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspector_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_implementation_id_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_assigned_by_accounts_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_findings" ADD CONSTRAINT "inspector_findings_rectified_by_accounts_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_tasks" ADD CONSTRAINT "inspector_tasks_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_tasks" ADD CONSTRAINT "inspector_tasks_implementation_id_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_tasks" ADD CONSTRAINT "inspector_tasks_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_settings" ADD CONSTRAINT "region_settings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_settings" ADD CONSTRAINT "region_settings_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_scores_ranking_idx" ON "assessment_scores" USING btree ("ranking_region","scope_kind","month","rank");--> statement-breakpoint
CREATE INDEX "inspector_finding_events_finding_idx" ON "inspector_finding_events" USING btree ("finding_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_findings_no_uq" ON "inspector_findings" USING btree ("finding_no");--> statement-breakpoint
CREATE INDEX "inspector_findings_inspector_idx" ON "inspector_findings" USING btree ("inspector_id","created_at");--> statement-breakpoint
CREATE INDEX "inspector_findings_department_idx" ON "inspector_findings" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "inspector_findings_status_idx" ON "inspector_findings" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "inspector_findings_published_idx" ON "inspector_findings" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "inspector_tasks_inspector_idx" ON "inspector_tasks" USING btree ("inspector_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "inspectors_account_uq" ON "inspectors" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "inspectors_region_status_idx" ON "inspectors" USING btree ("region_code","status");