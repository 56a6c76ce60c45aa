import assert from 'node:assert/strict';
import type { KeptSource } from '../../common/forms/api.ts';
import type { FormDefinition, FormValues } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import type { TestDatabase } from '../testing/db.ts';
import {
  type BuiltAccount,
  type BuiltCase,
  type BuiltMatter,
  buildMatter,
  signIn,
} from '../testing/factories.ts';

/** Tests of what a filed application form becomes: the 申请书 PDF, the certificate issued on it. */

/** A published matter for companies with the application form, issuing the certificate named. */
export function buildFormMatter(
  db: Db,
  options: { departmentId: string; form: FormDefinition; certificate?: string; name?: string },
): Promise<BuiltMatter> {
  return buildMatter(db, {
    departmentId: options.departmentId,
    document: {
      ...(options.name ? { name: options.name } : {}),
      serviceObject: 'company',
      form: options.form,
      result: { type: 'certificate', name: options.certificate ?? '食品经营许可证' },
    },
  });
}

/**
 * A case filed online by `applicant` with the form's values, then given the filed form
 * `{ values, sources }` as the submission keeps it (the values as validateForm cleans them, the
 * sources of prefilled fields as given), so that what follows does not depend on the prefill.
 */
export async function fileFormCase(
  t: { app: App; db: TestDatabase },
  options: {
    matter: BuiltMatter;
    applicant: BuiltAccount;
    values: FormValues;
    sources?: Record<string, KeptSource>;
  },
): Promise<BuiltCase> {
  const filer = await signIn(t.app, options.applicant);
  const res = await filer.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: options.matter.id, formData: {}, form: options.values, materials: [] },
  });
  assert.equal(res.statusCode, 201, `submit: ${res.body}`);
  const filed = res.json() as BuiltCase;
  const checked = validateForm(options.matter.document.form!, options.values);
  assert.deepEqual(checked.issues, [], 'the test values fit the form');
  await t.db.pool.query('UPDATE cases SET form = $2 WHERE id = $1', [
    filed.id,
    JSON.stringify({ values: checked.values, sources: options.sources ?? {} }),
  ]);
  return filed;
}
