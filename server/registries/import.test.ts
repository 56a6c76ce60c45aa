import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { auditTrail, type Browser, signInAs } from '../accounts/testing.ts';
import { signInApplicant } from '../cases/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { XLSX_TYPE } from './files.ts';
import { findCompany, findPerson } from './service.ts';

let t: TestApp;
let admin: Browser;
let clerk: Browser;

before(async () => {
  t = await createTestApp({ demo: true });
  admin = await signInAs(t.app, 'admin', DEMO_PASSWORD);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
});
after(async () => t?.close());

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);

const importFile = (by: Browser, kind: string, body: Buffer, type = 'text/csv') =>
  by.request({
    method: 'POST',
    url: `/api/registries/${kind}/import?fileName=${encodeURIComponent('导入.csv')}`,
    headers: { 'content-type': type },
    payload: body,
  });

test('the demo bases hold the demo applicants and a few hundred residents and companies', async () => {
  const counts = (await admin.request({ method: 'GET', url: '/api/registries' })).json();
  assert.ok(counts.persons >= 300 && counts.companies >= 300, JSON.stringify(counts));
  const person = await findPerson(t.db.db, '11010519491231002X');
  assert.equal(person?.name, '李秀兰');
  const company = await findCompany(t.db.db, '91350100M000100Y43');
  assert.equal(company?.name, '福州闽江数字科技有限公司');
  assert.ok(
    await findPerson(t.db.db, company!.legalRepresentativeIdNumber!),
    'the representative is a resident',
  );
});

