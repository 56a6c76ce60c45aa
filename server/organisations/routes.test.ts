import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import type { Role } from '../../common/roles.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { type AuditContext, auditRecords } from '../audit/index.ts';
import { type DemoOrganisations, seedDemoOrganisations } from '../demo/organisations.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

const audit: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'routes-test' };
const PASSWORD = 'route-test-1234';
type Session = { cookie: string; csrf: string; id: string };

let t: TestApp;
let demo: DemoOrganisations;
/** System administrators of 西安市 and of 新城区, and the hall manager of the city centre. */
let cityAdmin: Session;
let xinchengAdmin: Session;
let hallManager: Session;

async function staff(
  login: string,
  organisationId: string,
  role: Role,
  regionCode?: string,
): Promise<Session> {
  const account = await createStaffAccount({
    db: t.db.db,
    audit,
    input: {
      login,
      displayName: login,
      password: PASSWORD,
      organisationId,
      roles: [regionCode ? { role, regionCode } : { role, organisationId }],
    },
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: login, password: PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: res.json().csrfToken, id: account.id };
}

before(async () => {
  t = await createTestApp();
  demo = await seedDemoOrganisations({ db: t.db.db, audit });
  cityAdmin = await staff('city_admin', demo.cityCentre, 'system_admin', '610100');
  xinchengAdmin = await staff('xincheng_admin', demo.districtCentre, 'system_admin', '610102');
  hallManager = await staff('city_hall_manager', demo.cityCentre, 'hall_manager');
});
after(async () => {
  await t.close();
});

function send(method: 'POST' | 'PATCH', url: string, payload: object, as?: Session) {
  return t.app.inject({
    method,
    url,
    payload,
    headers: as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {},
  });
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

test('regions are public to read: children, breadcrumbs, search', async () => {
  const children = await get('/api/regions?parent=610100');
  assert.equal(children.statusCode, 200);
  assert.ok(children.json().items.some((r: { name: string }) => r.name === '碑林区'));
  const street = await get('/api/regions/610102001');
  assert.deepEqual(
    street.json().ancestors.map((a: { code: string }) => a.code),
    ['610000', '610100', '610102'],
  );
  const found = await get(`/api/regions?q=${encodeURIComponent('碑林')}`);
  assert.equal(found.json().items[0].code, '610103');
  assert.equal((await get('/api/regions/61010')).statusCode, 400);
  assert.equal((await get('/api/regions/619999')).statusCode, 404);
});

test('region writes: 401 without sign-in, 403 outside one’s region, 400 naming a bad code', async () => {
  const street = { parentCode: '610103', code: '610103901', name: '测试街道' };
  assert.equal((await send('POST', '/api/regions', street)).statusCode, 401);
  assert.equal((await send('POST', '/api/regions', street, xinchengAdmin)).statusCode, 403);
  const mine = { parentCode: '610102', code: '610102901', name: '测试街道' };
  const created = await send('POST', '/api/regions', mine, xinchengAdmin);
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().path, '610000/610100/610102/610102901');
  const bad = await send('POST', '/api/regions', { ...mine, code: '610103902' }, xinchengAdmin);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'code');

  // A district is renamed by the city's administrators, not by its own.
  assert.equal((await send('PATCH', '/api/regions/610102', { name: '新城' }, xinchengAdmin)).statusCode, 403);
  const renamed = await send('PATCH', '/api/regions/610102901', { name: '新测试街道' }, xinchengAdmin);
  assert.equal(renamed.json().name, '新测试街道');
  const [record] = await t.db.db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.targetId, '610102901'), eq(auditRecords.action, 'region.rename')));
  assert.equal(record?.actorId, xinchengAdmin.id);
});

const newDepartment = (over: object = {}) => ({
  name: '新城区市场监督管理局',
  shortName: '市场监管局',
  kind: 'department',
  regionCode: '610102',
  creditCode: withCreditCheckCharacter('11610102ME0000001'),
  ...over,
});

