import type { Locator, Page } from 'playwright-core';

/** The Ant Design form item of `scope` whose label is `label`. */
export const formItem = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().locator(`label:text-is("${label}")`) });

/**
 * Chooses an option of the Ant Design select (single) of a form item, typing `typed` first, and waits
 * for the list to close. Under load the options may re-render between the press and the release of a
 * click, which then chooses nothing and leaves the list open: the option is clicked again, as a user
 * would, up to three times.
 */
export async function choose(page: Page, item: Locator, typed: string, option: string | RegExp) {
  await item.locator('.ant-select').click();
  await item.locator('input[role=combobox]').fill(typed);
  const open = page.locator('.ant-select-dropdown:visible');
  const choice = open.locator('.ant-select-item-option').filter({ hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    await choice.click();
    try {
      await open.waitFor({ state: 'detached', timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
