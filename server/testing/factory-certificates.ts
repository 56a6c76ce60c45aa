import type { CertificateView } from '../../common/certificates/types.ts';
import { activeSealKey, importCertificateTypes, issueCertificate } from '../certificates/index.ts';
import type { Db } from '../core/db/client.ts';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.ts';
import { type BuiltAccount, buildApplicant, buildOrganisation } from './factory-accounts.ts';
import { FACTORY_AUDIT, uniqueSuffix } from './factory-values.ts';

/** Factories of certificates (see factories.ts). */

/** The fields of a resident ID card and of a business licence, the types certificates are built on. */
const TEMPLATES = {
  person: {
    type: '居民身份证',
    data: { sex: '女', ethnicity: '汉', birthDate: '1980-01-01', address: '陕西省西安市新城区西一路218号' },
  },
  company: {
    type: '营业执照',
    data: {
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '林海峰',
      registeredCapital: '伍佰万元整',
      establishedOn: '2019-06-18',
      businessTerm: '长期',
      address: '陕西省西安市新城区长乐中路128号3层',
      businessScope: '软件开发；信息技术咨询服务',
    },
  },
} as const;

/**
 * A valid certificate held by an applicant (a person built when not given), issued and sealed by a
 * department (built when not given) under a certificate type of its own: the fields of a resident
 * ID card for a person, of a business licence for a company, with a unique code and name.
 */
export async function buildCertificate(
  db: Db,
  overrides: { holder?: BuiltAccount; organisationId?: string; data?: Record<string, string> } = {},
): Promise<CertificateView> {
  const holder = overrides.holder ?? (await buildApplicant(db));
  const kind = holder.kind;
  if (kind === 'staff') throw new Error('a certificate is held by an applicant');
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db)).id;
  const template = TEMPLATES[kind];
  const { department: _, ...type } = DEMO_CERTIFICATE_TYPES.find((t) => t.name === template.type)!;
  const suffix = uniqueSuffix();
  const name = `测试证照${suffix}`;
  return db.transaction(async (tx) => {
    await importCertificateTypes({
      tx,
      audit: FACTORY_AUDIT,
      types: [{ ...type, code: `t${suffix}`.slice(0, 16), name, aliases: [], organisationId }],
    });
    await activeSealKey(tx, FACTORY_AUDIT, organisationId);
    return issueCertificate({
      tx,
      audit: FACTORY_AUDIT,
      typeName: name,
      organisationId,
      holder: { kind, login: holder.login, name: holder.displayName, accountId: holder.id },
      data: { ...template.data, ...overrides.data },
    });
  });
}
