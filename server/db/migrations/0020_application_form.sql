CREATE TABLE "application_drafts" (
	"account_id" uuid NOT NULL,
	"implementation_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_drafts_account_id_implementation_id_pk" PRIMARY KEY("account_id","implementation_id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "form" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "form_fields_filled" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "form_fields_prefilled" integer;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_implementation_id_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."implementations"("id") ON DELETE no action ON UPDATE no action;