import { Type } from 'typebox';
import { Id, Nullable } from '../api.ts';

/** A mobile number (11 digits, 1…) or a landline with its area code (029-12345678). */
export const CONTACT_PHONE = '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$';

/**
 * Asking a hall for help (请帮我办). On the portal: the hall and a phone to call back; at a kiosk the
 * hall is the kiosk's, and a person whose ID card was not read gives a name and phone.
 */
export const HelpRequestBody = Type.Object(
  {
    hallId: Type.Optional(Id),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Type.String({ pattern: CONTACT_PHONE, description: '联系电话' })),
    implementationId: Type.Optional(Id),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** open → taken → done; open or taken → cancelled (by the person). */
export const HelpRequestStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('taken'),
  Type.Literal('done'),
  Type.Literal('cancelled'),
]);

/** A help request as its owner and the hall's staff read it. */
export const HelpRequest = Type.Object({
  id: Id,
  hallId: Id,
  hallName: Type.String(),
  channel: Type.String({ description: 'portal | kiosk' }),
  name: Type.String(),
  /** Masked, except for the owner and the staff member who took it. */
  phone: Nullable(Type.String()),
  implementationId: Nullable(Id),
  matterName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  status: HelpRequestStatus,
  takenByName: Nullable(Type.String()),
  /** Whether the caller took it (staff). */
  takenByMe: Type.Boolean(),
  takenAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  outcome: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  /** Seconds since it was made, while nobody has taken it. */
  waitingSeconds: Nullable(Type.Integer()),
});

export const HelpRequestList = Type.Object({ items: Type.Array(HelpRequest) });

export const StaffHelpQuery = Type.Object(
  {
    hallId: Type.Optional(Id),
    status: Type.Optional(Type.Union([HelpRequestStatus, Type.Literal('active')])),
  },
  { additionalProperties: false },
);

export const FinishHelpBody = Type.Object(
  { outcome: Type.String({ minLength: 1, maxLength: 500, description: '办理结果' }) },
  { additionalProperties: false },
);

/** The halls a person may ask, with the one suggested (their last case's hall, else one of their region). */
export const HelpHalls = Type.Object({
  items: Type.Array(Type.Object({ id: Id, name: Type.String(), address: Type.String() })),
  suggested: Nullable(Id),
  /** The phone on the account, to prefill. */
  phone: Nullable(Type.String()),
});
