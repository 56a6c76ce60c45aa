import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import {
  SETTING_RANGES,
  type TicketSettings,
  type TicketSettingsBody,
} from '../../common/tickets/board-api.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

export type Settings = Static<typeof TicketSettings>;
type SettingsInput = Static<typeof TicketSettingsBody>;

/** The rules of a hall that has set none. */
export const DEFAULT_TICKET_SETTINGS = { waitGoalMinutes: 20, dailyLimitPerPerson: 3, nearNoticeAhead: 3 };

const LABELS: Record<keyof typeof SETTING_RANGES, [string, string]> = {
  waitGoalMinutes: ['平均等候目标', 'the wait goal (minutes)'],
  dailyLimitPerPerson: ['每人每日取号上限', 'the daily limit per person'],
  nearNoticeAhead: ['提醒时前面人数', 'the people ahead for the near notice'],
};

const COLUMNS = sql`hall_id AS "hallId", wait_goal_minutes AS "waitGoalMinutes",
  daily_limit_per_person AS "dailyLimitPerPerson", near_notice_ahead AS "nearNoticeAhead",
  updated_at AS "updatedAt"`;

function present(row: Record<string, unknown>): Settings {
  return { ...(row as Settings), updatedAt: new Date(row.updatedAt as string).toISOString() };
}

/** A hall's queue settings; the defaults (with updatedAt null) when it has saved none. */
export async function ticketSettingsOf(db: DbOrTx, hallId: string): Promise<Settings> {
  const [row] = (await db.execute(sql`SELECT ${COLUMNS} FROM ticket_settings WHERE hall_id = ${hallId}`))
    .rows;
  return row ? present(row) : { hallId, ...DEFAULT_TICKET_SETTINGS, updatedAt: null };
}

function checkRanges(input: SettingsInput) {
  for (const [field, { min, max }] of Object.entries(SETTING_RANGES)) {
    const value = input[field as keyof typeof SETTING_RANGES];
    if (value < min || value > max) {
      const [zh, en] = LABELS[field as keyof typeof SETTING_RANGES];
      throw new AppError('validation.field', {
        field,
        params: {
          problem: `${zh}须在 ${min}–${max} 之间`,
          problemEn: `${en} must be between ${min} and ${max}`,
        },
      });
    }
  }
}

/**
 * Saves a hall's queue settings when they are still as the manager read them (`updatedAt`, null
 * for the defaults); a change by someone else in between is a 409. Audited.
 */
export async function saveTicketSettings(
  db: Db,
  audit: AuditContext,
  hallId: string,
  input: SettingsInput,
): Promise<Settings> {
  checkRanges(input);
  const { waitGoalMinutes, dailyLimitPerPerson, nearNoticeAhead, updatedAt } = input;
  return db.transaction(async (tx) => {
    const { rows } =
      updatedAt === null
        ? await tx.execute(
            sql`INSERT INTO ticket_settings (hall_id, wait_goal_minutes, daily_limit_per_person, near_notice_ahead)
                VALUES (${hallId}, ${waitGoalMinutes}, ${dailyLimitPerPerson}, ${nearNoticeAhead})
                ON CONFLICT (hall_id) DO NOTHING RETURNING ${COLUMNS}`,
          )
        : await tx.execute(
            sql`UPDATE ticket_settings SET wait_goal_minutes = ${waitGoalMinutes},
                  daily_limit_per_person = ${dailyLimitPerPerson}, near_notice_ahead = ${nearNoticeAhead},
                  updated_at = greatest(clock_timestamp(), updated_at + interval '1 millisecond')
                WHERE hall_id = ${hallId} AND date_trunc('milliseconds', updated_at) = ${updatedAt}::timestamptz
                RETURNING ${COLUMNS}`,
          );
    if (!rows[0]) throw new AppError('resource.conflict');
    await recordAudit(tx, audit, {
      action: 'ticket.settings',
      targetType: 'hall',
      targetId: hallId,
      summary: { waitGoalMinutes, dailyLimitPerPerson, nearNoticeAhead },
    });
    return present(rows[0]);
  });
}
