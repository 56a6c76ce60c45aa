import type { CertificateField, CertificateTypeInput } from '../certificates/index.ts';

/** The vocabulary of the demo certificate types: fields, the holder's standard fields, layouts. */

export type DemoCertificateType = Omit<CertificateTypeInput, 'organisationId'> & {
  /** Short name of the issuing city department (DemoOrganisations.departments). */
  department: string;
};

/** A field; public fields show on the verification page (masked as `mask` says). */
export const f = (
  key: string,
  label: string,
  isPublic: boolean,
  source?: CertificateField['source'],
  mask?: CertificateField['mask'],
): CertificateField => ({
  key,
  label,
  public: isPublic,
  ...(source ? { source } : {}),
  ...(mask ? { mask } : {}),
});

export const ISSUER = f('issuer', '发证机关', true, 'issuer');
export const ISSUED_ON = f('issuedOn', '发证日期', true, 'issuedOn');
export const VALID_UNTIL = f('validUntil', '有效期至', true, 'validUntil');

export const NAME = f('name', '名称', true, 'holderName');
export const CREDIT_CODE = f('creditCode', '统一社会信用代码', true, 'holderLogin');
export const LEGAL_REPRESENTATIVE = f('legalRepresentative', '法定代表人（负责人）', true);
export const ADDRESS = f('address', '住所', true);
export const PREMISES = f('premises', '经营场所', true);
export const SCOPE = f('scope', '许可范围', true);

/** The fields of a licence held by a company: holder, its own fields, issuer and dates. */
export const licence = (fields: CertificateField[], validity = true): CertificateField[] => [
  NAME,
  CREDIT_CODE,
  LEGAL_REPRESENTATIVE,
  ...fields,
  ISSUER,
  ISSUED_ON,
  ...(validity ? [VALID_UNTIL] : []),
];

export const PERMIT = { orientation: 'portrait', accent: '#1f4e9c', emblem: true } as const;
export const LICENCE = { orientation: 'landscape', accent: '#9c1f1f', emblem: true } as const;
