CREATE TABLE "rating_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_monthly" (
	"month" date NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"level1" integer DEFAULT 0 NOT NULL,
	"level2" integer DEFAULT 0 NOT NULL,
	"level3" integer DEFAULT 0 NOT NULL,
	"level4" integer DEFAULT 0 NOT NULL,
	"level5" integer DEFAULT 0 NOT NULL,
	"defaults" integer DEFAULT 0 NOT NULL,
	"bad" integer DEFAULT 0 NOT NULL,
	"rectified" integer DEFAULT 0 NOT NULL,
	"rectified_in_time" integer DEFAULT 0 NOT NULL,
	"voided" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rating_monthly_month_scope_kind_scope_id_pk" PRIMARY KEY("month","scope_kind","scope_id")
);
--> statement-breakpoint
CREATE TABLE "rating_revisits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"contact_due" date NOT NULL,
	"rectify_due" date NOT NULL,
	"warning" text DEFAULT 'none' NOT NULL,
	"contacted_at" timestamp with time zone,
	"contact_note" text,
	"rectified_at" timestamp with time zone,
	"outcome" text,
	"handled_by" uuid,
	"review_status" text DEFAULT 'none' NOT NULL,
	"review_reason" text,
	"review_requested_by" uuid,
	"review_requested_at" timestamp with time zone,
	"review_decision_reason" text,
	"review_decided_by" uuid,
	"review_decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"level" smallint NOT NULL,
	"sub_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"rater_id" uuid,
	"entered_by" uuid,
	"department_id" uuid NOT NULL,
	"hall_id" uuid,
	"window_id" uuid,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"month" date NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_level_check" CHECK ("ratings"."level" BETWEEN 1 AND 5),
	CONSTRAINT "ratings_stage_check" CHECK ("ratings"."stage" IN ('accepted', 'concluded'))
);
--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_handled_by_accounts_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_review_requested_by_accounts_id_fk" FOREIGN KEY ("review_requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_revisits" ADD CONSTRAINT "rating_revisits_review_decided_by_accounts_id_fk" FOREIGN KEY ("review_decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_accounts_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_entered_by_accounts_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_department_id_organisations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_links_token_uq" ON "rating_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "rating_links_case_idx" ON "rating_links" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_revisits_rating_uq" ON "rating_revisits" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "rating_revisits_department_idx" ON "rating_revisits" USING btree ("department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_case_stage_uq" ON "ratings" USING btree ("case_id","stage");--> statement-breakpoint
CREATE INDEX "ratings_department_month_idx" ON "ratings" USING btree ("department_id","month");--> statement-breakpoint
CREATE INDEX "ratings_hall_month_idx" ON "ratings" USING btree ("hall_id","month");