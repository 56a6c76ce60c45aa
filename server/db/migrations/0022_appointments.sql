CREATE TABLE "appointment_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_settings" (
	"hall_id" uuid PRIMARY KEY NOT NULL,
	"weekdays" jsonb NOT NULL,
	"extra_days" jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"min_days_ahead" integer DEFAULT 1 NOT NULL,
	"max_days_ahead" integer DEFAULT 5 NOT NULL,
	"cancel_hours_before" integer DEFAULT 2 NOT NULL,
	"no_show_limit" integer DEFAULT 2 NOT NULL,
	"cancel_limit" integer DEFAULT 5 NOT NULL,
	"suspend_days" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start" text NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_category_id_day_start_pk" PRIMARY KEY("category_id","day","start"),
	CONSTRAINT "appointment_slots_booked_check" CHECK ("appointment_slots"."booked" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"reason_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"booked_by" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_day_before" timestamp with time zone,
	"reminded_hour_before" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "appointment_categories" ADD CONSTRAINT "appointment_categories_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_settings" ADD CONSTRAINT "appointment_settings_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_category_id_appointment_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."appointment_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_suspensions" ADD CONSTRAINT "appointment_suspensions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_suspensions" ADD CONSTRAINT "appointment_suspensions_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_category_id_appointment_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."appointment_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_accounts_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_categories_hall_idx" ON "appointment_categories" USING btree ("hall_id");--> statement-breakpoint
CREATE INDEX "appointment_suspensions_account_idx" ON "appointment_suspensions" USING btree ("account_id","hall_id","until");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_a_day_uq" ON "appointments" USING btree ("account_id","category_id","day") WHERE "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "appointments_account_idx" ON "appointments" USING btree ("account_id","day");--> statement-breakpoint
CREATE INDEX "appointments_due_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."status" = 'booked';