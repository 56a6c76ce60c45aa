CREATE TABLE "published_matters" (
	"implementation_id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"basic_code" text NOT NULL,
	"matter_type" text NOT NULL,
	"department_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"region_path" text NOT NULL,
	"service_object" text NOT NULL,
	"case_type" text NOT NULL,
	"realisation_mode" text NOT NULL,
	"limit_unit" text NOT NULL,
	"legal_limit" integer NOT NULL,
	"promised_limit" integer NOT NULL,
	"visits_required" integer NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"online_available" boolean NOT NULL,
	"names_vector" "tsvector" NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "implementation_versions_search_idx";--> statement-breakpoint
DROP INDEX "implementation_versions_search_strong_idx";--> statement-breakpoint
ALTER TABLE "published_matters" ADD CONSTRAINT "published_matters_implementation_id_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_matters" ADD CONSTRAINT "published_matters_version_id_implementation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."implementation_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_matters_names_vector_idx" ON "published_matters" USING gin ("names_vector");--> statement-breakpoint
CREATE INDEX "published_matters_search_vector_idx" ON "published_matters" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "published_matters_name_idx" ON "published_matters" USING btree ("name","code");--> statement-breakpoint
CREATE INDEX "published_matters_region_path_idx" ON "published_matters" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "published_matters_region_idx" ON "published_matters" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "published_matters_department_idx" ON "published_matters" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "published_matters_themes_idx" ON "published_matters" USING gin ("themes");--> statement-breakpoint
INSERT INTO "published_matters" SELECT i.id, v.id, i.code, v.name, bm.code, bm.matter_type, o.id, o.name,
	rg.code, rg.name, rg.path, v.service_object, v.case_type, v.realisation_mode, v.limit_unit, v.legal_limit,
	v.promised_limit, v.visits_required, v.themes, coalesce((v.document->'channels') ? 'online', false),
	ts_filter(coalesce(v.search_vector, ''::tsvector), '{a,b}'), coalesce(v.search_vector, ''::tsvector)
	FROM "implementations" i
	JOIN "implementation_versions" v ON v.id = i.published_version_id AND v.status = 'published'
	JOIN "basic_matters" bm ON bm.id = i.basic_matter_id
	JOIN "organisations" o ON o.id = i.organisation_id
	JOIN "regions" rg ON rg.code = i.region_code;--> statement-breakpoint
ALTER TABLE "implementation_versions" DROP COLUMN "search_vector";