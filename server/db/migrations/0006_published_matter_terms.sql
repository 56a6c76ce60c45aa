CREATE TABLE "published_matter_terms" (
	"lexeme" text NOT NULL,
	"weight" text NOT NULL,
	"name_length" integer NOT NULL,
	"name" text NOT NULL,
	"implementation_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_matter_terms" ADD CONSTRAINT "published_matter_terms_implementation_id_published_matters_implementation_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."published_matters"("implementation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_matter_terms_order_idx" ON "published_matter_terms" USING btree ("lexeme","weight","name_length","name","implementation_id");--> statement-breakpoint
CREATE INDEX "published_matter_terms_matter_idx" ON "published_matter_terms" USING btree ("implementation_id");--> statement-breakpoint
INSERT INTO "published_matter_terms" ("lexeme", "weight", "name_length", "name", "implementation_id")
	SELECT u.lexeme, u.weights[1], length(m.name), m.name, m.implementation_id
	FROM "published_matters" m, unnest(m.names_vector) u;
