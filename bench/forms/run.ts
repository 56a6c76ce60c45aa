import type { Page } from 'playwright-core';
import { checkBrowserPrerequisites, launchBrowser } from '../../e2e/support/browser.ts';
import { DEMO_COMPANY } from '../../server/demo/registries-data.ts';
import { ensureAppBuilt } from '../../server/http/build-app.ts';
import { startBenchServer } from '../server.ts';
import { applyForFoodLicence, type JourneyResult } from './journey.ts';
import { E2E, HUMAN } from './pace.ts';
import { measureRender } from './render.ts';

/**
 * Application forms in Debian's Chromium at phone size (390 × 844), against the real server in
 * another process on a fresh database with the demo data: the demo company's 食品经营许可 from the
 * guide page to the filed case at a person's pace and at the browser tests' pace (the difference is
 * the person), and the render time of a 60-field form beside a bare HTML page of 60 inputs.
 * Usage: npm run bench:forms [-- <render runs>]   (run it alone: it builds the web app when stale)
 */
const runs = Number(process.argv[2] ?? 10);
const PHONE = { width: 390, height: 844 };
/** Shanghai's 2024 target for completing an application online. */
const TARGET_MS = 20 * 60_000;
const START_TIMEOUT_MS = 300_000;
/** Every demo account's password. */
const DEMO_PASSWORD = 'demo1234';

const seconds = (ms: number) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
    : `${(ms / 1000).toFixed(1)} s`;
/** Columns line up in a terminal: a Chinese character takes two. */
const width = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 2 : 1), 0);
const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(n - width(text), 0));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(n - width(text), 0)) + text;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Demo data on a fresh database can take minutes on a busy machine: waits for the server's answer. */
async function healthy(url: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

/** The city's 食品经营许可, as the browser tests find it. */
async function foodLicence(base: string): Promise<string> {
  const response = await fetch(
    `${base}/api/catalogue/search?q=${encodeURIComponent('食品经营许可')}&limit=20`,
  );
  const { items } = (await response.json()) as {
    items: { implementationId: string; name: string; regionCode: string }[];
  };
  const found = items.find((m) => m.name === '食品经营许可' && m.regionCode === '610100');
  if (!found) throw new Error('the demo catalogue lacks the city’s 食品经营许可');
  return found.implementationId;
}

async function signInCompany(page: Page, base: string) {
  await page.goto(`${base}/login?as=company`);
  const form = page.getByTestId('sign-in-company');
  await form.getByLabel('统一社会信用代码').fill(DEMO_COMPANY.record.creditCode);
  await form.getByLabel('密码').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/my');
}

function printJourneys(journeys: JourneyResult[]) {
  const row = (label: string, cell: (j: JourneyResult) => string) =>
    console.log(`  ${padEnd(label, 48)}${journeys.map((j) => padStart(cell(j), 24)).join('')}`);
  console.log('\n食品经营许可 by the demo company on a phone (390 × 844), guide page → filed case');
  row('', (j) => j.pace);
  row('time to complete', (j) => seconds(j.totalMs));
  row('  of it the person (reading, typing, choosing)', (j) => seconds(j.pausedMs));
  row('  of it the platform, browser and Playwright', (j) => seconds(j.totalMs - j.pausedMs));
  row('form fields prefilled (checked)', (j) => String(j.tally.checked));
  row('  of them corrected (经营场所)', (j) => String(j.tally.corrected));
  row('form fields typed (characters)', (j) => `${j.tally.typed} (${j.tally.characters})`);
  row('form fields chosen (options picked)', (j) => `${j.tally.chosen} (${j.tally.picks})`);
  row('optional fields left empty', (j) => String(j.tally.leftEmpty));
  row(
    'table rows added, steps, files uploaded',
    (j) => `${j.tally.rowsAdded}, ${j.tally.steps}, ${j.tally.uploads}`,
  );
  row(
    'case: fields filled as the data gave them',
    (j) => `${j.prefilled}/${j.filled} (${Math.round((j.prefilled / Math.max(j.filled, 1)) * 100)} %)`,
  );
  row('case: 经营场所 kept as corrected', (j) => (j.premisesCorrected ? 'yes' : 'NO'));
  row('case number', (j) => j.caseNo);
  const human = journeys.find((j) => j.pace === HUMAN.name);
  if (human) {
    const { paths } = human.tally;
    console.log(
      `  prefilled: ${paths.checked.join(', ')}; corrected: ${paths.corrected.join(', ')}; typed: ${paths.typed.join(', ')}; chosen: ${paths.chosen.join(', ')}; left empty: ${paths.leftEmpty.join(', ') || '—'}`,
    );
    console.log(
      `  at human pace: ${seconds(human.totalMs)} against Shanghai's target of under 20 min: ${human.totalMs < TARGET_MS ? 'met' : 'NOT met'}; applied at ${human.place}`,
    );
  }
  console.log(
    `  human pace: guide ${HUMAN.guideMs / 1000} s; per prefilled field ${HUMAN.checkMs / 1000} s; per typed field ${HUMAN.readMs / 1000} s to read + ${HUMAN.keyMs} ms a character; per option ${HUMAN.choiceMs / 1000} s; per step ${HUMAN.stepMs / 1000} s; per file ${HUMAN.uploadMs / 1000} s`,
  );
}

function printRender(render: Awaited<ReturnType<typeof measureRender>>) {
  const ms = (n: number) => n.toFixed(0).padStart(8);
  const stats = (values: number[]) =>
    `${ms(median(values))}${ms(Math.min(...values))}${ms(Math.max(...values))}`;
  console.log(`\nrender at 390 px, data handed in → last field painted, ${render.formMs.length} runs each`);
  console.log(`  ${''.padEnd(48)}${'median'.padStart(8)}${'min'.padStart(8)}${'max'.padStart(8)}  ms`);
  console.log(`  ${`FormRenderer, 60-field form (${render.shown} shown)`.padEnd(48)}${stats(render.formMs)}`);
  console.log(`  ${'floor: bare HTML, 60 labels and plain inputs'.padEnd(48)}${stats(render.floorMs)}`);
  console.log(
    `  ratio of the medians: ${(median(render.formMs) / Math.max(median(render.floorMs), 0.1)).toFixed(1)} ×`,
  );
}

checkBrowserPrerequisites();
await ensureAppBuilt((m) => console.log(m));
const started = Date.now();
const server = await startBenchServer();
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
try {
  await healthy(server.url);
  console.log(`server with the demo data ready in ${seconds(Date.now() - started)}`);
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  await page.setViewportSize(PHONE);
  await signInCompany(page, server.url);
  const implementationId = await foodLicence(server.url);
  const journeys: JourneyResult[] = [];
  for (const pace of [HUMAN, E2E]) {
    console.log(`${pace.name}: applying…`);
    journeys.push(
      await applyForFoodLicence({ page, base: server.url, guidePath: `/guide/${implementationId}`, pace }),
    );
  }
  printJourneys(journeys);
  printRender(await measureRender({ page, base: server.url, implementationId, runs }));
} finally {
  await browser?.close();
  await server.stop();
}
