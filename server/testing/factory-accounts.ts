import { type OrganisationKind, REGION_WIDE_ROLES, type Role } from '../../common/roles.ts';
import { createStaffAccount, type GrantInput, registerApplicant } from '../accounts/index.ts';
import { type Browser, signInAs, TEST_PASSWORD } from '../accounts/testing.ts';
import { type Config, loadConfig } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { registerDevice } from '../kiosk/index.ts';
import {
  createHall,
  createOrganisation,
  createWindow,
  findOrganisation,
  type Hall,
  type HallInput,
  type Organisation,
  type OrganisationInput,
  type ServiceWindow,
  type WindowInput,
} from '../organisations/index.ts';
import {
  buildCreditCode,
  buildIdNumber,
  buildPhone,
  ensureRegion,
  FACTORY_AUDIT,
  uniqueSuffix,
} from './factory-values.ts';

/** Factories of organisations, halls, kiosks and accounts (see factories.ts). */

/** Default regions by kind of organisation: 西安市, 新城区西一路街道 and its 民乐社区. */
const KIND_REGION: Record<OrganisationKind, string> = {
  department: '610100',
  service_centre: '610100',
  street_centre: '610102001',
  community_station: '610102001001',
};

/** An organisation (a city department unless told otherwise) with a unique name and credit code. */
export async function buildOrganisation(
  db: Db,
  overrides: Partial<OrganisationInput> = {},
): Promise<Organisation> {
  const kind = overrides.kind ?? 'department';
  const regionCode = overrides.regionCode ?? KIND_REGION[kind];
  await ensureRegion(db, regionCode);
  const suffix = uniqueSuffix();
  return createOrganisation({
    db,
    audit: FACTORY_AUDIT,
    input: {
      name: `测试机构${suffix}`,
      kind,
      regionCode,
      creditCode: buildCreditCode(kind === 'department' ? '11' : '12', regionCode.slice(0, 6)),
      phone: '029-12345678',
      ...overrides,
    },
  });
}

/** A hall of a service centre (built when not given), with the windows asked for. */
export async function buildHall(
  db: Db,
  overrides: Partial<HallInput> & { organisationId?: string; windows?: WindowInput[] } = {},
): Promise<Hall & { windows: ServiceWindow[] }> {
  const { windows: wanted = [], ...input } = overrides;
  const organisationId = input.organisationId ?? (await buildOrganisation(db, { kind: 'service_centre' })).id;
  const hall = await createHall({
    db,
    audit: FACTORY_AUDIT,
    input: {
      name: `测试大厅${uniqueSuffix()}`,
      address: '陕西省西安市未央区凤城八路109号',
      openingHours: '周一至周五 9:00—17:00',
      ...input,
      organisationId,
    },
  });
  const windows: ServiceWindow[] = [];
  for (const w of wanted)
    windows.push(await createWindow({ db, audit: FACTORY_AUDIT, hallId: hall.id, input: w }));
  return { ...hall, windows };
}

/** A self-service kiosk registered in a hall (built when not given); its device token to send. */
export async function buildKiosk(
  db: Db,
  overrides: { hallId?: string; name?: string } = {},
): Promise<{ id: string; hallId: string; name: string; token: string }> {
  const hallId = overrides.hallId ?? (await buildHall(db)).id;
  const { device, token } = await registerDevice({
    db,
    audit: FACTORY_AUDIT,
    input: { hallId, name: overrides.name ?? `测试自助终端${uniqueSuffix()}` },
  });
  return { id: device.id, hallId, name: device.name, token };
}

/** An account as a test signs in with it. */
export type BuiltAccount = {
  id: string;
  kind: 'staff' | 'person' | 'company';
  login: string;
  displayName: string;
  phone: string | null;
  password: string;
};

/** Roles held at a service centre rather than a department. */
const CENTRE_ROLES: Role[] = ['window_clerk', 'hall_manager', 'agent'];

