import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../accounts/index.ts';
import { connect, type Database } from '../core/db/client.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildIdNumber, FACTORY_AUDIT } from '../testing/factories.ts';
import { book } from './booking.ts';
import { appointmentSlots, appointments } from './tables.ts';
import { bookableDays, buildBookingHall, personActor } from './testing.ts';

let t: TestApp;
let wide: Database;
before(async () => {
  t = await createTestApp();
  // Many connections, so the bookings really meet in the database at the same time.
  wide = connect(t.db.url, { max: 40 });
});
after(async () => {
  await wide?.close();
  await t?.close();
});

test('200 people booking 10 places at once: exactly 10 bookings, 190 told the slot is full', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db, { capacity: 10 });
  const [day] = await bookableDays(t.app, hall.id);
  const people = await t.db.db
    .insert(accounts)
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        kind: 'person',
        login: buildIdNumber(),
        displayName: `预约人${i}`,
        passwordHash: '!',
      })),
    )
    .returning({ id: accounts.id });
  const input = { categoryId: category.id, day: day!.day, start: '09:00' };
  const outcomes = await Promise.allSettled(
    people.map((p) => book({ db: wide.db, actor: personActor(p.id), audit: FACTORY_AUDIT, input })),
  );
  const booked = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  assert.equal(booked.length, 10);
  assert.equal(refused.length, 190);
  assert.ok(
    refused.every((o) => (o.reason as { code?: string }).code === 'appointment.full'),
    String(refused[0]?.reason),
  );
  const rows = await t.db.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.categoryId, category.id), eq(appointments.day, day!.day)));
  assert.equal(rows.length, 10);
  assert.equal(new Set(rows.map((r) => r.accountId)).size, 10);
  const [counter] = await t.db.db
    .select()
    .from(appointmentSlots)
    .where(eq(appointmentSlots.categoryId, category.id));
  assert.equal(counter!.booked, 10);
});

test('one person booking the same matter 20 times at once gets one booking', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db, { capacity: 50 });
  const [day] = await bookableDays(t.app, hall.id);
  const [person] = await t.db.db
    .insert(accounts)
    .values({ kind: 'person', login: buildIdNumber(), displayName: '重复预约人', passwordHash: '!' })
    .returning({ id: accounts.id });
  const starts = ['09:00', '09:30', '10:00', '10:30'];
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      book({
        db: wide.db,
        actor: personActor(person!.id),
        audit: FACTORY_AUDIT,
        input: { categoryId: category.id, day: day!.day, start: starts[i % 4]! },
      }),
    ),
  );
  assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  assert.ok(refused.every((o) => (o.reason as { code?: string }).code === 'appointment.duplicate'));
  // The refused ones took no place: the counters add up to the one booking.
  const counters = await t.db.db
    .select()
    .from(appointmentSlots)
    .where(eq(appointmentSlots.categoryId, category.id));
  assert.equal(
    counters.reduce((n, c) => n + c.booked, 0),
    1,
  );
});