test('organisations: public list by region subtree; validation errors name the field', async () => {
  const list = await get('/api/organisations?region=610102&subtree=true');
  assert.equal(list.statusCode, 200);
  // The 新城区 centre, its five street centres and two community stations, and the district branch of 市场监管局.
  assert.equal(list.json().total, 9);
  assert.equal((await get('/api/organisations/not-a-uuid')).statusCode, 400);

  const badCode = await send(
    'POST',
    '/api/organisations',
    newDepartment({ creditCode: '11610102ME0000001A' }),
    cityAdmin,
  );
  assert.equal(badCode.statusCode, 400);
  assert.deepEqual(
    [badCode.json().error.code, badCode.json().error.field],
    ['validation.credit_code', 'creditCode'],
  );
  const badRegion = await send(
    'POST',
    '/api/organisations',
    newDepartment({ regionCode: '610199' }),
    cityAdmin,
  );
  assert.deepEqual([badRegion.statusCode, badRegion.json().error.field], [400, 'regionCode']);
  const extra = await send('POST', '/api/organisations', newDepartment({ secret: 1 }), cityAdmin);
  assert.deepEqual([extra.statusCode, extra.json().error.field], [400, 'secret']);

  const created = await send('POST', '/api/organisations', newDepartment(), cityAdmin);
  assert.equal(created.statusCode, 201, created.body);
  const duplicate = await send('POST', '/api/organisations', newDepartment({ name: '别的局' }), cityAdmin);
  assert.deepEqual([duplicate.statusCode, duplicate.json().error.code], [409, 'resource.duplicate']);

  const { id, version } = created.json();
  const updated = await send(
    'PATCH',
    `/api/organisations/${id}`,
    { version, phone: '029-87000000' },
    xinchengAdmin,
  );
  assert.equal(updated.statusCode, 200, updated.body);
  const stale = await send(
    'PATCH',
    `/api/organisations/${id}`,
    { version, phone: '029-87000001' },
    cityAdmin,
  );
  assert.deepEqual([stale.statusCode, stale.json().error.code], [409, 'resource.conflict']);
  const off = await send('POST', `/api/organisations/${id}/deactivate`, { version: version + 1 }, cityAdmin);
  assert.equal(off.json().active, false);
});

test('organisation writes: 401 without sign-in, 403 for another region’s administrator', async () => {
  const beilin = newDepartment({
    regionCode: '610103',
    creditCode: withCreditCheckCharacter('11610103ME0000002'),
  });
  assert.equal((await send('POST', '/api/organisations', beilin)).statusCode, 401);
  assert.equal((await send('POST', '/api/organisations', beilin, xinchengAdmin)).statusCode, 403);
  const city = (await get(`/api/organisations/${demo.cityCentre}`)).json();
  const move = await send(
    'PATCH',
    `/api/organisations/${demo.cityCentre}`,
    { version: city.version, phone: '1' },
    xinchengAdmin,
  );
  assert.equal(move.statusCode, 403);
  // Moving one's own office into another district needs that district too.
  const street = (await get(`/api/organisations/${demo.streetCentre}`)).json();
  const away = await send(
    'PATCH',
    `/api/organisations/${demo.streetCentre}`,
    { version: street.version, regionCode: '610103001' },
    xinchengAdmin,
  );
  assert.equal(away.statusCode, 403);
  assert.equal((await send('POST', '/api/organisations', beilin, cityAdmin)).statusCode, 201);
});

test('halls and windows: the hall manager works in his own centre’s hall only', async () => {
  const windows = await get(`/api/halls/${demo.cityHall}/windows`);
  assert.equal(windows.json().items.length, 14);
  const window = { number: '15', name: '综合受理窗口7', kind: 'comprehensive' };
  assert.equal((await send('POST', `/api/halls/${demo.cityHall}/windows`, window)).statusCode, 401);
  assert.equal(
    (await send('POST', `/api/halls/${demo.districtHall}/windows`, window, hallManager)).statusCode,
    403,
  );
  const created = await send('POST', `/api/halls/${demo.cityHall}/windows`, window, hallManager);
  assert.equal(created.statusCode, 201, created.body);
  const again = await send('POST', `/api/halls/${demo.cityHall}/windows`, window, hallManager);
  assert.deepEqual([again.statusCode, again.json().error.field], [409, 'number']);
  const dedicated = await send(
    'POST',
    `/api/halls/${demo.cityHall}/windows`,
    { number: '16', name: '专窗', kind: 'dedicated' },
    hallManager,
  );
  assert.deepEqual([dedicated.statusCode, dedicated.json().error.field], [400, 'departmentId']);

  const hall = (await get(`/api/halls/${demo.cityHall}`)).json();
  assert.equal(hall.windowCount, 15);
  const renamed = await send(
    'PATCH',
    `/api/halls/${demo.cityHall}`,
    { version: hall.version, phone: '029-12345' },
    hallManager,
  );
  assert.equal(renamed.statusCode, 200);
  const newHall = {
    organisationId: demo.districtCentre,
    name: '新城区第二大厅',
    address: '某路',
    openingHours: '工作日',
  };
  assert.equal((await send('POST', '/api/halls', newHall, hallManager)).statusCode, 403);
  assert.equal((await send('POST', '/api/halls', newHall, xinchengAdmin)).statusCode, 201);
});
