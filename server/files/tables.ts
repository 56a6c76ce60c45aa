import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Stored files, content-addressed: the sha-256 of the content is the key (files under DATA_DIR/files). */
export const storedFiles = pgTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  /** Detected from the content, not the name: application/pdf | image/jpeg | image/png */
  mediaType: text('media_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** clean | infected | unscanned */
  scanStatus: text('scan_status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
