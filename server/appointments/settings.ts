import { and, asc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { AppointmentSettings, CategoryBody } from '../../common/appointments/api.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findHall } from '../organisations/index.ts';
import { appointmentCategories, appointmentSettings } from './tables.ts';

export type SettingsInput = Static<typeof AppointmentSettings>;
export type AppointmentSettingsRow = Omit<typeof appointmentSettings.$inferSelect, 'updatedAt'>;
export type CategoryRow = typeof appointmentCategories.$inferSelect;

const WORKDAY = { open: '09:00', close: '17:00' };

/** The rules of a hall that has set none: Monday–Friday 09:00–17:00, 30-minute slots, the default rules. */
export const DEFAULT_SETTINGS: Omit<AppointmentSettingsRow, 'hallId'> = {
  weekdays: { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY },
  extraDays: [],
  slotMinutes: 30,
  minDaysAhead: 1,
  maxDaysAhead: 5,
  cancelHoursBefore: 2,
  noShowLimit: 2,
  cancelLimit: 5,
  suspendDays: 30,
};

export const hallNotFound = () => new AppError('resource.not_found', { params: { resource: '大厅' } });
export const categoryNotFound = () =>
  new AppError('resource.not_found', { params: { resource: '预约类别' } });

/** A hall's settings (the defaults when it has set none). */
export async function settingsOf(db: DbOrTx, hallId: string): Promise<AppointmentSettingsRow> {
  const [row] = await db.select().from(appointmentSettings).where(eq(appointmentSettings.hallId, hallId));
  if (!row) return { hallId, ...DEFAULT_SETTINGS };
  const { updatedAt: _, ...settings } = row;
  return settings;
}

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** Checks what a hall manager sets: opening before closing, extra days once each, min ≤ max. */
function checkSettings(input: SettingsInput): void {
  for (const [weekday, hours] of Object.entries(input.weekdays)) {
    if (hours && hours.open >= hours.close)
      throw invalid(`weekdays/${weekday}/close`, '关门时间须晚于开门时间', 'must be after opening time');
  }
  const seen = new Set<string>();
  input.extraDays.forEach((d, i) => {
    if (d.open >= d.close)
      throw invalid(`extraDays/${i}/close`, '关门时间须晚于开门时间', 'must be after opening time');
    if (seen.has(d.day)) throw invalid(`extraDays/${i}/day`, '日期重复', 'is given twice');
    seen.add(d.day);
  });
  if (input.minDaysAhead > input.maxDaysAhead)
    throw invalid('minDaysAhead', '不能大于最多提前的工作日数', 'must not exceed maxDaysAhead');
}

/** Sets a hall's opening hours and booking rules. */
export async function putSettings(
  db: Db,
  audit: AuditContext,
  hallId: string,
  input: SettingsInput,
): Promise<AppointmentSettingsRow> {
  checkSettings(input);
  const values = {
    ...input,
    weekdays: Object.fromEntries(Object.entries(input.weekdays).filter(([, h]) => h)) as Record<
      string,
      { open: string; close: string }
    >,
    extraDays: [...input.extraDays].sort((a, b) => a.day.localeCompare(b.day)),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(appointmentSettings)
      .values({ hallId, ...values })
      .onConflictDoUpdate({ target: appointmentSettings.hallId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, audit, {
      action: 'appointment.settings',
      targetType: 'hall',
      targetId: hallId,
      summary: { ...values },
    });
  });
  return settingsOf(db, hallId);
}

/** The hall, or 404. */
export async function requireHall(db: DbOrTx, hallId: string) {
  const hall = await findHall(db, hallId);
  if (!hall?.active) throw hallNotFound();
  return hall;
}

export async function findCategory(db: DbOrTx, id: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(appointmentCategories).where(eq(appointmentCategories.id, id));
  return row ?? null;
}

export async function createCategory(
  db: Db,
  audit: AuditContext,
  hallId: string,
  input: Static<typeof CategoryBody>,
): Promise<CategoryRow> {
  const name = input.name.trim();
  if (!name) throw invalid('name', '不能为空', 'must not be empty');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appointmentCategories)
      .values({ hallId, name, capacity: input.capacity, active: input.active ?? true })
      .returning();
    await recordAudit(tx, audit, {
      action: 'appointment.category_create',
      targetType: 'appointment_category',
      targetId: row!.id,
      summary: { hallId, name, capacity: input.capacity },
    });
    return row!;
  });
}

export async function updateCategory(
  db: Db,
  audit: AuditContext,
  id: string,
  input: Static<typeof CategoryBody>,
): Promise<CategoryRow> {
  const name = input.name.trim();
  if (!name) throw invalid('name', '不能为空', 'must not be empty');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointmentCategories)
      .set({
        name,
        capacity: input.capacity,
        ...(input.active === undefined ? {} : { active: input.active }),
      })
      .where(eq(appointmentCategories.id, id))
      .returning();
    if (!row) throw categoryNotFound();
    await recordAudit(tx, audit, {
      action: 'appointment.category_update',
      targetType: 'appointment_category',
      targetId: id,
      summary: { name, capacity: input.capacity, active: row.active },
    });
    return row;
  });
}

/** The halls where people can book (active, with an active category), each with its rules and categories. */
export async function bookingHalls(db: DbOrTx, hallId?: string) {
  const categories = await db
    .select()
    .from(appointmentCategories)
    .where(
      and(
        eq(appointmentCategories.active, true),
        hallId ? eq(appointmentCategories.hallId, hallId) : undefined,
      ),
    )
    .orderBy(asc(appointmentCategories.createdAt));
  const ids = [...new Set(categories.map((c) => c.hallId))];
  if (!ids.length) return [];
  const found = await Promise.all(ids.map((id) => findHall(db, id)));
  const rows = found
    .filter((h) => h?.active)
    .map((h) => ({ id: h!.id, name: h!.name, address: h!.address, phone: h!.phone }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return Promise.all(
    rows.map(async (hall) => {
      const { hallId: _, ...settings } = await settingsOf(db, hall.id);
      return {
        ...hall,
        settings,
        categories: categories
          .filter((c) => c.hallId === hall.id)
          .map(({ id, hallId, name, capacity, active }) => ({ id, hallId, name, capacity, active })),
      };
    }),
  );
}

/** Every category of a hall, inactive ones too, oldest first. */
export async function hallCategories(db: DbOrTx, hallId: string) {
  const rows = await db
    .select()
    .from(appointmentCategories)
    .where(eq(appointmentCategories.hallId, hallId))
    .orderBy(asc(appointmentCategories.createdAt));
  return rows.map(({ id, hallId, name, capacity, active }) => ({ id, hallId, name, capacity, active }));
}
