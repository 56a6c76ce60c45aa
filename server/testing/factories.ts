/**
 * Small factories for tests that need *some* applicant, organisation, staff member, matter, case or
 * certificate and are not about the demo data. Each creates its rows through the services the
 * application uses (so every rule applies) and makes values unique (a counter and a random part),
 * so test files running in parallel on one database never collide.
 */
export * from './factory-accounts.ts';
export * from './factory-cases.ts';
export * from './factory-certificates.ts';
export { withTestDatabase } from './factory-database.ts';
export * from './factory-values.ts';
