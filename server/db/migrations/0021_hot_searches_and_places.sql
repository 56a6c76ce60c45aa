CREATE TABLE "search_term_counts" (
	"day" date NOT NULL,
	"term" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "search_term_counts_day_term_pk" PRIMARY KEY("day","term")
);
--> statement-breakpoint
-- The word lists are rebuilt below with the basic matter of each row and the lead of each basic matter.
DELETE FROM "published_matter_terms";--> statement-breakpoint
ALTER TABLE "published_matter_terms" ADD COLUMN "basic_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "published_matter_terms" ADD COLUMN "lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "published_matter_terms_lead_idx" ON "published_matter_terms" USING btree ("lexeme","weight","name_length","name","implementation_id") WHERE lead;--> statement-breakpoint
CREATE INDEX "published_matter_terms_basic_idx" ON "published_matter_terms" USING btree ("basic_code");--> statement-breakpoint
CREATE INDEX "published_matters_basic_idx" ON "published_matters" USING btree ("basic_code","region_path");--> statement-breakpoint
INSERT INTO "published_matter_terms" ("lexeme", "weight", "name_length", "name", "implementation_id", "basic_code", "lead")
SELECT u.lexeme, u.weights[1], length(m.name), m.name, m.implementation_id, m.basic_code,
  row_number() OVER (PARTITION BY u.lexeme, m.basic_code
    ORDER BY u.weights[1], length(m.name), m.name, m.implementation_id) = 1
FROM "published_matters" m, unnest(m.names_vector) u;
