CREATE TABLE "basic_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"matter_type" text NOT NULL,
	"exercising_level" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "basic_matters_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "implementation_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"implementation_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"document" jsonb NOT NULL,
	"name" text NOT NULL,
	"service_object" text NOT NULL,
	"case_type" text NOT NULL,
	"realisation_mode" text NOT NULL,
	"limit_unit" text NOT NULL,
	"legal_limit" integer NOT NULL,
	"promised_limit" integer NOT NULL,
	"visits_required" integer NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_vector" "tsvector",
	"created_by" uuid,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"basic_matter_id" uuid NOT NULL,
	"code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"published_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"synonyms" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_synonyms_term_unique" UNIQUE("term")
);
--> statement-breakpoint
ALTER TABLE "implementation_versions" ADD CONSTRAINT "implementation_versions_implementation_id_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_versions" ADD CONSTRAINT "implementation_versions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_versions" ADD CONSTRAINT "implementation_versions_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_versions" ADD CONSTRAINT "implementation_versions_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementations" ADD CONSTRAINT "implementations_basic_matter_id_basic_matters_id_fk" FOREIGN KEY ("basic_matter_id") REFERENCES "public"."basic_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementations" ADD CONSTRAINT "implementations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementations" ADD CONSTRAINT "implementations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_versions_no_uq" ON "implementation_versions" USING btree ("implementation_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_versions_open_uq" ON "implementation_versions" USING btree ("implementation_id") WHERE status in ('draft', 'under_review');--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_versions_published_uq" ON "implementation_versions" USING btree ("implementation_id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "implementation_versions_status_idx" ON "implementation_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "implementation_versions_search_idx" ON "implementation_versions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "implementation_versions_themes_idx" ON "implementation_versions" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "implementations_org_idx" ON "implementations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "implementations_region_idx" ON "implementations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "implementations_basic_idx" ON "implementations" USING btree ("basic_matter_id");