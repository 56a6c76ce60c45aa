import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditTrail, type Browser, makeStaff, signInAs, TEST_PASSWORD } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  buildApplicant,
  buildHall,
  buildKiosk,
  buildOrganisation,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { tokenHashOf } from './devices.ts';
import { kioskDevices } from './tables.ts';
import { kioskOf } from './testing.ts';

let t: TestApp;
let halls: Record<string, { hallId: string; organisationId: string }>;
let manager: Browser;

let KIOSK_TOKEN: string;

before(async () => {
  t = await createTestApp();
  const city = await buildHall(t.db.db, { name: '西安市政务服务大厅' });
  const districtCentre = await buildOrganisation(t.db.db, { kind: 'service_centre', regionCode: '610102' });
  const district = await buildHall(t.db.db, { organisationId: districtCentre.id });
  halls = {
    市政务服务中心: { hallId: city.id, organisationId: city.organisationId },
    新城区政务服务中心: { hallId: district.id, organisationId: district.organisationId },
  };
  KIOSK_TOKEN = (await buildKiosk(t.db.db, { hallId: city.id, name: '一楼大厅自助终端 1 号' })).token;
  const hallManager = await buildStaff(t.db.db, {
    organisationId: city.organisationId,
    role: 'hall_manager',
    displayName: '赵丽华',
  });
  manager = await signIn(t.app, hallManager);
});
after(async () => {
  await t?.close();
});

const cityHall = () => halls.市政务服务中心!.hallId;
const districtHall = () => halls.新城区政务服务中心!.hallId;

const register = (who: Browser, hallId: string, name = '自助终端 2 号') =>
  who.request({ method: 'POST', url: '/api/kiosk/devices', payload: { hallId, name } });

test('the hall manager registers a kiosk of his hall; the token is shown once and only its hash is kept', async () => {
  const res = await register(manager, cityHall());
  assert.equal(res.statusCode, 201, res.body);
  const { device, token } = res.json() as { device: { id: string; hallId: string }; token: string };
  assert.match(token, /^ywk_[\w-]{30,}$/);
  assert.equal(device.hallId, cityHall());
  assert.equal(JSON.stringify(device).includes(token), false);

  const [row] = await t.db.db.select().from(kioskDevices).where(eq(kioskDevices.id, device.id));
  assert.equal(row!.tokenHash, tokenHashOf(token));
  assert.notEqual(row!.tokenHash, token);

  const list = await manager.request({ method: 'GET', url: `/api/kiosk/devices?hallId=${cityHall()}` });
  assert.equal(list.statusCode, 200);
  const names = (list.json().items as { id: string; name: string }[]).map((d) => d.name);
  assert.deepEqual(names.sort(), ['一楼大厅自助终端 1 号', '自助终端 2 号']);
  assert.equal(list.body.includes(token), false, 'the list never shows a token');
  assert.equal(list.body.includes(row!.tokenHash), false, 'nor its hash');

  const seen = await kioskOf(t.app, token).request({ method: 'GET', url: '/api/kiosk/device' });
  assert.equal(seen.statusCode, 200, seen.body);
  assert.equal(seen.json().hall.name, '西安市政务服务大厅');

  const [audit] = (await auditTrail(t.db.db, 'kiosk.register')).filter((a) => a.targetId === device.id);
  assert.ok(audit, 'the registration is audited');
  assert.equal(audit.actorName, '赵丽华');
  assert.equal(JSON.stringify(audit.summary).includes(token), false, 'the audit holds no token');
});

test('a hall manager of another hall, a clerk and an applicant cannot register a kiosk; the admin can', async () => {
  const other = await makeStaff({
    db: t.db.db,
    organisationId: halls.新城区政务服务中心!.organisationId,
    roles: [{ role: 'hall_manager', organisationId: halls.新城区政务服务中心!.organisationId }],
  });
  const otherManager = await signInAs(t.app, other.login, TEST_PASSWORD);
  assert.equal((await register(otherManager, cityHall())).statusCode, 403);
  assert.equal(
    (await otherManager.request({ method: 'GET', url: `/api/kiosk/devices?hallId=${cityHall()}` }))
      .statusCode,
    403,
  );
  assert.equal((await register(otherManager, districtHall(), '新城区大厅自助终端')).statusCode, 201);

  const clerk = await signIn(
    t.app,
    await buildStaff(t.db.db, { organisationId: halls.市政务服务中心!.organisationId, role: 'window_clerk' }),
  );
  assert.equal((await register(clerk, cityHall())).statusCode, 403);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  assert.equal((await register(person, cityHall())).statusCode, 403);
  const anonymous = await t.app.inject({
    method: 'POST',
    url: '/api/kiosk/devices',
    payload: { hallId: cityHall(), name: '无' },
  });
  assert.equal(anonymous.statusCode, 401);

  const admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
  assert.equal((await register(admin, districtHall(), '新城区大厅自助终端 2 号')).statusCode, 201);
});

test('an unknown or deactivated device token is a 401 telling the kiosk to be set up again', async () => {
  const card = { name: '李秀兰', idNumber: '11010519491231002X' };
  for (const token of ['', 'not-a-registered-token-000', `${KIOSK_TOKEN}x`]) {
    const res = await kioskOf(t.app, token).identify(card);
    assert.equal(res.statusCode, 401, token);
    assert.equal(res.json().error.code, 'kiosk.device_unknown');
    assert.match(res.json().error.message, /自助终端未登记或已停用/);
  }
  const missing = await t.app.inject({ method: 'POST', url: '/api/kiosk/identify', payload: card });
  assert.equal(missing.statusCode, 401);

  const res = await register(manager, cityHall(), '即将停用的终端');
  const { device, token } = res.json() as { device: { id: string }; token: string };
  const kiosk = kioskOf(t.app, token);
  assert.equal((await kiosk.identify(card)).statusCode, 200);
  assert.equal((await kiosk.request({ method: 'GET', url: '/api/auth/me' })).statusCode, 200);

  const off = await manager.request({ method: 'POST', url: `/api/kiosk/devices/${device.id}/deactivate` });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(off.json().active, false);
  assert.equal((await kiosk.identify(card)).statusCode, 401);
  assert.equal((await kiosk.request({ method: 'GET', url: '/api/kiosk/device' })).statusCode, 401);
  // The session opened on it ends with it.
  assert.equal((await kiosk.request({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  const audits = (await auditTrail(t.db.db, 'kiosk.deactivate')).filter((a) => a.targetId === device.id);
  assert.equal(audits.length, 1);
});
