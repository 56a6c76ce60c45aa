import type { Role } from '../../common/roles.ts';
import { accounts, addGrant, displayLogin, hashPassword } from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import type { DemoOrganisations } from './organisations.ts';

export const DEMO_PASSWORD = 'demo1234';
const MARKET_REGULATION = '市场监管局';
const URBAN_MANAGEMENT = '城管局';

type DemoAccount = {
  kind: 'staff' | 'person' | 'company';
  login: string;
  displayName: string;
  phone: string;
  organisationId: string | null;
  grant?: { role: Role; organisationId?: string; regionCode?: string };
  /** Further grants, e.g. the same role in the 新城区 centre, where the demo company applies by default. */
  moreGrants?: { role: Role; organisationId?: string; regionCode?: string }[];
};

function demoAccounts(orgs: DemoOrganisations): DemoAccount[] {
  const market = orgs.departments[MARKET_REGULATION];
  if (!market) throw new Error(`the demo organisations lack ${MARKET_REGULATION}`);
  const urban = orgs.departments[URBAN_MANAGEMENT];
  if (!urban) throw new Error(`the demo organisations lack ${URBAN_MANAGEMENT}`);
  const staff = (
    login: string,
    displayName: string,
    phone: string,
    organisationId: string,
    grant: DemoAccount['grant'],
  ): DemoAccount => ({ kind: 'staff', login, displayName, phone, organisationId, grant });
  return [
    staff('admin', '王建国', '13809181001', orgs.cityCentre, { role: 'system_admin', regionCode: '610100' }),
    staff('editor', '李晓燕', '13809181002', market, { role: 'catalogue_editor', organisationId: market }),
    staff('clerk', '张敏', '13809181003', orgs.cityCentre, {
      role: 'window_clerk',
      organisationId: orgs.cityCentre,
    }),
    {
      ...staff('reviewer', '刘洋', '13809181004', market, {
        role: 'department_reviewer',
        organisationId: market,
      }),
      moreGrants: [{ role: 'department_reviewer', organisationId: orgs.districtCentre }],
    },
    {
      ...staff('head', '陈志强', '13809181005', market, { role: 'department_head', organisationId: market }),
      moreGrants: [{ role: 'department_head', organisationId: orgs.districtCentre }],
    },
    staff('manager', '赵丽华', '13809181006', orgs.cityCentre, {
      role: 'hall_manager',
      organisationId: orgs.cityCentre,
    }),
    staff('supervisor', '孙卫东', '13809181007', orgs.cityCentre, {
      role: 'supervisor',
      regionCode: '610100',
    }),
    staff('hotline', '钱晓燕', '13809181010', orgs.cityCentre, {
      role: 'hotline_operator',
      organisationId: orgs.cityCentre,
    }),
    staff('urban', '马建军', '13809181011', urban, { role: 'department_head', organisationId: urban }),
    staff('approver', '吴静', '13809181009', orgs.cityCentre, {
      role: 'catalogue_reviewer',
      regionCode: '610100',
    }),
    staff('agent', '周小梅', '13809181008', orgs.streetCentre, {
      role: 'agent',
      organisationId: orgs.streetCentre,
    }),
    {
      kind: 'person',
      login: '11010519491231002X',
      displayName: '李秀兰',
      phone: '13912345678',
      organisationId: null,
    },
    {
      kind: 'company',
      login: '91350100M000100Y43',
      displayName: '福州闽江数字科技有限公司',
      phone: '059187654321',
      organisationId: null,
    },
  ];
}

/**
 * The demo sign-ins (password demo1234): staff accounts, one for each staff role (and the head
 * of the city's 城管局, a second department for 12345 requests), a person and a company. The
 * reviewer and the head review for the city's 市场监管局 and for the 新城区 centre, where the demo
 * company (registered in 新城区) applies by default. Returns the account ids by login.
 */
export async function seedDemoAccounts(options: {
  db: DbOrTx;
  audit: AuditContext;
  orgs: DemoOrganisations;
}): Promise<Record<string, string>> {
  const list = demoAccounts(options.orgs);
  const hashes = await Promise.all(list.map(() => hashPassword(DEMO_PASSWORD)));
  return options.db.transaction(async (tx) => {
    const ids: Record<string, string> = {};
    for (const [i, demo] of list.entries()) {
      const [created] = await tx
        .insert(accounts)
        .values({
          kind: demo.kind,
          login: demo.login,
          displayName: demo.displayName,
          passwordHash: hashes[i]!,
          phone: demo.phone,
          organisationId: demo.organisationId,
        })
        .returning({ id: accounts.id });
      const id = created!.id;
      ids[demo.login] = id;
      await recordAudit(tx, options.audit, {
        action: 'account.create',
        targetType: 'account',
        targetId: id,
        summary: {
          kind: demo.kind,
          login: displayLogin(demo.kind, demo.login),
          displayName: demo.displayName,
          demo: true,
        },
      });
      for (const grant of [demo.grant, ...(demo.moreGrants ?? [])]) {
        if (grant) await addGrant({ tx, audit: options.audit, accountId: id, input: grant });
      }
    }
    return ids;
  });
}
