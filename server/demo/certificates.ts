import type { AuditContext } from '../audit/index.ts';
import { activeSealKey, importCertificateTypes, issueCertificate } from '../certificates/index.ts';
import type { Tx } from '../core/db/client.ts';
import { COMPANY_CERTIFICATE_TYPES } from './certificates-types.ts';
import { PERSON_CERTIFICATE_TYPES } from './certificates-types-person.ts';
import type { DemoOrganisations } from './organisations.ts';

export const DEMO_CERTIFICATE_TYPES = [...COMPANY_CERTIFICATE_TYPES, ...PERSON_CERTIFICATE_TYPES];

/**
 * The certificate type catalogue, one seal key per issuing department, and the certificates the
 * demo applicants already hold: 李秀兰 her 居民身份证, the demo company its 营业执照.
 */
export async function seedDemoCertificates(options: {
  db: Tx;
  audit: AuditContext;
  orgs: DemoOrganisations;
}): Promise<void> {
  const { db: tx, audit, orgs } = options;
  const department = (shortName: string) => {
    const id = orgs.departments[shortName];
    if (!id) throw new Error(`unknown demo department ${shortName}`);
    return id;
  };
  await importCertificateTypes({
    tx,
    audit,
    types: DEMO_CERTIFICATE_TYPES.map(({ department: d, ...type }) => ({
      ...type,
      organisationId: department(d),
    })),
  });
  for (const shortName of new Set(DEMO_CERTIFICATE_TYPES.map((t) => t.department))) {
    await activeSealKey(tx, audit, department(shortName));
  }
  await issueCertificate({
    tx,
    audit,
    typeName: '居民身份证',
    organisationId: department('公安局'),
    holder: { kind: 'person', login: '11010519491231002X', name: '李秀兰' },
    data: { sex: '女', ethnicity: '汉', birthDate: '1949-12-31', address: '陕西省西安市新城区西一路218号' },
  });
  await issueCertificate({
    tx,
    audit,
    typeName: '营业执照',
    organisationId: department('市场监管局'),
    holder: { kind: 'company', login: '91350100M000100Y43', name: '福州闽江数字科技有限公司' },
    data: {
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '林海峰',
      registeredCapital: '伍佰万元整',
      establishedOn: '2019-06-18',
      businessTerm: '长期',
      address: '陕西省西安市新城区长乐中路128号3层',
      businessScope:
        '一般项目：软件开发；信息技术咨询服务；数据处理和存储支持服务（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。许可项目：餐饮服务；食品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）。',
    },
  });
}
