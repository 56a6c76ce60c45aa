import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { WindowInput } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall, buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { addCategory } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

/** A hall of a centre in `regionCode` with a signed-in manager, optionally with windows. */
async function hallIn(
  regionCode: string,
  kind: 'service_centre' | 'street_centre' = 'service_centre',
  windows: WindowInput[] = [],
) {
  const centre = await buildOrganisation(t.db.db, { kind, regionCode });
  const hall = await buildHall(t.db.db, { organisationId: centre.id, windows });
  const manager = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'hall_manager', organisationId: centre.id }),
  );
  return { hall, manager };
}

const hallsFor = (id: string) =>
  t.app.inject({ method: 'GET', url: `/api/appointments/matters/${id}/halls` });

test('a matter is booked at its region’s hall and at halls with a dedicated window of its department', async () => {
  const matter = await buildMatter(t.db.db, { regionCode: '610102' });
  const own = await hallIn('610102');
  const ownCategory = await addCategory(own.manager, own.hall.id, '综合受理窗口', 2);
  const twoCategories = await hallIn('610102');
  await addCategory(twoCategories.manager, twoCategories.hall.id, '综合受理窗口', 2);
  await addCategory(twoCategories.manager, twoCategories.hall.id, '不动产登记', 2);
  const other = await hallIn('610102001', 'street_centre', [
    { number: '09', name: '专窗', kind: 'dedicated', departmentId: matter.departmentId },
  ]);
  const otherCategory = await addCategory(other.manager, other.hall.id, '不动产登记', 3);
  const unrelated = await hallIn('610103');
  await addCategory(unrelated.manager, unrelated.hall.id, '综合受理窗口', 2);
  await hallIn('610102'); // takes no bookings

  const res = await hallsFor(matter.id);
  assert.equal(res.statusCode, 200, res.body);
  const halls = res.json() as { hallId: string; hallName: string; categoryId: string | null }[];
  assert.equal(halls[0]!.hallId, other.hall.id, 'the hall with the department’s dedicated window first');
  assert.equal(halls[0]!.categoryId, otherCategory.id, 'its only category is preselected');
  assert.deepEqual(
    halls
      .slice(1)
      .map((h) => h.hallId)
      .sort(),
    [own.hall.id, twoCategories.hall.id].sort(),
    'the halls of the matter’s region that take bookings, and no other',
  );
  assert.equal(halls.find((h) => h.hallId === own.hall.id)!.categoryId, ownCategory.id);
  assert.equal(halls.find((h) => h.hallId === twoCategories.hall.id)!.categoryId, null, 'the person chooses');
});

test('a guide that names halls as its places: those taking bookings, in its order, with the category its window names', async () => {
  const first = await hallIn('610104');
  await addCategory(first.manager, first.hall.id, '综合受理窗口', 2);
  const estate = await addCategory(first.manager, first.hall.id, '不动产登记', 2);
  const second = await hallIn('610104');
  const general = await addCategory(second.manager, second.hall.id, '综合受理窗口', 2);
  await addCategory(second.manager, second.hall.id, '社保医保', 2);
  const quiet = await hallIn('610104');
  const place = (hall: { id: string; name: string }, window: string) => ({
    hallId: hall.id,
    name: hall.name,
    window,
    address: '陕西省西安市莲湖区',
    hours: '工作日 9:00—17:00',
  });
  const matter = await buildMatter(t.db.db, {
    regionCode: '610104',
    document: {
      places: [
        place(quiet.hall, '综合受理窗口'),
        place(second.hall, '综合受理窗口（1—2号）'),
        place(first.hall, '不动产登记中心专窗'),
      ],
    },
  });
  const res = await hallsFor(matter.id);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().map((h: { hallId: string; categoryId: string | null }) => [h.hallId, h.categoryId]),
    [
      [second.hall.id, general.id],
      [first.hall.id, estate.id],
    ],
    'a hall without bookings is left out; the window names the category',
  );
});

test('a matter no hall takes bookings for has none; an unknown matter is a 404', async () => {
  const lonely = await buildMatter(t.db.db, { regionCode: '610111' });
  const none = await hallsFor(lonely.id);
  assert.equal(none.statusCode, 200);
  assert.deepEqual(none.json(), []);
  assert.equal((await hallsFor(randomUUID())).statusCode, 404);
  const bad = await hallsFor('not-an-id');
  assert.equal(bad.statusCode, 400);
});
