import { after, before } from 'node:test';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { type Browser, checkBrowserPrerequisites, launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/** The demo company (password demo1234 like every demo account). */
export const COMPANY = '91350100M000100Y43';
export const COMPANY_NAME = '福州闽江数字科技有限公司';
/** The demo person 李秀兰's ID number. */
export const PERSON = '11010519491231002X';

export type BrowserSession = {
  /** The browser's first tab. */
  readonly page: Page;
  readonly browser: Browser;
  /** The address of a path on the running server. */
  url(path: string): string;
  /** The running server's database (for the SMS sandbox's records). */
  databaseUrl(): string;
  /** The rows one SQL statement gives on the running server's database. */
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** Signs a staff member in afresh (previous cookies cleared) and waits for the workbench. */
  signInStaff(username: string): Promise<void>;
  /** Signs the demo company in afresh on `target` and waits for 我的空间. */
  signInCompany(target?: Page): Promise<void>;
  /** Signs the demo person (李秀兰) in afresh on the browser's tab and waits for 我的空间. */
  signInPerson(): Promise<void>;
  /** Fills the person sign-in form showing on `target` with the demo person's ID number and submits it. */
  submitPersonSignIn(target?: Page): Promise<void>;
  /** Signs out from the workbench and waits for the portal. */
  signOut(): Promise<void>;
};

/**
 * For one test file: the real server with the demo data and a headless browser, started
 * before the tests and stopped after them.
 */
export function withBrowserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async () => {
    checkBrowserPrerequisites();
    server = await startServer();
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const url = (path: string) => `${server!.url}${path}`;
  const submitPersonSignIn = async (target = page!) => {
    const form = target.getByTestId('sign-in-person');
    await form.getByLabel('居民身份证号码').fill(PERSON);
    await form.getByLabel('密码').fill('demo1234');
    await form.getByRole('button', { name: /登\s*录/ }).click();
  };

  return {
    get page() {
      return page!;
    },
    get browser() {
      return browser!;
    },
    url,
    databaseUrl: () => server!.databaseUrl,
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: server!.databaseUrl });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async signInStaff(username) {
      await browser!.context.clearCookies();
      // A page in the background has its animation frames throttled: the modals then open slowly.
      await page!.bringToFront();
      await page!.goto(url('/login?as=staff'));
      const form = page!.getByTestId('sign-in-staff');
      await form.getByLabel('用户名').fill(username);
      await form.getByLabel('密码').fill('demo1234');
      await form.getByRole('button', { name: /登\s*录/ }).click();
      await page!.waitForURL('**/workbench');
    },
    async signInCompany(target = page!) {
      await browser!.context.clearCookies();
      await target.bringToFront();
      await target.goto(url('/login?as=company'));
      const form = target.getByTestId('sign-in-company');
      await form.getByLabel('统一社会信用代码').fill(COMPANY);
      await form.getByLabel('密码').fill('demo1234');
      await form.getByRole('button', { name: /登\s*录/ }).click();
      await target.waitForURL('**/my');
    },
    async signInPerson() {
      await browser!.context.clearCookies();
      await page!.bringToFront();
      await page!.goto(url('/login?as=person'));
      await submitPersonSignIn();
      await page!.waitForURL('**/my');
    },
    submitPersonSignIn,
    async signOut() {
      await page!.getByTestId('sign-out').click();
      await page!.waitForURL(url('/'));
    },
  };
}
