import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_KIOSK_TOKEN } from '../server/demo/kiosks.ts';
import { screenshotPath } from './support/browser.ts';
import { caseSteps } from './support/cases.ts';
import { withBrowserSession } from './support/session.ts';

const session = withBrowserSession();
const { url, signInCompany } = session;
const { foodLicence } = caseSteps(session);

const PHONE = { width: 390, height: 844 };

type Reading = { text: string; fontSize: number; contrast: number };

type Rgba = [number, number, number, number];

/** What the page says of one visible piece of text: computed styles, the element's and its ancestors'. */
type Seen = { text: string; fontSize: string; color: string; opacity: number; behind: string[] };

/**
 * Runs in the page: every visible text under the selector, with the computed background colour or
 * gradient (background-image) of the element and each ancestor up to the first opaque one.
 */
const SEEN_TEXT = `(rootSelector) => {
  const seen = [];
  for (const root of document.querySelectorAll(rootSelector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent || '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility !== 'visible' || box.width === 0 || box.height === 0) continue;
      if (element.closest('[aria-hidden=true], .ant-skeleton, svg')) continue;
      let opacity = 1;
      const behind = [];
      let opaque = false;
      for (let at = element; at; at = at.parentElement) {
        const own = getComputedStyle(at);
        opacity *= Number(own.opacity);
        if (opaque) continue;
        if (own.backgroundImage.includes('gradient')) {
          behind.push(own.backgroundImage);
          opaque = true;
        } else if (own.backgroundColor !== 'rgba(0, 0, 0, 0)') {
          behind.push(own.backgroundColor);
          opaque = !own.backgroundColor.startsWith('rgba');
        }
      }
      seen.push({ text: text.slice(0, 30), fontSize: style.fontSize, color: style.color, opacity, behind });
    }
  }
  return seen;
}`;

function colours(css: string): Rgba[] {
  return [...css.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
    const [r = 0, g = 0, b = 0, a = 1] = (m[1] ?? '')
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  });
}

function over(top: Rgba, base: Rgba): Rgba {
  const mix = (i: 0 | 1 | 2) => top[i] * top[3] + base[i] * (1 - top[3]);
  return [mix(0), mix(1), mix(2), 1];
}

