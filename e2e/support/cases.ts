import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { FormPrefill } from '../../common/forms/api.ts';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { call, type Session, signInOver } from '../../server/testing/processes.ts';
import { answerTheForm, completedValues, PDF, uploadOver } from './forms.ts';
import { type BrowserSession, COMPANY, COMPANY_NAME } from './session.ts';

export { PDF } from './forms.ts';

/** Steps of the case journeys, acting on the session's page. */
export function caseSteps(session: BrowserSession) {
  const { url } = session;

  /** The city-level 食品经营许可, whose department is the demo reviewer's. */
  async function foodLicence(): Promise<{ id: string; label: string }> {
    const response = await fetch(
      url(`/api/catalogue/search?q=${encodeURIComponent('食品经营许可')}&limit=20`),
    );
    const { items } = (await response.json()) as {
      items: {
        implementationId: string;
        name: string;
        regionCode: string;
        departmentName: string;
        regionName: string;
      }[];
    };
    const found = items.find((m) => m.name === '食品经营许可' && m.regionCode === '610100');
    assert.ok(found, 'the city offers 食品经营许可');
    return {
      id: found.implementationId,
      label: `${found.name} · ${found.departmentName} · ${found.regionName}`,
    };
  }

  /** The application form of a matter as its published guide gives it (null without one). */
  async function formOf(implementationId: string): Promise<FormDefinition | null> {
    const response = await fetch(url(`/api/catalogue/guides/${implementationId}`));
    assert.equal(response.status, 200);
    const guide = (await response.json()) as { document: { form?: FormDefinition } };
    return guide.document.form ?? null;
  }

  /**
   * Submits an application page: what its form still asks for is answered first, field by field
   * as the page shows the problems (`values` by path for the fields a test cares about).
   */
  async function submitApplication(
    scope: Locator,
    implementationId: string,
    submit: Locator,
    values: Record<string, unknown> = {},
  ): Promise<string[]> {
    const definition = await formOf(implementationId);
    if (!definition) {
      await submit.click();
      return [];
    }
    return answerTheForm(scope, definition, submit, values);
  }

  /** The form an account would file for a matter: its prefill completed with sample values (none without a form). */
  async function formValuesOver(session: Session, implementationId: string) {
    const prefill = await call(
      session,
      'GET',
      `/api/cases/prefill?implementationId=${encodeURIComponent(implementationId)}`,
    );
    assert.equal(prefill.status, 200, JSON.stringify(prefill.body));
    const form = prefill.body?.form as FormPrefill | null | undefined;
    if (!form) return {};
    const hasFile = JSON.stringify(form.definition).includes('"type":"file"');
    const file = hasFile ? await uploadOver(session) : undefined;
    return { form: completedValues(form.definition, form.values, file) };
  }

  async function upload(target: Page, scope: string, key: string, name: string) {
    const row = target.locator(`${scope} [data-testid=material-row][data-key=${key}]`);
    await row.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await row.getByTestId('material-uploaded').waitFor();
  }

  /** Waits for the case page to show `status`; on time-out says what it shows and any action error. */
  async function expectStatus(target: Page, status: string) {
    try {
      await target
        .locator(`[data-testid=case-facts] [data-testid=case-status][data-status=${status}]`)
        .waitFor();
    } catch (error) {
      const shown = await target
        .locator('[data-testid=case-facts] [data-testid=case-status]')
        .getAttribute('data-status', { timeout: 1000 })
        .catch(() => null);
      const problem = await target
        .getByTestId('action-error')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      throw new Error(`expected status ${status}; the page shows ${shown}; action error: ${problem}`, {
        cause: error,
      });
    }
  }

  /**
   * Opens a staff action, lets `fill` complete its form, confirms, and waits for the server's
   * answer: on success until the dialog has closed, on a refusal with the error shown in it.
   * Locators are scoped to this action's dialog, never the one of the action before, still
   * closing, and wait for its opening animation to end: a click on a confirm button still zooming
   * in can be released beside it, and then nothing is sent. The action's buttons are disabled
   * while a request is on its way.
   */
  async function act(action: string, fill?: () => Promise<void>) {
    const { page } = session;
    await page.getByTestId(`action-${action}`).click();
    const dialog = page.locator(`[data-testid=action-dialog][data-action=${action}]`);
    await page.locator(`[data-testid=action-dialog][data-action=${action}][data-opened=true]`).waitFor();
    const confirm = dialog.getByTestId('action-confirm');
    await fill?.();
    const path = `/${action.replaceAll('_', '-')}`;
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(path),
    );
    await confirm.click();
    const response = await answer.catch((error: unknown) => {
      throw new Error(`confirming ${action} sent no request`, { cause: error });
    });
    if (response.ok()) await dialog.waitFor({ state: 'hidden' });
    else await dialog.getByTestId('action-error').waitFor();
  }

  async function openStaffCase(caseNo: string, list: string) {
    const { page } = session;
    await page.getByTestId(list).getByRole('link', { name: caseNo }).click();
    await page.getByTestId('staff-case-page').waitFor();
  }

  /** The workbench menu entry that is highlighted. */
  async function expectMenu(entry: string) {
    await session.page
      .locator('[data-testid=workbench-menu] .ant-menu-item-selected', { hasText: entry })
      .waitFor();
  }

  /** A walk-in company application for 食品经营许可 at the counter, with every material of its own. */
  async function walkIn(matter: { id: string; label: string }) {
    const { page } = session;
    await page.getByTestId('workbench-menu').getByText('综合受理').click();
    await page.waitForURL('**/workbench/intake');
    const form = page.getByTestId('walk-in-form');
    await form.getByTestId('walk-in-login').fill(COMPANY);
    await form.getByTestId('walk-in-name').fill(COMPANY_NAME);
    await form.getByTestId('walk-in-phone').fill('059187654321');
    await chooseFoodLicence(matter);
    await submitWalkIn(matter);
    return (await page.getByTestId('case-no').textContent())?.trim() ?? '';
  }

  /** On the counter's walk-in form: 食品经营许可 chosen, both materials uploaded, the 申请书 shown. */
  async function chooseFoodLicence(matter: { id: string; label: string }) {
    const { page } = session;
    const form = page.getByTestId('walk-in-form');
    await form.getByTestId('walk-in-matter').getByRole('combobox').fill('食品经营许可');
    await page.locator('.ant-select-item-option', { hasText: matter.label }).click();
    await form.getByTestId('material-picker').waitFor();
    await upload(page, '[data-testid=walk-in-form]', 'bj', '设备布局与操作流程.pdf');
    await upload(page, '[data-testid=walk-in-form]', 'zd', '食品安全管理制度.pdf');
    await form.getByTestId('application-form').waitFor();
  }

  /** Answers the walk-in form's 申请书 and submits it; waits for the new case's page, 已提交. */
  async function submitWalkIn(matter: { id: string }) {
    const { page } = session;
    const form = page.getByTestId('walk-in-form');
    await submitApplication(form, matter.id, form.getByTestId('walk-in-submit'));
    await page.getByTestId('staff-case-page').waitFor();
    await expectStatus(page, 'submitted');
  }

  /** A demo staff account signed in over the API. */
  const staffOverApi = (username: string) =>
    signInOver(url(''), '/api/auth/login', { username, password: 'demo1234' });

  /** The demo company signs in over the API and files 食品经营许可 online (201 checked). */
  async function companyFilesFoodLicence(): Promise<{ company: Session; filed: Record<string, unknown> }> {
    const company = await signInOver(url(''), '/api/auth/applicant-login', {
      kind: 'company',
      login: COMPANY,
      password: 'demo1234',
    });
    const implementationId = (await foodLicence()).id;
    const filed = await call(company, 'POST', '/api/cases', {
      implementationId,
      ...(await formValuesOver(company, implementationId)),
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    return { company, filed: filed.body as Record<string, unknown> };
  }

  /**
   * The company files 食品经营许可 through the API and the department accepts, reviews, approves
   * and concludes it, which issues the licence to the company.
   */
  async function concludedFoodLicenceCase(): Promise<{ company: Session; caseId: string; caseNo: string }> {
    const { company, filed } = await companyFilesFoodLicence();
    const caseId = String(filed.id);
    const caseNo = String(filed.caseNo);
    const reviewer = await staffOverApi('reviewer');
    const head = await staffOverApi('head');
    let version = Number(filed.version);
    for (const [who, path] of [
      [reviewer, 'accept'],
      [reviewer, 'start-review'],
      [head, 'approve'],
      [head, 'conclude'],
    ] as const) {
      const res = await call(who, 'POST', `/api/cases/${caseId}/${path}`, { version });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      version = Number(res.body?.version);
    }
    return { company, caseId, caseNo };
  }

  return {
    foodLicence,
    formOf,
    submitApplication,
    formValuesOver,
    upload,
    expectStatus,
    act,
    openStaffCase,
    expectMenu,
    walkIn,
    chooseFoodLicence,
    submitWalkIn,
    companyFilesFoodLicence,
    concludedFoodLicenceCase,
  };
}
