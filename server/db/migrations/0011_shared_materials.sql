CREATE TABLE "registry_companies" (
	"credit_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_representative" text NOT NULL,
	"legal_representative_id_number" text,
	"company_type" text NOT NULL,
	"registered_address" text NOT NULL,
	"registered_capital" text DEFAULT '' NOT NULL,
	"established_on" date NOT NULL,
	"business_scope" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"id_number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text DEFAULT '' NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ALTER COLUMN "file_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD COLUMN "reference" jsonb;--> statement-breakpoint
CREATE INDEX "registry_companies_name_idx" ON "registry_companies" USING btree ("name");--> statement-breakpoint
CREATE INDEX "registry_persons_name_idx" ON "registry_persons" USING btree ("name");