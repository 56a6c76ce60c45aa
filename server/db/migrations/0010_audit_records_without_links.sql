ALTER TABLE "audit_records" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_records" DROP COLUMN "hash";