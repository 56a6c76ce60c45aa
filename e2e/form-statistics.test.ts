import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;
const { companyFilesFoodLicence } = caseSteps(session);

type Figures = { cases: number; filled: number; prefilled: number; prefillRate: number };

test('the public statistics show the prefill rate of application forms beside the 材料减免率', async () => {
  const { page } = session;
  const { filed } = await companyFilesFoodLicence();
  const implementationId = filed.implementationId as string;
  const answer = await fetch(url('/api/cases/material-statistics'));
  const { prefill } = (await answer.json()) as {
    prefill: Figures & { byMatter: (Figures & { implementationId: string })[] };
  };
  assert.ok(prefill.cases >= 1 && prefill.prefilled > 0 && prefill.prefilled < prefill.filled);
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

  await page.goto(url('/statistics'));
  await page.getByTestId('material-reduction').waitFor();
  const card = page.getByTestId('form-prefill-rate');
  await card.getByText(`申请表智能预填（${prefill.cases} 件办件）`).waitFor();
  await card
    .getByTestId('prefill-how')
    .getByText(/^预填率 = .+ ÷ 申请表中已填写的栏目数/)
    .waitFor();
  await card.getByTestId('prefill-rate').getByText(pct(prefill.prefillRate), { exact: true }).waitFor();
  await card.getByTestId('prefill-prefilled').getByText(String(prefill.prefilled), { exact: true }).waitFor();
  await card.getByTestId('prefill-filled').getByText(String(prefill.filled), { exact: true }).waitFor();
  const food = prefill.byMatter.find((m) => m.implementationId === implementationId)!;
  const row = card.getByTestId('prefill-by-matter').locator(`tr[data-row-key="${implementationId}"]`);
  await row.getByText('食品经营许可', { exact: true }).waitFor();
  await row.getByText(pct(food.prefillRate), { exact: true }).waitFor();
  await card.getByTestId('prefill-by-department').getByText('西安市市场监督管理局').first().waitFor();
  await card.getByTestId('prefill-chart').locator('canvas').first().waitFor();
  await card.scrollIntoViewIfNeeded();
  // The bars grow for a moment after they are drawn.
  await page.waitForTimeout(1500);
  await card.screenshot({ path: screenshotPath('statistics-01-prefill-rate') });
});