test('administrators browse the population base with ID numbers, phones and addresses masked', async () => {
  const res = await admin.request({
    method: 'GET',
    url: `/api/registries/persons?q=${encodeURIComponent('李秀兰')}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  const { items } = res.json();
  assert.equal(items[0].idNumber, '110105********002X');
  assert.equal(items[0].phone, '139****5678');
  assert.ok(!res.body.includes('11010519491231002X'));
  assert.ok(!res.body.includes('西一路218号'), 'the address is masked');
  const byNumber = (
    await admin.request({ method: 'GET', url: '/api/registries/persons?q=11010519491231002x' })
  ).json();
  assert.equal(byNumber.total, 1);
});

test('only system administrators read or import the bases', async () => {
  assert.equal((await clerk.request({ method: 'GET', url: '/api/registries/companies' })).statusCode, 403);
  const applicant = await signInApplicant(t.app, 'person', '11010519491231002X');
  assert.equal((await applicant.request({ method: 'GET', url: '/api/registries' })).statusCode, 403);
  const res = await importFile(
    clerk,
    'persons',
    csv(['公民身份号码,姓名,住址', '11010519491231002X,李秀兰,北京']),
  );
  assert.equal(res.statusCode, 403);
});

test('an import with bad rows names each row and column in Chinese and imports nothing', async () => {
  const res = await importFile(
    admin,
    'persons',
    csv([
      '公民身份号码,姓名,性别,出生日期,住址,联系电话',
      '610102199001011234,王五,男,1990-01-01,西安市新城区,13800000000',
      '610102199001011231,赵六,男,1990-01-01,西安市新城区,13800000000',
      '11010519491231002X,,男,1949-12-31,北京市朝阳区,12345',
      '610102199001011231,赵六,男,1990-01-01,西安市新城区,',
    ]),
  );
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json();
  assert.equal(body.error.code, 'registry.import_invalid');
  assert.match(body.error.message, /共 \d+ 处，未导入任何记录/);
  const problems = body.error.details.errors as { row: number; column: string; problem: string }[];
  const at = (row: number, column: string) => problems.find((p) => p.row === row && p.column === column);
  assert.match(at(2, '公民身份号码')!.problem, /不是有效的居民身份证号码/);
  assert.equal(at(4, '姓名')?.problem, '不能为空');
  assert.equal(at(4, '性别')?.problem, '与身份证号码不符');
  assert.equal(at(4, '联系电话')?.problem, '电话号码格式不正确');
  assert.match(at(5, '公民身份号码')!.problem, /与第 3 行重复/);
  assert.equal(
    await findPerson(t.db.db, '610102199001011231'),
    null,
    'the valid row was not imported either',
  );
});

test('a CSV without a required column is refused before any row is read', async () => {
  const res = await importFile(
    admin,
    'companies',
    csv(['统一社会信用代码,名称', '91350100M000100Y43,某公司']),
  );
  assert.equal(res.statusCode, 400);
  const problems = res.json().error.details.errors as { column: string; problem: string }[];
  assert.deepEqual(
    problems.map((p) => p.column),
    ['法定代表人', '类型', '住所', '成立日期', '所在地区划代码'],
  );
  assert.match(problems[0]!.problem, /缺少此列/);
});

test('a valid CSV import adds and updates residents, audited without personal data', async () => {
  const res = await importFile(
    admin,
    'persons',
    csv([
      '公民身份号码,姓名,性别,出生日期,民族,住址,联系电话',
      '610102199001011231,赵六,男,1990/1/1,汉族,"陕西省西安市新城区长乐中路1号,2栋",13800000001',
      '11010519491231002X,李秀兰,女,1949-12-31,汉族,北京市朝阳区建国路99号,13912345678',
    ]),
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { imported: 2, created: 1, updated: 1 });
  const added = await findPerson(t.db.db, '610102199001011231');
  assert.equal(added?.address, '陕西省西安市新城区长乐中路1号,2栋');
  assert.equal(added?.regionCode, '610102', 'the region is read from the ID number');
  assert.equal((await findPerson(t.db.db, '11010519491231002X'))?.address, '北京市朝阳区建国路99号');
  const [record] = (await auditTrail(t.db.db, 'registry.import')).slice(-1);
  assert.deepEqual(record!.summary, {
    registry: 'persons',
    fileName: '导入.csv',
    imported: 2,
    created: 1,
    updated: 1,
  });
});

test('GBK-encoded CSV, as spreadsheet programs save it, is read', async () => {
  const text =
    '统一社会信用代码,名称,法定代表人,类型,住所,成立日期,所在地区划代码\r\n91610102MA6T00012L,西安长安面馆有限公司,王五,有限责任公司,西安市新城区东大街1号,2020年5月6日,610102\r\n';
  const res = await importFile(admin, 'companies', encodeGbk(text));
  assert.equal(res.statusCode, 200, res.body);
  const company = await findCompany(t.db.db, '91610102MA6T00012L');
  assert.equal(company?.name, '西安长安面馆有限公司');
  assert.equal(company?.establishedOn, '2020-05-06');
  assert.equal(company?.status, '存续');
});

test('an xlsx import is checked like a CSV: the template works and a wrong credit code is named', async () => {
  const template = await admin.request({ method: 'GET', url: '/api/registries/companies/template.xlsx' });
  assert.equal(template.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.getRow(1).getCell(1).value, '统一社会信用代码*');
  sheet.addRow([
    '91610102MA6T00013L',
    '西安某某商贸有限公司',
    '张三',
    '',
    '有限责任公司',
    '西安市碑林区南大街2号',
    '100万元人民币',
    new Date('2019-03-01T00:00:00Z'),
    '',
    '存续',
    '610103',
  ]);
  const bad = await importFile(admin, 'companies', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
  assert.equal(bad.statusCode, 400, bad.body);
  const [problem] = bad.json().error.details.errors;
  assert.deepEqual(problem, {
    row: 2,
    column: '统一社会信用代码',
    problem: '不是有效的统一社会信用代码（校验码不符或格式有误）',
  });
  sheet.getRow(2).getCell(1).value = '91610102MA6T00012L';
  const good = await importFile(
    admin,
    'companies',
    Buffer.from(await workbook.xlsx.writeBuffer()),
    XLSX_TYPE,
  );
  assert.equal(good.statusCode, 200, good.body);
  assert.equal((await findCompany(t.db.db, '91610102MA6T00012L'))?.establishedOn, '2019-03-01');
});

/** GBK bytes of a text (the few characters the test uses, through the platform's TextDecoder table). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch)!);
  }
  return Buffer.from(bytes);
}
