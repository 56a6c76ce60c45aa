import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { loadConfig } from '../core/config.ts';
import { connect, type Database } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { seedDemo } from '../demo/seed.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { buildApp } from './app.ts';

/**
 * Which routes read the statistics' handle: the demo data on one database, reached through the
 * primary's pool and through a second pool standing for the replica, whose use is counted.
 */
let primary: TestDatabase;
let replica: Database;
let app: App;
let dataDir: string;
let replicaQueries = 0;

before(async () => {
  primary = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-read-routes-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', DATA_DIR: dataDir });
  await seedDemo(primary.db, config);
  replica = connect(primary.url, { max: 2 });
  replica.pool.on('acquire', () => {
    replicaQueries += 1;
  });
  app = await buildApp({ config, database: primary, readDatabase: replica, logger: false, serveApp: false });
  await app.ready();
});

after(async () => {
  await app?.close();
  await replica?.close();
  await primary?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Who = Browser | null;

async function answered(who: Who, method: 'GET' | 'POST', url: string, payload?: object) {
  const options = { method, url, ...(payload ? { payload } : {}) };
  const before = replicaQueries;
  const res = await (who ? who.request(options) : app.inject(options));
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return replicaQueries - before;
}

const one = async (query: ReturnType<typeof sql>) =>
  (await primary.db.execute<{ id: string }>(query)).rows[0]!.id;

test('the statistics, figures and rankings are read from the replica; writes and everyday reads from the primary', async () => {
  const supervisor = await signInAs(app, 'supervisor', 'demo1234');
  const manager = await signInAs(app, 'manager', 'demo1234');
  const clerk = await signInAs(app, 'clerk', 'demo1234');
  const month = new Date().toISOString().slice(0, 7);
  const today = new Date().toISOString().slice(0, 10);
  const department = await one(
    sql`SELECT o.id FROM organisations o JOIN accounts a ON a.organisation_id = o.id WHERE a.login = 'head'`,
  );
  const hall = await one(
    sql`SELECT h.id FROM halls h JOIN accounts a ON a.organisation_id = h.organisation_id
        WHERE a.login = 'manager' ORDER BY h.name LIMIT 1`,
  );
  const ranking = `month=${month}&kind=department&region=610100`;

  const statistics: [Who, string][] = [
    [null, '/api/catalogue/statistics'],
    [null, '/api/cases/material-statistics'],
    [null, `/api/ratings/public?month=${month}&regionCode=610100`],
    [supervisor, `/api/assessment/ranking?${ranking}`],
    [supervisor, `/api/assessment/ranking.xlsx?${ranking}`],
    [
      supervisor,
      `/api/assessment/details?month=${month}&kind=department&scopeId=${department}&figure=onTime`,
    ],
    [supervisor, `/api/ratings/figures?scope=department&id=${department}&from=${month}&to=${month}`],
    [supervisor, `/api/hotline/figures?regionCode=610100&from=${month}&to=${month}`],
    [supervisor, `/api/hotline/figures.xlsx?regionCode=610100&from=${month}&to=${month}`],
    [manager, `/api/tickets/halls/${hall}/figures?from=${today}&to=${today}`],
    [manager, `/api/tickets/halls/${hall}/figures.xlsx?from=${today}&to=${today}`],
    [supervisor, '/api/statistics/figures'],
    [supervisor, `/api/statistics/figures.xlsx?departmentId=${department}`],
    [supervisor, `/api/statistics/cases?figure=onTimeRate&hallId=${hall}`],
    [supervisor, '/api/statistics/cases.xlsx?figure=overdueOpen'],
    [null, '/api/screen?region=610100'],
  ];
  for (const [who, url] of statistics) {
    assert.ok((await answered(who, 'GET', url)) > 0, `${url} reads the replica`);
  }

  const everyday: [Who, string][] = [
    [null, '/api/catalogue/matters'],
    [null, '/api/catalogue/search?q=%E8%90%A5%E4%B8%9A'],
    [clerk, '/api/auth/me'],
    [supervisor, '/api/hotline/requests'],
    [manager, `/api/tickets/halls/${hall}/board`],
  ];
  for (const [who, url] of everyday) {
    assert.equal(await answered(who, 'GET', url), 0, `${url} reads the primary only`);
  }
  const recompute = await answered(supervisor, 'POST', '/api/assessment/compute', {
    month,
    region: '610100',
  });
  assert.equal(recompute, 0, 'the recompute writes and reads back on the primary');
});
