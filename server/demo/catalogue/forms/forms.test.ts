import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBinding } from '../../../../common/forms/binding.ts';
import { validateFormDefinition } from '../../../../common/forms/definition.ts';
import type { FormDefinition, FormField } from '../../../../common/forms/schema.ts';
import { validateForm } from '../../../../common/forms/validate.ts';
import { DEMO_CERTIFICATE_TYPES } from '../../certificates.ts';
import { DEMO_CATALOGUE } from '../seed.ts';
import type { MatterSpec } from '../spec.ts';
import { DEMO_FORMS } from './index.ts';

const matters = new Map<string, MatterSpec>(
  DEMO_CATALOGUE.flatMap((d) => d.matters).map((m) => [m.name, m] as const),
);
const forms = Object.entries(DEMO_FORMS);
const topFields = (form: FormDefinition) => form.sections.flatMap((s) => s.fields);
const everyField = (form: FormDefinition): FormField[] =>
  topFields(form).flatMap((f) => [f, ...((f.columns ?? []) as FormField[])]);

/** The certificate type a matter's result is, by name or alias. */
function resultType(spec: MatterSpec) {
  const [kind, name] = spec.result;
  if (kind !== 'certificate') return null;
  return DEMO_CERTIFICATE_TYPES.find((t) => t.name === name || t.aliases?.includes(name)) ?? null;
}

/**
 * Fields of a result certificate that no applicant writes, by matter: the authority sets them or
 * the holder's base record gives them when the certificate is issued.
 */
const FILLED_ELSEWHERE: Record<string, Record<string, string>> = {
  企业设立登记: { establishedOn: '成立日期 is the day the company is registered' },
  企业变更登记: { establishedOn: 'unchanged, from the legal-entity base' },
  个体工商户设立登记: {
    establishedOn: 'the day of registration',
    businessTerm: 'a 个体工商户 licence has no 营业期限',
  },
  食品经营许可: { supervisor: '日常监督管理机构 is named by the licensing authority' },
  居民身份证换领: {
    ethnicity: 'from the population base',
    birthDate: 'from the population base',
    address: '住址 from the population base (household registration)',
  },
  '户口迁移（迁入）': { members: '户内人员 are the register’s own record' },
  出生登记: { members: '户内人员 are the register’s own record' },
  社会保障卡申领: { cardNumber: 'the card number is issued with the card' },
  不动产抵押权首次登记: { matter: 'the registrar writes 抵押权' },
};

/** Values for fields whose rules a generic value would not meet. */
const SAMPLES: Record<string, unknown> = {
  businessTerm: '长期',
  unitNumber: '610102001001GB00001F00010001',
  birthCertificateNumber: 'Q610123456',
  photoReceipt: 'A1B2C3D4',
  bankAccount: '6222021234567890123',
  account: '6222021234567890123',
  share: '50%',
  email: 'shop@example.cn',
  birthAt: '2026-01-15 08:30',
  newbornBirthAt: '2026-01-15 08:30',
};

const ID = '610102198506120033';
const CREDIT_CODE = '91350100M000100Y43';

/** A value a careful applicant would give the field (a row for each table, at least its minimum). */
function sample(field: FormField): unknown {
  if (Object.hasOwn(SAMPLES, field.key)) return SAMPLES[field.key];
  const v = field.validation ?? {};
  const inRange = Math.max(v.min ?? 1, Math.min(v.max ?? 100, 10));
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      return '陕西省西安市新城区长乐中路128号';
    case 'number':
    case 'money':
      return inRange;
    case 'date':
      return '2026-03-02';
    case 'dateRange':
      return { from: '2026-03-02', to: '2027-03-01' };
    case 'region':
      return '610102';
    case 'choice':
      return field.options![0]!.value;
    case 'multiChoice':
      return [field.options![0]!.value];
    case 'yesNo':
      return true;
    case 'idNumber':
      return ID;
    case 'creditCode':
      return CREDIT_CODE;
    case 'phone':
      return '13809180000';
    case 'file':
      return 'a'.repeat(64);
    case 'table': {
      const row = Object.fromEntries((field.columns ?? []).map((c) => [c.key, sample(c as FormField)]));
      return Array.from({ length: Math.max(1, field.validation?.minItems ?? 1) }, () => ({ ...row }));
    }
  }
}

