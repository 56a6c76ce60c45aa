import type { Static } from 'typebox';
import type { HelpRequestBody } from '../../common/assistance/api.ts';
import { accountContact } from '../accounts/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import type { HelpRequestView } from './present.ts';
import { createHelpRequest } from './service.ts';

const required = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/**
 * Who asks for help and where, from how they came: a kiosk names its hall, and the person is the
 * one whose ID card it read (a session bound to this kiosk) or whoever types a name and phone;
 * on the portal the signed-in applicant chooses the hall and gives a phone.
 */
export async function askForHelp(
  db: DbOrTx,
  options: {
    body: Static<typeof HelpRequestBody>;
    actor: Actor | null;
    device: { id: string; hall: { id: string } } | null;
    kiosk: { deviceId: string } | null;
  },
): Promise<HelpRequestView> {
  const { body, actor, device } = options;
  const common = { implementationId: body.implementationId, note: body.note };
  if (device) {
    if (body.hallId && body.hallId !== device.hall.id)
      throw required('hallId', '自助终端只能向本大厅请求帮办', "must be the kiosk's own hall");
    const person = actor && actor.kind !== 'staff' && options.kiosk?.deviceId === device.id ? actor : null;
    const name = person ? person.displayName : body.name?.trim();
    if (!name) throw required('name', '请填写姓名', 'is required');
    const phone =
      body.phone ?? (person ? ((await accountContact(db, person.accountId))?.phone ?? null) : null);
    if (!phone && !person) throw required('phone', '请填写联系电话', 'is required');
    return createHelpRequest(db, {
      ...common,
      hallId: device.hall.id,
      channel: 'kiosk',
      accountId: person?.accountId ?? null,
      kioskDeviceId: device.id,
      name,
      phone,
    });
  }
  if (!actor || actor.kind === 'staff') throw new AppError('auth.forbidden');
  if (!body.hallId) throw required('hallId', '请选择办事大厅', 'is required');
  if (!body.phone) throw required('phone', '请填写联系电话', 'is required');
  return createHelpRequest(db, {
    ...common,
    hallId: body.hallId,
    channel: 'portal',
    accountId: actor.accountId,
    kioskDeviceId: null,
    name: actor.displayName,
    phone: body.phone,
  });
}