/**
 * A staff account. With `role`, the role is granted where the account works (region-wide roles
 * in that organisation's region); the organisation is built when not given (a service centre with
 * a hall for window clerks, hall managers and agents, else a department).
 */
export async function buildStaff(
  db: Db,
  overrides: {
    role?: Role;
    roles?: GrantInput[];
    organisationId?: string;
    login?: string;
    displayName?: string;
    phone?: string | null;
    password?: string;
  } = {},
): Promise<BuiltAccount & { organisationId: string }> {
  const atCentre = overrides.role !== undefined && CENTRE_ROLES.includes(overrides.role);
  const organisationId =
    overrides.organisationId ??
    (atCentre ? (await buildHall(db)).organisationId : (await buildOrganisation(db)).id);
  const organisation = (await findOrganisation(db, organisationId))!;
  const roles = [...(overrides.roles ?? [])];
  if (overrides.role) {
    roles.push(
      REGION_WIDE_ROLES.includes(overrides.role)
        ? { role: overrides.role, regionCode: organisation.regionCode }
        : { role: overrides.role, organisationId: organisation.id },
    );
  }
  const suffix = uniqueSuffix();
  const password = overrides.password ?? TEST_PASSWORD;
  const phone = overrides.phone === undefined ? buildPhone() : overrides.phone;
  const account = await createStaffAccount({
    db,
    audit: FACTORY_AUDIT,
    input: {
      login: overrides.login ?? `staff_${suffix}`,
      displayName: overrides.displayName ?? `测试人员${suffix}`,
      password,
      organisationId: organisation.id,
      phone,
      roles,
    },
  });
  return {
    id: account.id,
    kind: 'staff',
    login: account.login,
    displayName: account.displayName,
    phone,
    password,
    organisationId: organisation.id,
  };
}

let defaultConfig: Config | undefined;

/**
 * An applicant registered as on the portal (a person by ID number unless `kind` says company),
 * with a mobile number on record unless `phone` is null.
 */
export async function buildApplicant(
  db: Db,
  overrides: {
    kind?: 'person' | 'company';
    login?: string;
    displayName?: string;
    phone?: string | null;
    password?: string;
    config?: Config;
  } = {},
): Promise<BuiltAccount & { kind: 'person' | 'company' }> {
  const kind = overrides.kind ?? 'person';
  const suffix = uniqueSuffix();
  const password = overrides.password ?? TEST_PASSWORD;
  const phone = overrides.phone === undefined ? buildPhone() : overrides.phone;
  const login = (
    overrides.login ?? (kind === 'person' ? buildIdNumber() : buildCreditCode('91'))
  ).toUpperCase();
  defaultConfig ??= loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
  const { me } = await registerApplicant({
    db,
    config: overrides.config ?? defaultConfig,
    // An address of its own: registrations count towards the per-address sign-in limit.
    audit: { ...FACTORY_AUDIT, clientAddress: `test-factory-${suffix}` },
    userAgent: null,
    input: {
      kind,
      login,
      displayName:
        overrides.displayName ?? (kind === 'person' ? `测试申请人${suffix}` : `测试企业${suffix}有限公司`),
      password,
      phone,
    },
  });
  return { id: me.id, kind, login, displayName: me.displayName, phone, password };
}

/** A company registered as on the portal (see buildApplicant). */
export const buildCompany = (db: Db, overrides: Omit<Parameters<typeof buildApplicant>[1], 'kind'> = {}) =>
  buildApplicant(db, { ...overrides, kind: 'company' });

/** Signs a built account in (staff by user name, applicants by ID number or credit code). */
export async function signIn(app: App, account: BuiltAccount): Promise<Browser> {
  if (account.kind === 'staff') return signInAs(app, account.login, account.password);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind: account.kind, login: account.login, password: account.password },
  });
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${account.login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { yw_session: cookie, ...options.cookies },
        headers: { 'x-csrf-token': csrfToken, ...options.headers },
      }),
  };
}
