import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { screenshotPath } from './support/browser.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url } = session;

const HALL = '西一路街道便民服务大厅';

/** The SMS the sandbox recorded for 李秀兰 about her help request. */
async function smsTold(): Promise<string[]> {
  const rows = await session.query<{ body: string }>(
    `SELECT n.body FROM notifications n JOIN accounts a ON a.id = n.account_id
     WHERE a.display_name = '李秀兰' AND n.channel = 'sms' AND n.subject->>'event' = 'taken'`,
  );
  return rows.map((r) => r.body);
}

test('in 长辈模式 a person presses 请帮我办 and submits; an agent of the hall takes it; the person sees 已受理', async () => {
  const { page } = session;
  await page.bringToFront();
  await session.signInPerson();
  const elderly = page.locator('.portal-nav [data-testid=elderly-switch]');
  await elderly.click();
  await page.locator('.portal-nav [data-testid=elderly-switch][data-on=true]').waitFor();

  await page.locator('.portal-nav [data-testid=help-button]').click();
  const dialog = page.getByTestId('help-dialog');
  await dialog.getByText('留下电话').waitFor();
  // The phone on her account is filled in; she chooses the hall of her street.
  assert.equal(await dialog.getByTestId('help-phone').inputValue(), '13912345678');
  await dialog.getByTestId('help-hall').click();
  await page.locator('.ant-select-item-option').filter({ hasText: HALL }).click();
  await dialog.getByTestId('help-note').fill('不会在网上填表，想办理居住证');
  await page.screenshot({ path: screenshotPath('help-request-01-dialog') });
  await dialog.getByTestId('help-submit').click();
  await dialog.getByTestId('help-sent').getByText('已提交，工作人员将尽快与您联系').waitFor();
  await dialog.getByTestId('help-sent-status').getByText('等待受理').waitFor();
  await page.screenshot({ path: screenshotPath('help-request-02-sent') });
  await dialog.getByTestId('help-close').click();
  await dialog.waitFor({ state: 'detached' });
  const mine = page.getByTestId('my-help-request').filter({ hasText: HALL });
  await mine.getByTestId('my-help-status').getByText('等待受理').waitFor();

  // The agent of the 西一路 street centre sees it in 帮办请求 and takes it.
  await session.signInStaff('agent');
  await page.getByRole('menuitem', { name: /帮办请求/ }).click();
  await page.waitForURL('**/workbench/help-requests');
  const row = page.locator('[data-testid=help-request][data-name=李秀兰]');
  await row.getByText('不会在网上填表，想办理居住证').waitFor();
  await row.getByText('139****5678').waitFor();
  await row.getByTestId('help-take').click();
  await page.getByText('已接单，请尽快与申请人联系').waitFor();
  await row.getByTestId('help-status').getByText('已受理').waitFor();
  // Now hers to call: the full number.
  await row.getByText('13912345678').waitFor();
  await page.screenshot({ path: screenshotPath('help-request-03-taken'), fullPage: true });
  assert.deepEqual(await smsTold(), [
    '【一网通办】帮办请求已受理：您的帮办请求已由周小梅受理，工作人员将与您联系',
  ]);

  // Back in her space, still in 长辈模式: 已受理 by 周小梅.
  await session.signInPerson();
  await page.locator('.portal-nav [data-testid=elderly-switch][data-on=true]').waitFor();
  const taken = page.getByTestId('my-help-request').filter({ hasText: HALL });
  await taken.getByTestId('my-help-status').getByText('已受理').waitFor();
  await taken.getByText('周小梅已受理，工作人员将与您联系').waitFor();
  await page.screenshot({ path: screenshotPath('help-request-04-person-sees-taken'), fullPage: true });

  // The agent finishes it with what was done.
  await session.signInStaff('agent');
  await page.goto(url('/workbench/help-requests'));
  await row.getByTestId('help-finish').click();
  await page.getByTestId('help-outcome').fill('已电话联系，约定明天到厅代为办理');
  await page.getByTestId('help-finish-ok').click();
  await page.getByText('已完成').waitFor();
  await row.waitFor({ state: 'detached' });
});

test('at the kiosk a visitor without an ID card asks with a name and phone; the city hall’s clerk sees it', async () => {
  const { page } = session;
  await session.browser.context.clearCookies();
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(url('/kiosk/setup'));
  await page.getByTestId('kiosk-token').fill(DEMO_KIOSK_TOKEN);
  await page.getByTestId('kiosk-setup-save').click();
  await page.waitForURL('**/kiosk');
  await page.getByTestId('kiosk-card-screen').getByText('请刷身份证').waitFor();
  await page.locator('.kiosk-header [data-testid=help-button]').click();
  const dialog = page.getByTestId('help-dialog');
  await dialog.getByTestId('help-submit').click();
  await dialog.getByText('请填写您的姓名').waitFor();
  await dialog.getByTestId('help-name').fill('刘建国');
  await dialog.getByTestId('help-phone').fill('13700001111');
  await page.screenshot({ path: screenshotPath('help-request-05-kiosk') });
  await dialog.getByTestId('help-submit').click();
  await dialog.getByTestId('help-sent').getByText('已提交，工作人员将尽快与您联系').waitFor();
  await dialog.getByText('西安市政务服务大厅').waitFor();
  await page.screenshot({ path: screenshotPath('help-request-06-kiosk-sent') });

  await page.setViewportSize({ width: 1280, height: 860 });
  await session.signInStaff('clerk');
  await page.goto(url('/workbench/help-requests'));
  const row = page.locator('[data-testid=help-request][data-name=刘建国]');
  await row.getByText('137****1111').waitFor();
  await row.getByText('自助终端').waitFor();
});
