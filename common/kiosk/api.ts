import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable } from '../api.ts';
import { CASE_TYPES } from '../catalogue/elements.ts';

/** The API shapes of self-service kiosks (自助终端): registration by the hall, identify, session, matters. */

const strict = { additionalProperties: false } as const;

/** The kiosk proves itself with the token shown when it was registered. */
export const DeviceHeaders = Type.Object({ 'x-kiosk-token': Type.Optional(Type.String({ maxLength: 200 })) });

/** A registered kiosk as the hall's managers see it. */
export const DeviceView = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  deactivatedAt: Nullable(DateTime),
  deactivatedBy: Nullable(Type.String()),
  lastSeenAt: Nullable(DateTime),
});

/** POST /api/kiosk/devices: a kiosk of a hall, by name. */
export const NewDevice = Type.Object(
  { hallId: Id, name: Type.String({ minLength: 1, maxLength: 100 }) },
  strict,
);

/** The answer of a registration: the token is shown this once. */
export const RegisteredDevice = Type.Object({ device: DeviceView, token: Type.String() });

/** GET /api/kiosk/devices: the kiosks of a hall. */
export const DeviceListQuery = Type.Object({ hallId: Id }, strict);
export const DeviceList = Type.Object({ items: Type.Array(DeviceView) });

/** The kiosk as it learns about itself (GET /api/kiosk/device): its name and hall. */
export const KioskDevice = Type.Object({
  id: Type.String(),
  name: Type.String(),
  hall: Type.Object({
    id: Type.String(),
    name: Type.String(),
    address: Type.String(),
    regionCode: Type.String(),
  }),
});

/** The applicant signed in at the kiosk, by name and masked ID number. */
export const KioskSession = Type.Object({
  applicant: Type.Object({ displayName: Type.String(), idNumber: Type.String({ description: '脱敏' }) }),
  idleSeconds: Type.Integer(),
  endsAt: Type.String({ format: 'date-time' }),
  csrfToken: Type.String(),
});

/** POST /api/kiosk/identify: what the ID card reader read and the kiosk sends. */
export const IdCardBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 1, maxLength: 18 }),
    sex: Type.Optional(Type.Enum(['男', '女'])),
    birthDate: Type.Optional(IsoDate),
    validUntil: Type.Optional(Type.Union([IsoDate, Type.Literal('长期')])),
  },
  { ...strict, description: '身份证阅读器读出的信息（民族、住址、签发机关、照片留在终端，不上传）' },
);

/** A matter offered on the kiosk's first screen (GET /api/kiosk/matters/popular). */
export const KioskMatter = Type.Object({
  implementationId: Type.String(),
  name: Type.String(),
  departmentName: Type.String(),
  caseType: Type.Enum([...CASE_TYPES]),
  promisedLimit: Type.Integer(),
  visitsRequired: Type.Integer(),
  /** Applications in this hall over the recent days. */
  applied: Type.Integer(),
});

export const KioskMatterList = Type.Object({ items: Type.Array(KioskMatter) });
