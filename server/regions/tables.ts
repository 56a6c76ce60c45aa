import { index, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** Administrative divisions (GB/T 2260 codes; statistical codes below district level). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** province | city | district | street | community */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** Codes from the root down to this region joined by '/', for subtree queries. */
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_path_idx').on(t.path)],
);