function luminance([r, g, b]: Rgba): number {
  const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2's contrast ratio of two opaque colours. */
function ratio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Every visible piece of text under `selector`: its computed font size and its contrast ratio against
 * what lies behind it (the ancestors' backgrounds composited over white; for a gradient, its worst
 * stop), the opacity of the element and its ancestors folded into the text's colour.
 */
async function readText(page: Page, selector: string): Promise<Reading[]> {
  const seen = (await page.evaluate(`(${SEEN_TEXT})(${JSON.stringify(selector)})`)) as Seen[];
  return seen.map(({ text, fontSize, color, opacity, behind }) => {
    const layers = behind.map(colours).reverse();
    const bases = (layers[0]?.length ? layers[0] : [[255, 255, 255, 1] as Rgba]).map((stop) =>
      layers
        .slice(1)
        .reduce((base, [layer]) => (layer ? over(layer, base) : base), over(stop, [255, 255, 255, 1])),
    );
    const [text0 = [0, 0, 0, 1] as Rgba] = colours(color);
    const contrast = Math.min(
      ...bases.map((base) => ratio(over([text0[0], text0[1], text0[2], text0[3] * opacity], base), base)),
    );
    return { text, fontSize: Number.parseFloat(fontSize), contrast };
  });
}

function tooSmall(readings: Reading[], min: number): string[] {
  return readings.filter((r) => r.fontSize < min).map((r) => `${r.text} (${r.fontSize}px)`);
}

function tooFaint(readings: Reading[]): string[] {
  return readings.filter((r) => r.contrast < 4.5).map((r) => `${r.text} (${r.contrast.toFixed(2)}:1)`);
}

async function fontSize(page: Page, selector: string): Promise<number> {
  const size = await page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize`,
  );
  return Number.parseFloat(String(size));
}

/** Waits for the CSS transitions the switch started (Ant Design's buttons ease their size in). */
async function settled(page: Page): Promise<void> {
  const running = 'document.getAnimations().some((a) => a instanceof CSSTransition)';
  for (let i = 0; i < 50 && (await page.evaluate(running)); i++) await page.waitForTimeout(50);
}

async function htmlElderly(page: Page): Promise<string | null> {
  return (await page.evaluate('document.documentElement.getAttribute("data-elderly")')) as string | null;
}

test('on a phone 长辈模式 makes every text of the home page 18 px or more at AA contrast, survives a reload and switches off', async () => {
  const phone = await session.browser.context.newPage();
  try {
    await session.browser.context.clearCookies();
    await phone.setViewportSize(PHONE);
    await phone.goto(url('/'));
    await phone.getByTestId('portal-halls').locator('.hall-card').first().waitFor();
    const before = await readText(phone, '.portal-main');
    assert.ok(tooSmall(before, 18).length > 0, 'the standard look has text under 18 px');

    const header = phone.locator('.portal-header-narrow');
    await header.getByTestId('elderly-switch').getByText('长辈模式').click();
    await header.locator('[data-testid=elderly-switch][data-on=true]').getByText('退出长辈模式').waitFor();
    assert.equal(await htmlElderly(phone), 'on');
    await settled(phone);
    const main = await readText(phone, '.portal-main');
    assert.ok(main.length > 20, `the home page's text was read (${main.length} pieces)`);
    assert.deepEqual(tooSmall(main, 18), [], 'no text of the page under 18 px');
    const bodyText = main.find((r) => r.text.startsWith('西安市政务服务大厅'));
    assert.ok(bodyText, 'the hall card is read');
    const whole = await readText(phone, '.portal');
    assert.deepEqual(tooFaint(whole), [], 'every text of header, page and footer at 4.5:1 or more');
    const heading = await fontSize(phone, '[data-testid=portal-halls] .section-title');
    assert.ok(heading >= 24, `headings larger still (${heading}px)`);
    const buttonHeight = await phone
      .locator('.signin-buttons .ant-btn')
      .first()
      .evaluate((b) => b.getBoundingClientRect().height);
    assert.ok(buttonHeight >= 44, `buttons at least 44 px high (${buttonHeight}px)`);
    // A keyboard user sees where the focus is: a ring of 3 px.
    await phone.keyboard.press('Tab');
    const ring = (await phone.evaluate(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
    )) as string;
    assert.match(ring, /^solid [3-9]/, `the focus ring: ${ring}`);
    await phone.screenshot({ path: screenshotPath('elderly-01-phone-home') });
    await phone.screenshot({ path: screenshotPath('elderly-01-phone-home-full'), fullPage: true });

    // Remembered in this browser.
    await phone.reload();
    await phone.getByTestId('portal-halls').locator('.hall-card').first().waitFor();
    assert.equal(await htmlElderly(phone), 'on', 'still on after a reload');
    assert.deepEqual(tooSmall(await readText(phone, '.portal-main'), 18), []);

    // A search's results and a guide are as large and as clear.
    const search = phone.getByPlaceholder('搜索办事事项');
    await search.fill('开饭店');
    await search.press('Enter');
    await phone.waitForURL('**/search?q=*');
    const cards = phone.getByTestId('matter-card');
    await cards.first().waitFor();
    await settled(phone);
    const results = await readText(phone, '.portal-main');
    assert.deepEqual(tooSmall(results, 18), [], 'no text of the search results under 18 px');
    assert.deepEqual(tooFaint(results), [], 'every text of the search results at 4.5:1 or more');
    await phone.screenshot({ path: screenshotPath('elderly-02-phone-search') });
    await cards.locator('.matter-card-name', { hasText: '食品经营许可' }).first().click();
    await phone.waitForURL('**/guide/*');
    await phone.getByTestId('guide-places').waitFor();
    await settled(phone);
    const guide = await readText(phone, '.portal-main');
    assert.deepEqual(tooSmall(guide, 18), [], 'no text of the guide under 18 px');
    assert.deepEqual(tooFaint(guide), [], 'every text of the guide at 4.5:1 or more');
    await phone.screenshot({ path: screenshotPath('elderly-03-phone-guide') });

    // The phone menu offers the same switch.
    await phone.getByTestId('portal-menu').click();
    const drawer = phone.getByTestId('portal-drawer');
    await drawer.getByTestId('elderly-switch').getByText('退出长辈模式').waitFor();
    await phone.locator('.ant-drawer-content-wrapper').waitFor();
    await phone.waitForTimeout(400);
    assert.deepEqual(tooSmall(await readText(phone, '.ant-drawer-content'), 18), [], 'the menu’s text');
    await phone.screenshot({ path: screenshotPath('elderly-04-phone-menu') });
    await drawer.getByTestId('portal-progress-link').click();
    await phone.waitForURL('**/progress');
    await phone.getByTestId('portal-drawer').waitFor({ state: 'hidden' });
    await phone.getByTestId('progress-case-no').waitFor();
    await settled(phone);
    const progress = await readText(phone, '.portal-main');
    assert.deepEqual(tooSmall(progress, 18), [], 'no text of the progress page under 18 px');
    assert.deepEqual(tooFaint(progress), []);
    await phone.screenshot({ path: screenshotPath('elderly-05-phone-progress'), fullPage: true });

    // Off again, and it stays off.
    await phone.locator('.portal-header-narrow').getByTestId('elderly-switch').click();
    await phone.locator('.portal-header-narrow [data-testid=elderly-switch][data-on=false]').waitFor();
    assert.equal(await htmlElderly(phone), null);
    await phone.reload();
    await phone.getByTestId('progress-case-no').waitFor();
    assert.equal(await htmlElderly(phone), null, 'still off after a reload');
    assert.ok(tooSmall(await readText(phone, '.portal-main'), 18).length > 0, 'the standard look is back');
  } finally {
    await phone.close();
  }
});

