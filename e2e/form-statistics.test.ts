import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;
const { companyFilesFoodLicence } = caseSteps(session);

type Figures = { cases: number; filled: number; prefilled: number; prefillRate: number | null };

test('the public statistics show the prefill rate of application forms beside the 材料减免率', async () => {
  const { page } = session;
  const { filed } = await companyFilesFoodLicence();
  const implementationId = filed.implementationId as string;
  const answer = await fetch(url('/api/cases/material-statistics'));
  const { prefill } = (await answer.json()) as {
    prefill: Figures & { byMatter: (Figures & { implementationId: string })[] };
  };
  assert.ok(prefill.cases >= 1 && prefill.prefilled > 0 && prefill.prefilled < prefill.filled);
  const pct = (share: number | null) => `${((share ?? 0) * 100).toFixed(1)}%`;

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

  // A district without forms has no rate (0 / 0): a dash and 暂无表单, not 0.0 %.
  const districts = (await (await fetch(url('/api/regions?parent=610100'))).json()) as
    | { items: { code: string }[] }
    | { code: string }[];
  let empty: string | undefined;
  for (const { code } of Array.isArray(districts) ? districts : districts.items) {
    const figures = await fetch(url(`/api/cases/material-statistics?region=${code}&subtree=true`));
    if (((await figures.json()) as { prefill: Figures }).prefill.prefillRate === null) {
      empty = code;
      break;
    }
  }
  assert.ok(empty, 'a district of 西安市 without filed forms');
  await page.goto(url(`/statistics?region=${empty}`));
  const none = page.getByTestId('form-prefill-rate');
  await none.getByTestId('prefill-rate').getByText('—', { exact: true }).waitFor();
  await none.getByTestId('prefill-no-forms').getByText('暂无表单').waitFor();
  assert.equal(await none.getByText('0.0%').count(), 0);
  await none.scrollIntoViewIfNeeded();
  await none.screenshot({ path: screenshotPath('statistics-02-prefill-no-forms') });
});
