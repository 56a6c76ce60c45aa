import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

/*
 * Reviewing the form: the reviewer sees the form as filed with the sources of prefilled fields,
 * returns a 补正 notice pointing at a field, the company corrects that field on its case page and
 * posts its paper originals instead of coming; the reviewer records their receipt. No visit.
 */

const session = withBrowserSession();
const { url, signInStaff, signInCompany } = session;
const { companyFilesFoodLicence, expectStatus, act } = caseSteps(session);

const NEW_PREMISES = '陕西省西安市新城区长乐中路128号3层301室';

test('the reviewer sees the sources and asks for a field; the company corrects it and posts the originals', async () => {
  const { page } = session;
  const { filed } = await companyFilesFoodLicence();
  const caseId = String(filed.id);

  await signInStaff('reviewer');
  await page.goto(url(`/workbench/cases/${caseId}`));
  await page.getByTestId('staff-case-page').waitFor();
  const form = page.getByTestId('case-form');
  const prefilled = form.locator('[data-testid=form-view-field][data-prefilled=true]');
  await prefilled.first().waitFor();
  assert.ok((await prefilled.count()) >= 3, 'most of the form came from data the platform holds');
  await form.locator('[data-testid=form-view-field][data-key=premises][data-prefilled=true]').waitFor();
  await page.screenshot({ path: screenshotPath('review-01-form-sources'), fullPage: true });

  await act('request_supplement', async () => {
    const dialog = page.locator('[data-testid=action-dialog][data-action=request_supplement]');
    await dialog.getByTestId('action-problem-target').click();
    await dialog.locator('[data-testid=action-problem] .ant-select input').fill('经营场所（经营场所）');
    // Clicked once the filter has left that one option, so the list cannot change under the click.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await page.waitForFunction(
      `[...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].map((o) => o.textContent).join('|') === '经营场所（经营场所）'`,
    );
    await options.filter({ hasText: '经营场所（经营场所）' }).click();
    await dialog.locator('[data-testid=action-problem] textarea').fill('经营场所须写明房间号');
  });
  await expectStatus(page, 'needs_supplement');
  await form.locator('[data-testid=form-view-field][data-key=premises][data-highlighted=true]').waitFor();
  await page
    .locator('[data-testid=timeline-event][data-action=request_supplement]')
    .getByText('申请表（经营场所）：经营场所须写明房间号')
    .waitFor();

  await signInCompany();
  await page.goto(url(`/my/cases/${caseId}`));
  const card = page.getByTestId('supplement-card');
  await card.getByText('申请表（经营场所）：经营场所须写明房间号').waitFor();
  const premises = card.locator('[data-testid=form-correction] [data-testid=form-field][data-path=premises]');
  await premises.getByText('经营场所须写明房间号').waitFor();
  await premises.locator('input, textarea').first().fill(NEW_PREMISES);
  // The reviewer's note stays until the field is changed; the correction shows beside the source.
  await premises.getByTestId('field-error').waitFor({ state: 'detached' });
  await premises.getByTestId('field-corrected').waitFor();
  await page.screenshot({ path: screenshotPath('review-02-correct-field'), fullPage: true });
  await card.getByTestId('resubmit-submit').click();
  await card.waitFor({ state: 'detached' });
  await expectStatus(page, 'submitted');
  await page.getByTestId('my-case-form').getByText(NEW_PREMISES).waitFor();

  // The originals go by post: the company records the tracking number.
  await page.getByTestId('originals-tracking').fill('SF1234567890');
  await page.getByTestId('originals-post').click();
  await page.locator('[data-testid=parcel][data-tracking=SF1234567890]').getByText('在途').waitFor();
  await page.screenshot({ path: screenshotPath('review-03-originals-posted'), fullPage: true });

  await signInStaff('reviewer');
  await page.goto(url(`/workbench/cases/${caseId}`));
  await page.getByTestId('staff-case-page').waitFor();
  await page
    .locator('[data-testid=timeline-event][data-action=resubmit]')
    .getByText('已更正申请表栏目：经营场所')
    .waitFor();
  await page.getByTestId('case-form').getByText(NEW_PREMISES).waitFor();
  await act('receive_originals', async () => {
    const dialog = page.locator('[data-testid=action-dialog][data-action=receive_originals]');
    // The one parcel in transit is filled in.
    assert.equal(await dialog.locator('input#trackingNo').inputValue(), 'SF1234567890');
  });
  await page
    .locator('[data-testid=case-originals] [data-testid=parcel][data-tracking=SF1234567890]')
    .getByText('已签收')
    .waitFor();
  await page.locator('[data-testid=timeline-event][data-action=receive_originals]').waitFor();
  assert.equal(await page.getByTestId('visit-mark').count(), 0, 'nobody came to the hall');
  await page.screenshot({ path: screenshotPath('review-04-originals-received'), fullPage: true });
});
