import type { Page } from 'playwright-core';
import { shownFields } from '../../common/forms/conditions.ts';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { sixtyFields } from './sixty.ts';

/*
 * The render time of a 60-field form at phone width, beside its floor in the same browser: from the
 * moment the data is handed to the page (the prefill answer, held until then) to the frame after
 * the last field is in the page. The form: the one renderer on the apply page of a real matter
 * (its guide and prefill answered with the 60-field form, drafts left untouched). The floor: a bare
 * HTML page whose script fetches the same fields and adds a label and a plain <input> for each.
 */

export type RenderTimes = { shown: number; formMs: number[]; floorMs: number[] };

/**
 * Starts a watch in the page (window.__painted): ms from now until `count` elements match
 * `selector` and the frame that shows them has been laid out and painted (the task after its
 * animation frame).
 */
const watch = (selector: string, count: number) => `void (window.__painted = new Promise((resolve) => {
  const start = performance.now();
  const done = () => document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count};
  const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
  if (done()) return finish();
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    finish();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}))`;

const FLOOR_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>申请表</title>
<style>
  body { font-family: sans-serif; margin: 16px; }
  label { display: block; margin: 12px 0; }
  input { display: block; width: 100%; box-sizing: border-box; padding: 6px; margin-top: 4px; }
</style></head>
<body><h1>申请表</h1><form id="form"></form>
<script>
  fetch('/__floor/form.json').then((r) => r.json()).then(({ fields, values }) => {
    const form = document.getElementById('form');
    for (const field of fields) {
      const label = document.createElement('label');
      label.textContent = field.label;
      const input = document.createElement('input');
      input.name = field.key;
      if (values[field.key]) input.value = values[field.key];
      label.append(input);
      form.append(label);
    }
  });
</script></body></html>`;

/**
 * A gate the page's data waits at (its answer ready, so the server's time is not measured), opened
 * once the measurement has started.
 */
class Gate {
  #release: () => void = () => {};
  #held: Promise<void> = Promise.resolve();
  #arrive: () => void = () => {};
  #arrived: Promise<void> = Promise.resolve();
  close() {
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
    this.#arrived = new Promise((resolve) => {
      this.#arrive = resolve;
    });
  }
  /** The answer waits here until the gate opens. */
  wait() {
    this.#arrive();
    return this.#held;
  }
  /** Resolves once an answer waits at the gate. */
  reached() {
    return this.#arrived;
  }
  open() {
    this.#release();
  }
}

/** Answers the matter's guide and prefill on `page` with `definition`; the prefill waits at the gate. */
async function handFormTo(
  page: Page,
  definition: FormDefinition,
  values: Record<string, unknown>,
  gate: Gate,
) {
  await page.route('**/api/catalogue/guides/**', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.document.form = definition;
    await route.fulfill({ response, json });
  });
  await page.route('**/api/cases/prefill**', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.form = { definition, values, sources: {} };
    await gate.wait();
    await route.fulfill({ response, json });
  });
  await page.route('**/api/cases/drafts/**', (route) =>
    route.fulfill({ json: route.request().method() === 'GET' ? null : {} }),
  );
}

/** Serves the floor page and its fields (held at the gate) under `base`/__floor on `page`. */
async function serveFloor(
  page: Page,
  base: string,
  definition: FormDefinition,
  values: Record<string, unknown>,
  gate: Gate,
) {
  const fields = definition.sections.flatMap((s) => s.fields).map((f) => ({ key: f.key, label: f.label }));
  await page.route(`${base}/__floor`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: FLOOR_PAGE }),
  );
  await page.route(`${base}/__floor/form.json`, async (route) => {
    await gate.wait();
    await route.fulfill({ json: { fields, values } });
  });
  return fields.length;
}

/** One timed load: the page opened with its data held, then released and timed to the paint. */
async function timed(page: Page, gate: Gate, open: () => Promise<void>, selector: string, count: number) {
  gate.close();
  await open();
  await gate.reached();
  // The watch runs before the data is let through.
  await page.evaluate(watch(selector, count));
  gate.open();
  return Number(await page.evaluate('window.__painted'));
}

/**
 * `runs` loads of the form and of the floor, taken in turn on one phone-sized page of a signed-in
 * applicant (`implementationId`: a matter the page may apply for).
 */
export async function measureRender(options: {
  page: Page;
  base: string;
  implementationId: string;
  runs: number;
}): Promise<RenderTimes> {
  const { page, base, implementationId, runs } = options;
  const { definition, values } = sixtyFields();
  const formGate = new Gate();
  const floorGate = new Gate();
  await handFormTo(page, definition, values, formGate);
  const inputs = await serveFloor(page, base, definition, values, floorGate);
  const shown = shownFields(definition.sections[0]!.fields, (key) => values[key]).size;
  const times: RenderTimes = { shown, formMs: [], floorMs: [] };
  // One load of each first, untimed: the app's code and the fonts in the browser's cache.
  for (let i = -1; i < runs; i++) {
    const formMs = await timed(
      page,
      formGate,
      async () => {
        await page.goto(`${base}/apply/${implementationId}`);
        await page.getByTestId('apply-page').waitFor();
      },
      '[data-testid=form-field]',
      shown,
    );
    const fields = await page.getByTestId('form-field').count();
    if (fields !== shown) throw new Error(`the form shows ${fields} fields, not ${shown}`);
    const floorMs = await timed(
      page,
      floorGate,
      async () => {
        await page.goto(`${base}/__floor`);
        await page.locator('#form').waitFor({ state: 'attached' });
      },
      '#form input',
      inputs,
    );
    if (i >= 0) {
      times.formMs.push(formMs);
      times.floorMs.push(floorMs);
    }
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return times;
}