test('on a phone a company’s application form in 长辈模式 is 18 px and more at AA contrast', async () => {
  const { page } = session;
  const matter = await foodLicence();
  await page.setViewportSize(PHONE);
  try {
    await signInCompany();
    await page.locator('.portal-header-narrow').getByTestId('elderly-switch').click();
    await page.locator('.portal-header-narrow [data-testid=elderly-switch][data-on=true]').waitFor();
    await page.goto(url(`/apply/${matter.id}`));
    await page.getByTestId('apply-page').getByTestId('application-form').waitFor();
    await page.getByTestId('prefill-summary').waitFor();
    await settled(page);
    const form = await readText(page, '.portal-main');
    assert.deepEqual(tooSmall(form, 18), [], 'no text of the application page under 18 px');
    assert.deepEqual(tooFaint(form), [], 'every text of the application page at 4.5:1 or more');
    await page.screenshot({ path: screenshotPath('elderly-06-phone-apply') });
  } finally {
    await page.evaluate('localStorage.removeItem("yw.elderly")');
    await session.browser.context.clearCookies();
  }
});

test('at the kiosk 长辈模式 lasts one person’s session: on with the card, off again after the idle sign-out', async () => {
  const page = await session.browser.context.newPage();
  try {
    await page.clock.install();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(url(`/kiosk/setup?token=${DEMO_KIOSK_TOKEN}`));
    await page.getByTestId('kiosk-setup-save').click();
    await page.getByTestId('kiosk-card-screen').getByText('请刷身份证').waitFor();
    const standard = await fontSize(page, '.kiosk');

    await page.getByTestId('elderly-switch').getByText('长辈模式').click();
    await page.locator('[data-testid=elderly-switch][data-on=true]').waitFor();
    await settled(page);
    const large = await fontSize(page, '.kiosk');
    assert.ok(large > standard, `the kiosk's text grows (${standard}px → ${large}px)`);
    await page.screenshot({ path: screenshotPath('elderly-07-kiosk-card') });

    await page.getByTestId('kiosk-simulate-card').filter({ hasText: '王小明' }).click();
    await page.getByTestId('kiosk-greeting').getByText('您好，王小明').waitFor();
    await page.getByTestId('kiosk-matter').first().waitFor();
    assert.equal(await htmlElderly(page), 'on', 'on for the person who switched it on');
    const matters = await readText(page, '.kiosk-main');
    assert.deepEqual(tooSmall(matters, 24), [], 'no text of the matters screen under 24 px');
    assert.deepEqual(tooFaint(matters), [], 'every text of the matters screen at 4.5:1 or more');
    await page.screenshot({ path: screenshotPath('elderly-08-kiosk-matters') });
    await page.getByTestId('kiosk-search').fill('居住证');
    await page.getByTestId('kiosk-search-button').click();
    await page.getByTestId('kiosk-matter').filter({ hasText: '居住证办理' }).click();
    const form = page.getByTestId('kiosk-form');
    await form.getByRole('heading', { name: '居住证办理' }).waitFor();
    await form.getByTestId('application-form').getByTestId('form-prefilled').waitFor();
    await settled(page);
    const formText = await readText(page, '.kiosk-main');
    assert.deepEqual(tooSmall(formText, 24), [], 'no text of the form under 24 px');
    assert.deepEqual(tooFaint(formText), [], 'every text of the form at 4.5:1 or more');
    await page.screenshot({ path: screenshotPath('elderly-09-kiosk-form'), fullPage: true });

    await page.clock.fastForward(125_000);
    await page.getByTestId('kiosk-card-screen').getByText('已自动退出，请重新刷身份证').waitFor();
    await page.locator('[data-testid=elderly-switch][data-on=false]').waitFor();
    assert.equal(await htmlElderly(page), null, 'off for the next person');
    const after = await fontSize(page, '.kiosk');
    await page.clock.resume();
    await page.locator('.kiosk-modal').waitFor({ state: 'hidden' });
    assert.equal(after, standard);
    await page.screenshot({ path: screenshotPath('elderly-10-kiosk-after-idle') });

    // Switched on at the card screen by someone who walks away without a card: off after the same time.
    await page.getByTestId('elderly-switch').click();
    await page.locator('[data-testid=elderly-switch][data-on=true]').waitFor();
    await page.clock.fastForward(60_000);
    assert.equal(await htmlElderly(page), 'on', 'still on within the idle time');
    await page.clock.fastForward(65_000);
    await page.locator('[data-testid=elderly-switch][data-on=false]').waitFor();
    assert.equal(await htmlElderly(page), null);
  } finally {
    await page.close();
  }
});
