import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany } = session;
const { foodLicence } = caseSteps(session);

test('the online draft keeps what was typed just before a reload: the page saves it as it is left', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await signInCompany(page);
  await page.goto(url(`/apply/${matter.id}`));
  const form = page.getByTestId('application-form');
  await form.waitFor();
  const premises = form.locator('[data-testid=form-field][data-path="premises"]').locator('textarea');
  const typed = '西安市新城区东大街8号三层302室';
  assert.notEqual(await premises.inputValue(), typed);

  // Typed, and the page reloaded at once, before the pause after typing that saves the draft:
  // the page sends it as it is left.
  await premises.fill(typed);
  await page.reload();

  await page.getByTestId('draft-resumed').waitFor();
  const resumed = page
    .getByTestId('application-form')
    .locator('[data-testid=form-field][data-path="premises"]');
  assert.equal(await resumed.locator('textarea').inputValue(), typed);
  await resumed.getByTestId('field-corrected').waitFor();
  await page.screenshot({ path: screenshotPath('drafts-01-resumed-after-reload') });
});
