import { test } from 'node:test';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { signInStaff } = session;
const { foodLicence, expectStatus, act, openStaffCase, expectMenu, walkIn } = caseSteps(session);

test('journey 3: a 告知承诺 case approved on the spot, revoked at verification as false, and the next promise refused with the reason', async () => {
  const { page } = session;
  const matter = await foodLicence();
  const reason = '现场核查发现经营场所与承诺的布局不符，承诺不实';

  // The clerk approves on the company's signed promise, on the spot.
  await signInStaff('clerk');
  const caseNo = await walkIn(matter);
  await expectMenu('综合受理');
  await act('approve_on_promise', () =>
    page.getByTestId('action-promise').fill('本企业承诺经营场所、设备布局与所报材料一致，所填信息真实有效。'),
  );
  await expectStatus(page, 'approved_on_promise');
  await page
    .locator('[data-testid=timeline-event][data-action=approve_on_promise]')
    .getByText('张敏（窗口工作人员）')
    .waitFor();
  await page.screenshot({ path: screenshotPath('case-21-approved-on-promise'), fullPage: true });

  // The department head finds it in the review queue, awaiting verification, and revokes it.
  await signInStaff('head');
  await page.getByTestId('workbench-menu').getByText('审核队列').click();
  const queued = page
    .getByTestId('review-queue')
    .locator('tr', { has: page.getByRole('link', { name: caseNo }) });
  await queued.getByText('告知承诺准予许可').waitFor();
  await openStaffCase(caseNo, 'review-queue');
  await expectMenu('审核队列');
  await act('revoke', () => page.getByTestId('action-reason').fill(reason));
  await expectStatus(page, 'revoked');
  const revoked = page.locator('[data-testid=timeline-event][data-action=revoke]');
  await revoked.getByText('陈志强（部门负责人）').waitFor();
  await revoked.getByText(reason).waitFor();
  await page.screenshot({ path: screenshotPath('case-22-revoked'), fullPage: true });

  // The same company's next promise is refused at the counter, with the reason on record.
  await signInStaff('clerk');
  const nextCaseNo = await walkIn(matter);
  await act('approve_on_promise', () =>
    page.getByTestId('action-promise').fill('本企业再次承诺所填信息真实有效。'),
  );
  await page
    .getByTestId('action-error')
    .getByText(`申请人因承诺不实被列入失信记录，暂不适用告知承诺：${reason}`)
    .waitFor();
  await page.screenshot({ path: screenshotPath('case-23-promise-barred') });
  await page.keyboard.press('Escape');
  await expectStatus(page, 'submitted');

  // The clerk sees the applicant's phone masked, and in full after 显示 (the view is audited).
  await page.getByTestId('masked-applicantPhone').getByText('059****4321').waitFor();
  await page.getByTestId('reveal-applicantPhone').click();
  await page.getByTestId('revealed-applicantPhone').getByText('059187654321').waitFor();

  // The company has put things right: the department head lifts the credit record (信用修复).
  await signInStaff('head');
  await page.getByTestId('workbench-menu').getByText('信用记录').click();
  const record = page.locator(`[data-testid=credit-row][data-case-no="${caseNo}"]`);
  await record.getByText(reason).waitFor();
  await page.screenshot({ path: screenshotPath('case-24-credit-records'), fullPage: true });
  await record.getByTestId('credit-lift').click();
  await page.locator('[data-testid=credit-lift-dialog][data-opened=true]').waitFor();
  await page.getByTestId('credit-lift-reason').fill('企业已按承诺整改到位，经复核予以信用修复');
  await page.getByTestId('credit-lift-confirm').click();
  await record.waitFor({ state: 'detached' });

  // The company's next promise is accepted at the counter.
  await signInStaff('clerk');
  await page.getByTestId('workbench-menu').getByText('综合受理').click();
  await page.getByRole('tab', { name: '本厅办件' }).click();
  await openStaffCase(nextCaseNo, 'hall-cases');
  await act('approve_on_promise', () =>
    page.getByTestId('action-promise').fill('本企业再次承诺所填信息真实有效。'),
  );
  await expectStatus(page, 'approved_on_promise');
});
