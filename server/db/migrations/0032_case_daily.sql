CREATE TABLE "case_daily" (
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_counter" integer DEFAULT 0 NOT NULL,
	"received_kiosk" integer DEFAULT 0 NOT NULL,
	"received_agent" integer DEFAULT 0 NOT NULL,
	"materials_reused" integer DEFAULT 0 NOT NULL,
	"materials_uploaded" integer DEFAULT 0 NOT NULL,
	"form_fields_filled" integer DEFAULT 0 NOT NULL,
	"form_fields_prefilled" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"accepted_with_gaps" integer DEFAULT 0 NOT NULL,
	"accepted_on_promise" integer DEFAULT 0 NOT NULL,
	"concluded" integer DEFAULT 0 NOT NULL,
	"concluded_immediate" integer DEFAULT 0 NOT NULL,
	"concluded_on_time" integer DEFAULT 0 NOT NULL,
	"concluded_late" integer DEFAULT 0 NOT NULL,
	"concluded_fully_online" integer DEFAULT 0 NOT NULL,
	"concluded_zero_visits" integer DEFAULT 0 NOT NULL,
	"concluded_at_most_one_visit" integer DEFAULT 0 NOT NULL,
	"visits_sum" integer DEFAULT 0 NOT NULL,
	"concluded_supplemented" integer DEFAULT 0 NOT NULL,
	"timed_concluded" integer DEFAULT 0 NOT NULL,
	"used_working_days_sum" integer DEFAULT 0 NOT NULL,
	"promised_working_days_sum" integer DEFAULT 0 NOT NULL,
	"legal_working_days_sum" integer DEFAULT 0 NOT NULL,
	"used_days_histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_daily_day_region_code_department_id_pk" PRIMARY KEY("day","region_code","department_id")
);
--> statement-breakpoint
CREATE TABLE "case_daily_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_daily_department_idx" ON "case_daily" USING btree ("department_id","day");--> statement-breakpoint
CREATE INDEX "case_daily_region_path_idx" ON "case_daily" USING btree ("region_path" text_pattern_ops,"day");