describe('the application forms of the demo matters', () => {
  test('30 matters of the demo catalogue have a form', () => {
    assert.equal(forms.length, 30);
    for (const [name] of forms) assert.ok(matters.has(name), `${name} is no demo matter`);
  });

  test('every form is a valid definition, labelled in Chinese and English', () => {
    for (const [name, form] of forms) {
      assert.deepEqual(validateFormDefinition(form), [], name);
      for (const field of everyField(form)) {
        assert.match(field.label, /\p{Script=Han}/u, `${name}: ${field.key}`);
        assert.ok(field.labelEn, `${name}: ${field.key} has an English label`);
      }
      assert.ok(
        form.sections.some((s) => s.fields.some((f) => f.required)),
        `${name} asks for something`,
      );
    }
  });

  test('every binding names a data element or a field of a demo certificate type', () => {
    const types = new Map(DEMO_CERTIFICATE_TYPES.map((t) => [t.code, t]));
    let certificateBindings = 0;
    for (const [name, form] of forms)
      for (const field of everyField(form)) {
        if (field.binding === undefined) continue;
        const parsed = parseBinding(field.binding);
        assert.ok(parsed, `${name}: ${field.key} binds ${field.binding}`);
        if (parsed.kind !== 'certificate') continue;
        certificateBindings++;
        const type = types.get(parsed.typeCode);
        assert.ok(type, `${name}: ${field.key} binds a certificate type the demo lacks: ${parsed.typeCode}`);
        assert.ok(
          type.fields.some((f) => f.key === parsed.field),
          `${name}: ${field.key} binds ${parsed.field}, not a field of ${type.name}`,
        );
      }
    assert.ok(certificateBindings >= 20, `only ${certificateBindings} certificate bindings`);
  });

  test('a form covers only materials of its matter: its 申请书, 申请表 or 登记表 and what it declares', () => {
    let covering = 0;
    for (const [name, form] of forms) {
      const materials = matters.get(name)!.materials;
      for (const key of form.covers ?? []) {
        const material = materials.find((m) => m.key === key);
        assert.ok(material, `${name} covers ${key}, no material of it`);
        assert.match(
          material.name,
          /申请书|申请表|登记表|承诺书|银行账户/,
          `${name} covers ${material.name}`,
        );
        assert.equal(material.source, 'applicant', `${name}: ${material.name} is the applicant's own`);
        covering++;
      }
      const paper = materials.find((m) => m.source === 'applicant' && /申请书|申请表$/.test(m.name));
      if (paper) assert.ok(form.covers?.includes(paper.key), `${name} covers ${paper.name}`);
    }
    assert.ok(covering >= 15, `only ${covering} materials covered`);
  });

  test('what a result certificate prints, the form asks with the certificate field’s key', () => {
    let checked = 0;
    for (const [name, form] of forms) {
      const type = resultType(matters.get(name)!);
      if (!type) continue;
      checked++;
      const keys = new Set(topFields(form).map((f) => f.key));
      const elsewhere = FILLED_ELSEWHERE[name] ?? {};
      for (const field of type.fields) {
        if (field.source) continue;
        assert.ok(
          keys.has(field.key) || field.key in elsewhere,
          `${name}: ${type.name} prints ${field.label} (${field.key}), which the form does not ask`,
        );
      }
    }
    assert.equal(checked, 17);
  });

  test('each form can be filled in: a value for every field passes the validator', () => {
    for (const [name, form] of forms) {
      const values = Object.fromEntries(topFields(form).map((f) => [f.key, sample(f)]));
      const check = validateForm(form, values);
      assert.deepEqual(check.issues, [], name);
    }
  });

  test('the 食品经营许可 form asks what its licence prints, conditionally where the paper form does', () => {
    const form = DEMO_FORMS.食品经营许可!;
    const filled = {
      ...Object.fromEntries(topFields(form).map((f) => [f.key, sample(f)])),
      category: '单位食堂',
      online: false,
    };
    delete (filled as Record<string, unknown>).canteenOf;
    const missing = validateForm(form, filled).issues.map((i) => i.path);
    assert.deepEqual(missing, ['canteenOf'], 'a canteen says whose canteen it is');
    const online = validateForm(form, { ...filled, canteenOf: '企业食堂', online: true, website: '' });
    assert.deepEqual(
      online.issues.map((i) => [i.path, i.message]),
      [['website', '请填写网站（网店）名称及地址']],
    );
    const noPromise = validateForm(form, { ...filled, canteenOf: '企业食堂', promise: undefined });
    assert.deepEqual(
      noPromise.issues.map((i) => i.path),
      ['promise'],
    );
  });
});
