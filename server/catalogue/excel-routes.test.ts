import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { type DemoOrganisations, seedDemoOrganisations } from '../demo/organisations.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { implementationCells, materialCells } from './excel/codec.ts';
import { workbookRows } from './excel/export.ts';
import {
  comparable,
  FOOD_LICENCE,
  ID_CARD,
  type Session,
  signedIn,
  upload,
  workbookOf,
} from './excel/testing.ts';
import { writeWorkbook, XLSX_TYPE } from './excel/workbook.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';

const audit = { actor: null, role: 'system', clientAddress: null, requestId: 'excel-routes-test' };

async function setUp() {
  const t = await createTestApp();
  const demo = await seedDemoOrganisations({ db: t.db.db, audit });
  const admin = await signedIn(t, 'city_admin', demo.cityCentre, 'system_admin', '610100');
  return { t, demo, admin };
}

/** Latest version of every implementation, by code. */
async function documents(t: TestApp) {
  const rows = await t.db.db
    .select({
      code: implementations.code,
      status: implementationVersions.status,
      document: implementationVersions.document,
    })
    .from(implementationVersions)
    .innerJoin(implementations, eq(implementations.id, implementationVersions.implementationId))
    .orderBy(asc(implementations.code), asc(implementationVersions.versionNo));
  return new Map(rows.map((r) => [r.code, r]));
}

async function counts(t: TestApp) {
  const n = async (
    table: typeof basicMatters | typeof implementations | typeof implementationVersions | typeof auditRecords,
  ) => (await t.db.db.select({ n: count() }).from(table))[0]!.n;
  return [
    await n(basicMatters),
    await n(implementations),
    await n(implementationVersions),
    await n(auditRecords),
  ];
}

