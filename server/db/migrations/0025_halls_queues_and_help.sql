CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hall_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"account_id" uuid,
	"kiosk_device_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"implementation_id" uuid,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_settings" (
	"hall_id" uuid PRIMARY KEY NOT NULL,
	"wait_goal_minutes" integer DEFAULT 20 NOT NULL,
	"daily_limit_per_person" integer DEFAULT 3 NOT NULL,
	"near_notice_ahead" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "halls" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "halls" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "person_name" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "near_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_kiosk_device_id_kiosk_devices_id_fk" FOREIGN KEY ("kiosk_device_id") REFERENCES "public"."kiosk_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_taken_by_accounts_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_settings" ADD CONSTRAINT "ticket_settings_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_requests_hall_idx" ON "help_requests" USING btree ("hall_id","created_at") WHERE "help_requests"."status" IN ('open', 'taken');--> statement-breakpoint
CREATE INDEX "help_requests_account_idx" ON "help_requests" USING btree ("account_id","created_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_hall_day_idx" ON "tickets" USING btree ("hall_id","day");--> statement-breakpoint
CREATE INDEX "tickets_account_day_idx" ON "tickets" USING btree ("account_id","day");--> statement-breakpoint
CREATE FUNCTION ticket_events_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('ticket_events', (SELECT hall_id::text FROM tickets WHERE id = NEW.ticket_id) || ':' || NEW.id::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ticket_events_notify AFTER INSERT ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION ticket_events_notify();
