import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';

/** A hall's position (for 身边的政务服务站): both coordinates or neither, each in range, kept on the hall. */

let t: TestApp;
let manager: Browser;
let hall: { id: string; organisationId: string };

before(async () => {
  t = await createTestApp();
  hall = await buildHall(t.db.db);
  manager = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'hall_manager', organisationId: hall.organisationId }),
  );
});
after(async () => {
  await t?.close();
});

const base = {
  name: '幸福社区便民服务站',
  address: '西安市新城区幸福中路 1 号',
  openingHours: '周一至周六 9:00—17:00',
};

async function create(extra: Record<string, unknown>) {
  return manager.request({
    method: 'POST',
    url: '/api/halls',
    payload: { organisationId: hall.organisationId, ...base, ...extra },
  });
}

function refusedAt(res: { statusCode: number; json: () => unknown }, field: string) {
  assert.equal(res.statusCode, 400);
  const error = (res.json() as { error: { field: string } }).error;
  assert.equal(error.field, field);
}

test('a hall is created with its position and shows it', async () => {
  const res = await create({ latitude: 34.2712, longitude: 108.9532 });
  assert.equal(res.statusCode, 201, res.body);
  const shown = (await manager.request({ method: 'GET', url: `/api/halls/${res.json().id}` })).json();
  assert.equal(shown.latitude, 34.2712);
  assert.equal(shown.longitude, 108.9532);
  assert.equal(shown.organisationKind, 'service_centre');
  const without = await create({});
  assert.equal(without.statusCode, 201, without.body);
  assert.equal(without.json().latitude, null);
});

test('a position needs both coordinates, each within its range', async () => {
  refusedAt(await create({ latitude: 34.27 }), 'longitude');
  refusedAt(await create({ longitude: 108.95 }), 'latitude');
  refusedAt(await create({ latitude: 34.27, longitude: null }), 'longitude');
  refusedAt(await create({ latitude: 91, longitude: 108.95 }), 'latitude');
  refusedAt(await create({ latitude: 34.27, longitude: -180.5 }), 'longitude');
  refusedAt(await create({ latitude: '34.27', longitude: 108.95 }), 'latitude');
});

test('a change keeps the pair whole: one coordinate alone cannot be cleared or set', async () => {
  const read = async () => (await manager.request({ method: 'GET', url: `/api/halls/${hall.id}` })).json();
  const patch = (payload: Record<string, unknown>) =>
    manager.request({ method: 'PATCH', url: `/api/halls/${hall.id}`, payload });
  refusedAt(await patch({ version: (await read()).version, latitude: 34.3 }), 'longitude');
  const placed = await patch({ version: (await read()).version, latitude: 34.3, longitude: 108.9 });
  assert.equal(placed.statusCode, 200, placed.body);
  refusedAt(await patch({ version: placed.json().version, longitude: null }), 'longitude');
  const moved = await patch({ version: placed.json().version, latitude: 34.31 });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual([moved.json().latitude, moved.json().longitude], [34.31, 108.9]);
  const cleared = await patch({ version: moved.json().version, latitude: null, longitude: null });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.equal((await read()).latitude, null);
});
