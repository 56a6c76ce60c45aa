import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import { createHall, getHall, listHalls, updateHall } from './halls.ts';
import { createOrganisation } from './service.ts';
import { fails, withDemoOrganisations } from './testing.ts';
import { createWindow, listWindows, updateWindow } from './windows.ts';

const fixture = withDemoOrganisations('halls-test');
const { audit } = fixture;

const audited = async (targetId: string, action: string) => (await fixture.auditOf(targetId, action)).length;

test('the demo city hall has comprehensive windows and the six dedicated ones', async () => {
  const windows = await listWindows({ db: fixture.db, hallId: fixture.demo.cityHall });
  assert.equal(windows.filter((w) => w.kind === 'comprehensive').length, 8);
  assert.deepEqual(
    windows
      .filter((w) => w.kind === 'dedicated')
      .map((w) => w.departmentName)
      .sort(),
    [
      '国家税务总局西安市税务局',
      '西安市不动产登记中心',
      '西安市人力资源和社会保障局',
      '西安市公安局',
      '西安市医疗保障局',
      '西安市市场监督管理局',
    ].sort(),
  );
  const hall = await getHall({ db: fixture.db, id: fixture.demo.cityHall });
  assert.equal(hall.windowCount, 14);
  assert.equal(hall.organisationName, '西安市政务服务中心');
  const inXincheng = await listHalls({ db: fixture.db, filter: { region: '610102', subtree: true } });
  const ids = inXincheng.map((h) => h.id);
  for (const id of [fixture.demo.districtHall, fixture.demo.streetHall, ...fixture.demo.communityHalls]) {
    assert.ok(ids.includes(id));
  }
  assert.ok(!ids.includes(fixture.demo.cityHall), 'the city hall lies outside 新城区');
  assert.deepEqual(
    inXincheng.filter((h) => fixture.demo.communityHalls.includes(h.id)).map((h) => h.organisationKind),
    ['community_station', 'community_station'],
  );
  assert.equal(inXincheng.find((h) => h.id === fixture.demo.streetHall)?.organisationKind, 'street_centre');
  assert.equal(inXincheng.length, 8, 'the district hall, five street halls and two community stations');
  assert.ok(
    inXincheng.every((h) => h.latitude && h.longitude),
    'every demo hall has a position',
  );
});

test('a hall belongs to an active organisation; updates need the current version', async () => {
  const hall = await createHall({
    db: fixture.db,
    audit,
    input: {
      organisationId: fixture.demo.communityStation,
      name: '民乐社区便民服务站大厅',
      address: '民乐园',
      openingHours: '周一至周六 9:00—17:00',
    },
  });
  assert.equal(await audited(hall.id, 'hall.create'), 1);
  await assert.rejects(
    createHall({
      db: fixture.db,
      audit,
      input: { organisationId: crypto.randomUUID(), name: '无', address: '无', openingHours: '无' },
    }),
    fails('validation.field', 'organisationId'),
  );
  const updated = await updateHall({
    db: fixture.db,
    audit,
    id: hall.id,
    input: { version: hall.version, openingHours: '周一至周日 9:00—17:00' },
  });
  assert.equal(updated.version, hall.version + 1);
  assert.equal(await audited(hall.id, 'hall.update'), 1);
  await assert.rejects(
    updateHall({ db: fixture.db, audit, id: hall.id, input: { version: hall.version, name: '旧版本' } }),
    fails('resource.conflict'),
  );
  const closed = await updateHall({
    db: fixture.db,
    audit,
    id: hall.id,
    input: { version: updated.version, active: false },
  });
  assert.equal(closed.active, false);
  assert.equal(await audited(hall.id, 'hall.deactivate'), 1);
});

test('window numbers are unique in a hall; dedicated windows name a department, comprehensive ones do not', async () => {
  const hallId = fixture.demo.streetHall;
  const window = await createWindow({
    db: fixture.db,
    audit,
    hallId,
    input: {
      number: '09',
      name: '民政专窗',
      kind: 'dedicated',
      departmentId: fixture.demo.departments.民政局!,
    },
  });
  assert.equal(window.departmentName, '西安市民政局');
  assert.equal(await audited(window.id, 'window.create'), 1);

  await assert.rejects(
    createWindow({
      db: fixture.db,
      audit,
      hallId,
      input: { number: '09', name: '重号', kind: 'comprehensive' },
    }),
    fails('resource.duplicate', 'number'),
  );
  // The same number in another hall is fine.
  await createWindow({
    db: fixture.db,
    audit,
    hallId: fixture.demo.districtHall,
    input: { number: '09', name: '九号', kind: 'comprehensive' },
  });
  await assert.rejects(
    createWindow({ db: fixture.db, audit, hallId, input: { number: '10', name: '专窗', kind: 'dedicated' } }),
    fails('validation.field', 'departmentId'),
  );
  await assert.rejects(
    createWindow({
      db: fixture.db,
      audit,
      hallId,
      input: {
        number: '10',
        name: '综合',
        kind: 'comprehensive',
        departmentId: fixture.demo.departments.公安局!,
      },
    }),
    fails('validation.field', 'departmentId'),
  );
  // A service centre is not a department.
  await assert.rejects(
    createWindow({
      db: fixture.db,
      audit,
      hallId,
      input: { number: '10', name: '专窗', kind: 'dedicated', departmentId: fixture.demo.cityCentre },
    }),
    fails('validation.field', 'departmentId'),
  );
  // A 碑林区 department cannot have a window in a 新城区 hall.
  const beilin = await createOrganisation({
    db: fixture.db,
    audit,
    input: {
      name: '碑林区公安分局',
      kind: 'department',
      regionCode: '610103',
      creditCode: withCreditCheckCharacter('11610103MD0000001'),
    },
  });
  await assert.rejects(
    createWindow({
      db: fixture.db,
      audit,
      hallId,
      input: { number: '10', name: '专窗', kind: 'dedicated', departmentId: beilin.id },
    }),
    fails('validation.field', 'departmentId'),
  );

  const comprehensive = await updateWindow({
    db: fixture.db,
    audit,
    hallId,
    id: window.id,
    input: { version: window.version, kind: 'comprehensive' },
  });
  assert.equal(comprehensive.departmentId, null);
  const [first] = await listWindows({ db: fixture.db, hallId });
  await assert.rejects(
    updateWindow({
      db: fixture.db,
      audit,
      hallId,
      id: window.id,
      input: { version: comprehensive.version, number: first!.number },
    }),
    fails('resource.duplicate', 'number'),
  );
  await assert.rejects(
    updateWindow({
      db: fixture.db,
      audit,
      hallId,
      id: window.id,
      input: { version: window.version, name: '旧' },
    }),
    fails('resource.conflict'),
  );
});
