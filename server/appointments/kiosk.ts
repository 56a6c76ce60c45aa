import type { Static } from 'typebox';
import type { KioskBookBody } from '../../common/appointments/api.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { book } from './booking.ts';
import { present } from './listing.ts';

/**
 * A booking at a hall's kiosk by the person whose ID card the kiosk read (channel kiosk), in one of
 * that hall's categories, as the kiosk shows it.
 */
export async function bookAtKiosk(options: {
  db: Db;
  actor: Actor;
  audit: AuditContext;
  hallId: string;
  input: Static<typeof KioskBookBody>;
}) {
  const row = await book({ ...options, atKiosk: { hallId: options.hallId } });
  return (await present(options.db, [row]))[0]!;
}