describe('catalogue Excel import and export', () => {
  let t: TestApp;
  let demo: DemoOrganisations;
  let admin: Session;
  let marketEditor: Session;
  before(async () => {
    ({ t, demo, admin } = await setUp());
    marketEditor = await signedIn(t, 'market_editor', demo.departments.市场监管局!, 'catalogue_editor');
  });
  after(async () => {
    await t?.close();
  });

  test('the template has the three sheets with headers, drop-down lists, an example and instructions', async () => {
    const res = await t.app.inject({
      url: '/api/catalogue/import-template.xlsx',
      headers: { cookie: marketEditor.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['实施清单', '申请材料', '申请表字段', '填写说明'],
    );
    const fields = book.getWorksheet('申请表字段')!;
    assert.deepEqual(
      [fields.getCell('A3').value, fields.getCell('E3').value, fields.getCell('F3').value],
      ['示例', 'entityName', '单行文本'],
    );
    assert.match(String(fields.getCell('F50').dataValidation?.formulae?.[0]), /单选,多选/);
    const list = book.getWorksheet('实施清单')!;
    assert.equal(list.getCell('A1').value, '基本编码');
    assert.equal(list.getCell('C1').value, '事项类型');
    assert.equal(list.getCell('F3').value, '示例');
    assert.equal(list.getCell('I3').value, '食品经营许可（新办）');
    assert.match(String(list.getCell('C50').dataValidation?.formulae?.[0]), /行政许可,行政给付/);
    assert.match(String(list.getCell('R50').dataValidation?.formulae?.[0]), /全程网办/);
    assert.equal(book.getWorksheet('申请材料')!.getCell('B3').value, 'application');

    // The example rows are skipped: the untouched template has nothing to import.
    const imported = await upload(t, marketEditor, res.rawPayload);
    assert.equal(imported.statusCode, 400);
    assert.equal(imported.json().error.code, 'catalogue.import_invalid');
    assert.match(imported.json().error.details.errors[0].problem, /没有可导入的事项/);
  });

  test('a good import creates drafts; importing again replaces the open draft', async () => {
    const res = await upload(t, marketEditor, await workbookOf([FOOD_LICENCE]));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { imported: 1, created: 1, updated: 0 });
    const stored = (await documents(t)).get(FOOD_LICENCE.code)!;
    assert.equal(stored.status, 'draft');
    const expected = comparable(FOOD_LICENCE.document);
    // The place named like a demo hall (西安市政务服务大厅) is linked to that hall.
    expected.places[0]!.hallId = 'linked';
    assert.deepEqual(comparable(stored.document), expected);

    const changed = structuredClone(FOOD_LICENCE);
    changed.document.promisedLimit.value = 4;
    changed.document.steps[0]!.days = 0;
    const again = await upload(t, marketEditor, await workbookOf([changed]));
    assert.deepEqual(again.json(), { imported: 1, created: 0, updated: 1 });
    const versions = await t.db.db.select().from(implementationVersions);
    assert.equal(versions.length, 1);
    assert.equal(versions[0]!.promisedLimit, 4);
  });

  test('rules that need the stored catalogue and unreadable files are reported the same way', async () => {
    const moved = { ...structuredClone(FOOD_LICENCE), organisation: '西安市公安局' };
    const res = await upload(t, admin, await workbookOf([moved]));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error.details.errors, [
      { sheet: '实施清单', row: 3, column: 'F 实施编码', problem: '该实施编码已属于其他实施部门' },
    ]);
    const garbage = await upload(t, admin, Buffer.from('不是 Excel 文件'));
    assert.equal(garbage.statusCode, 400);
    assert.match(garbage.json().error.details.errors[0].problem, /文件无法读取/);
    // Workbooks larger than the general body limit (1 MB) are accepted up to 10 MB.
    assert.equal((await upload(t, admin, Buffer.alloc(2 * 1024 * 1024))).statusCode, 400);
    const huge = await upload(t, admin, Buffer.alloc(11 * 1024 * 1024));
    assert.equal(huge.statusCode, 413);
  });

  test('an editor may not import matters of another department, and nothing is written', async () => {
    const before = await counts(t);
    const res = await upload(t, marketEditor, await workbookOf([ID_CARD]));
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.forbidden');
    assert.deepEqual(res.json().error.details.errors[0], {
      sheet: '实施清单',
      row: 3,
      column: 'G 实施机构',
      problem: '无权编辑“西安市公安局”的事项',
    });
    assert.deepEqual(await counts(t), before);
    assert.equal((await upload(t, null, await workbookOf([ID_CARD]))).statusCode, 401);
  });

  test('a file with problems in several sheets and rows lists them all and writes nothing', async () => {
    const rows = workbookRows([
      FOOD_LICENCE,
      { ...ID_CARD, code: '11610100MB0000003C000111002000' },
      ID_CARD,
    ]);
    rows.implementations[0]!.matterType = '行政许可证';
    rows.implementations[1]!.promisedLimit = 90;
    rows.implementations[2]!.organisation = '西安市不存在局';
    rows.materials.push({
      ...materialCells('11610100MB0000009Z000000000000', FOOD_LICENCE.document.materials[0]!),
    });
    rows.materials[1]!.paperCopies = 'abc';
    rows.materials[3]!.certificateType = '';
    const before = await counts(t);
    const res = await upload(t, admin, await writeWorkbook(rows));
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'catalogue.import_invalid');
    const found = error.details.errors.map(
      (e: { sheet: string; row: number; column: string }) => `${e.sheet}!${e.row}!${e.column}`,
    );
    assert.deepEqual(found.sort(), [
      '实施清单!3!C 事项类型',
      '实施清单!4!N 承诺时限',
      '实施清单!5!G 实施机构',
      '申请材料!4!F 份数',
      '申请材料!6!J 证照类型',
      '申请材料!8!A 实施编码',
    ]);
    const problems = error.details.errors.map((e: { problem: string }) => e.problem).join('\n');
    assert.match(problems, /“行政许可证”不是可选的取值/);
    assert.match(problems, /承诺时限不能超过法定时限/);
    assert.match(problems, /实施机构“西安市不存在局”不存在/);
    assert.match(error.message, /共 6 处/);
    assert.deepEqual(await counts(t), before);
  });

  test('export then import into an empty catalogue gives the same documents', async () => {
    const res = await upload(t, admin, await workbookOf([FOOD_LICENCE, ID_CARD]));
    assert.equal(res.statusCode, 200, res.body);
    const exported = await t.app.inject({
      url: '/api/catalogue/export.xlsx',
      headers: { cookie: admin.cookie },
    });
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.headers['content-type'], XLSX_TYPE);
    const original = await documents(t);

    const other = await setUp();
    try {
      const imported = await upload(other.t, other.admin, exported.rawPayload);
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json(), { imported: 2, created: 2, updated: 0 });
      const copies = await documents(other.t);
      assert.deepEqual([...copies.keys()], [...original.keys()]);
      for (const [code, row] of original) {
        assert.deepEqual(comparable(copies.get(code)!.document), comparable(row.document), code);
      }
      assert.equal(
        copies.get(ID_CARD.code)!.document.fees[0]!.legalBasis,
        '《居民身份证工本费标准》|财综〔2003〕72号',
      );
    } finally {
      await other.t.close();
    }
  });

  test('a form with every field type, conditions, a table and English texts: export, import, the same form', async () => {
    const form: FormDefinition = structuredClone({ ...FOOD_FORM, covers: ['application'] });
    form.sections[0]!.titleEn = 'Applicant';
    form.sections[0]!.description = '请与营业执照一致';
    form.sections[1]!.fields[2]!.labelEn = 'Business type';
    form.sections[1]!.fields[2]!.helpEn = 'As on the licence';
    form.sections[1]!.fields[2]!.options![0]!.labelEn = 'Restaurant';
    form.sections[1]!.fields.push({
      key: 'ratio',
      type: 'choice',
      label: '餐位比例',
      options: [
        { value: '1:1', label: '一比一' },
        { value: '1|2', label: '一比二' },
      ],
    });
    const rich = {
      ...structuredClone(FOOD_LICENCE),
      code: '11610100MB0000007G000117024000',
    };
    rich.document.form = form;
    const res = await upload(t, admin, await workbookOf([rich]));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { imported: 1, created: 1, updated: 0 });
    assert.deepEqual((await documents(t)).get(rich.code)!.document.form, form);

    const exported = await t.app.inject({
      url: '/api/catalogue/export.xlsx',
      headers: { cookie: admin.cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('申请表字段')!;
    const row = (key: string) => {
      for (let n = 3; n <= sheet.rowCount; n++)
        if (sheet.getCell(`A${n}`).value === rich.code && sheet.getCell(`E${n}`).value === key)
          return sheet.getRow(n).values as unknown[];
      throw new Error(`no row for ${key}`);
    };
    // Row values start at index 1 (column A).
    assert.deepEqual(row('items').slice(6, 13), [
      '多选',
      '经营项目',
      '是',
      '',
      '',
      '{"maxItems":2}',
      'hot:热食类食品制售|cold:冷食类食品制售|prepacked:预包装食品销售',
    ]);
    assert.deepEqual(row('certificate').slice(2, 5), ['staff', '从业人员', 'people']);
    assert.equal(row('certificate')[9], '{"field":"certified","equals":true}');
    assert.deepEqual(JSON.parse(String(row('ratio')[12])), form.sections[1]!.fields.at(-1)!.options);

    // Importing the export changes nothing: every document, forms too, comes back the same.
    const again = await upload(t, admin, exported.rawPayload);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), { imported: 0, created: 0, updated: 0 });
  });

  test('problems of form rows are listed by sheet, row and column, and nothing is written', async () => {
    const a = { ...structuredClone(FOOD_LICENCE), code: '11610100MB0000005E000117024000' };
    const b = { ...structuredClone(FOOD_LICENCE), code: '11610100MB0000006F000117024000' };
    const rows = workbookRows([a, b, ID_CARD]);
    // a (rows 3–12): cells that cannot be read
    rows.formFields[0]!.type = '签名';
    rows.formFields[5]!.requiredWhen = '{field: category}';
    rows.formFields[8]!.table = 'premises';
    // b (rows 13–22): a form that reads but breaks its rules
    rows.formFields[14]!.options = 'restaurant:餐饮|canteen:食堂|canteen:学校食堂';
    rows.formFields[16]!.shownWhen = '{"field":"nowhere","notEmpty":true}';
    // 居民身份证换领 has no form: its material cannot be covered by one.
    rows.materials[6]!.coveredByForm = '是';
    const before = await counts(t);
    const res = await upload(t, admin, await writeWorkbook(rows));
    assert.equal(res.statusCode, 400, res.body);
    const errors: { sheet: string; row: number; column: string; problem: string }[] =
      res.json().error.details.errors;
    assert.deepEqual(
      errors.map((e) => `${e.sheet}!${e.row}!${e.column}`),
      [
        '申请材料!9!O 由申请表代替',
        '申请表字段!3!F 字段类型',
        '申请表字段!8!J 必填条件',
        '申请表字段!11!D 所属表格',
        '申请表字段!17!L 选项',
        '申请表字段!19!I 显示条件',
      ],
    );
    const problems = errors.map((e) => e.problem).join('\n');
    assert.match(problems, /字段类型“签名”不是可选的取值/);
    assert.match(problems, /必填条件不是有效的 JSON/);
    assert.match(problems, /所属表格“premises”须为此前各行中类型为“表格”的字段/);
    assert.match(problems, /申请表字段“主体业态”（category）：选项取值重复：canteen/);
    assert.match(problems, /条件引用的字段不存在：nowhere/);
    assert.match(problems, /没有字段，材料不能由申请表代替/);
    assert.deepEqual(await counts(t), before);
  });

  test('a workbook of the template before application forms imports, without a form', async () => {
    const old = { ...structuredClone(FOOD_LICENCE), code: '11610100MB0000008H000117024000' };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookOf([old])) as unknown as ExcelJS.Buffer);
    book.removeWorksheet(book.getWorksheet('申请表字段')!.id);
    book.getWorksheet('申请材料')!.spliceColumns(15, 1);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(t, admin, file);
    assert.equal(res.statusCode, 200, res.body);
    const stored = (await documents(t)).get(old.code)!.document;
    assert.equal(stored.form, undefined);
    assert.equal(stored.materials.length, 3);
  });

  test('the export holds only what the caller may see, filtered by department', async () => {
    const read = async (session: Session, query = '') => {
      const res = await t.app.inject({
        url: `/api/catalogue/export.xlsx${query}`,
        headers: { cookie: session.cookie },
      });
      assert.equal(res.statusCode, 200, res.body);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet('实施清单')!;
      return Array.from({ length: sheet.rowCount - 2 }, (_, i) => String(sheet.getCell(`F${i + 3}`).value));
    };
    assert.deepEqual(await read(marketEditor), [
      FOOD_LICENCE.code,
      '11610100MB0000007G000117024000',
      '11610100MB0000008H000117024000',
    ]);
    assert.deepEqual(await read(admin, `?departmentId=${demo.departments.公安局}`), [ID_CARD.code]);
    assert.equal(implementationCells(FOOD_LICENCE).organisation, '西安市市场监督管理局');
  });
});
