import type { MaterialSource, MaterialType } from '../../../common/catalogue/elements.ts';
import type { Material } from '../../../common/catalogue/guide.ts';

type MaterialOptions = {
  type?: MaterialType;
  copies?: number;
  /** When given, the material is needed only in this situation. */
  condition?: string;
  /** 容缺受理 allowed. */
  gap?: boolean;
  notes?: string;
  form?: string;
};

function material(
  key: string,
  name: string,
  source: MaterialSource,
  certificateType: string,
  options: MaterialOptions,
): Material {
  const type = options.type ?? (source === 'e_certificate' ? 'electronic' : 'original');
  return {
    key,
    name,
    type,
    form: options.form ?? (type === 'electronic' ? '电子' : '纸质'),
    required: !options.condition,
    condition: options.condition ?? '',
    paperCopies: options.copies ?? (type === 'electronic' ? 0 : 1),
    source,
    certificateType,
    gapAllowed: options.gap ?? false,
    blankFormFile: null,
    sampleFile: null,
    notes: options.notes ?? '',
  };
}

/** A material the applicant prepares (申请书, 合同, 照片 …). */
export const own = (key: string, name: string, options: MaterialOptions = {}): Material =>
  material(key, name, 'applicant', '', options);

/** A material issued by a government department (批准文件, 证明). */
export const issued = (key: string, name: string, options: MaterialOptions = {}): Material =>
  material(key, name, 'department', '', options);

/** A material taken from the applicant's electronic certificates instead of a paper copy. */
export const ecert = (
  key: string,
  certificateType: string,
  options: MaterialOptions & { name?: string } = {},
): Material =>
  material(key, options.name ?? certificateType, 'e_certificate', certificateType, {
    notes: '通过电子证照库调取，申请人无需提交纸质材料',
    ...options,
  });

/** A material taken from an earlier case of the applicant (一次录入，多次复用). */
export const shared = (key: string, name: string, options: MaterialOptions = {}): Material =>
  material(key, name, 'shared_case', '', {
    type: 'electronic',
    notes: '由前序办件共享，无需重复提交',
    ...options,
  });

export const ID_CARD = ecert('sfz', '居民身份证');
export const HOUSEHOLD_BOOK = ecert('hkb', '居民户口簿');
export const BUSINESS_LICENCE = ecert('yyzz', '营业执照');
export const MARRIAGE_CERTIFICATE = ecert('jhz', '结婚证');
export const PROPERTY_CERTIFICATE = ecert('bdcqz', '不动产权证书');
export const AGENT_AUTHORISATION = own('wts', '授权委托书及受托人身份证件', {
  condition: '委托他人代为办理的',
});
export const LEGAL_REPRESENTATIVE_ID = ecert('fddbr', '居民身份证', {
  name: '法定代表人（负责人）身份证件',
});
