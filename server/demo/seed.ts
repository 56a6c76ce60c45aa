import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedDemoActivity } from './activity/demo.ts';
import { seedDemoAppointments } from './appointments.ts';
import { seedDemoAssessment } from './assessment.ts';
import { seedDemoCatalogue } from './catalogue/seed.ts';
import { seedDemoCertificates } from './certificates.ts';
import { seedDemoHotline } from './hotline.ts';
import { seedDemoInspectors } from './inspectors.ts';
import { seedDemoKiosks } from './kiosks.ts';
import { seedDemoOrganisations } from './organisations.ts';
import { seedDemoRegistries } from './registries.ts';
import { seedDemoSearchCounts } from './search-counts.ts';

const SEED_LOCK = 7_262_003;

export const DEMO_AUDIT: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'demo-data',
};

/**
 * Loads the demo data (西安市, its departments, halls, demo sign-ins, catalogue, a kiosk and a year of
 * generated cases) in one transaction.
 */
export async function seedDemo(db: Db, config: Config): Promise<void> {
  void config;
  await db.transaction(async (tx) => {
    const orgs = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
    await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCertificates({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoKiosks({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoAppointments({ db: tx, orgs });
    await seedDemoRegistries({ db: tx, audit: DEMO_AUDIT });
    await seedDemoSearchCounts(tx);
    await seedDemoHotline({ db: tx });
    await seedDemoInspectors({ db: tx, audit: DEMO_AUDIT });
    await seedDemoActivity({ db: tx });
    await seedDemoAssessment({ db: tx, orgs });
  });
}

/** Loads the demo data into a database that has no organisations yet. Returns whether it did. */
export async function seedDemoIfEmpty(db: Db, config: Config): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two server processes starting together on one database must not both seed it.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const result = await tx.execute<{ empty: boolean }>(
      sql`SELECT NOT EXISTS (SELECT 1 FROM organisations) AND NOT EXISTS (SELECT 1 FROM accounts) AS empty`,
    );
    if (!result.rows[0]?.empty) return false;
    const orgs = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
    await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCertificates({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoKiosks({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoAppointments({ db: tx, orgs });
    await seedDemoRegistries({ db: tx, audit: DEMO_AUDIT });
    await seedDemoSearchCounts(tx);
    await seedDemoHotline({ db: tx });
    await seedDemoInspectors({ db: tx, audit: DEMO_AUDIT });
    await seedDemoActivity({ db: tx });
    await seedDemoAssessment({ db: tx, orgs });
    void config;
    return true;
  });
}
