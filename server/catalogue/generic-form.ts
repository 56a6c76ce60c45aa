import type { GuideFormSheet } from '../../common/catalogue/api.ts';
import type { ImplementationDocument, Material } from '../../common/catalogue/guide.ts';
import type { FormDefinition, FormField, FormSection } from '../../common/forms/schema.ts';

/*
 * The application form (申请书 / 申请表) of a matter whose guide asks for one but has no form of its
 * own: a generic one built from the guide, so that every such matter offers 空表 and 样表. It asks
 * what any application says: who applies (a person or a company, by the matter's service object),
 * how to reach them, who acts for them (when the guide foresees an agent), what is applied for (the
 * matter's name) and why; the declaration and signature lines are the printed form's own.
 */

/** A material is the application form when the applicant writes it and its name says 申请书 / 申请表. */
const APPLICATION = /申请[书表]/;
/** A material that foresees someone acting for the applicant (授权委托书, 委托他人代为办理的). */
const AGENT = /委托/;

/** The material that is the matter's application form, when its guide lists one. */
export function applicationMaterial(document: ImplementationDocument): Material | null {
  return document.materials.find((m) => m.source === 'applicant' && APPLICATION.test(m.name)) ?? null;
}

/**
 * The application form a published guide offers to print, and the material it is the form of: the
 * matter's own form (the material it covers, else the 申请书 material), or a generic one for a
 * 申请书 / 申请表 material the department gave no files of its own for (blankFormFile, sampleFile:
 * those are linked at the material instead). Null when the guide has neither.
 */
export function formSheetOf(document: ImplementationDocument): GuideFormSheet | null {
  const application = applicationMaterial(document);
  if (document.form) {
    const keys = new Set(document.materials.map((m) => m.key));
    const covered = document.form.covers?.find((key) => keys.has(key));
    return { kind: 'form', material: covered ?? application?.key ?? null };
  }
  if (!application || application.blankFormFile || application.sampleFile) return null;
  return { kind: 'generic', material: application.key };
}

/** The printed title of a generic form: the material's name, with the matter's before a bare 申请书. */
export function genericFormTitle(document: ImplementationDocument, material: Material): string {
  const bare = material.name.replace(APPLICATION, '').trim() === '';
  return bare ? `${document.name}${material.name}` : material.name;
}

const PERSON = { field: 'applicantType', equals: 'person' } as const;
const COMPANY = { field: 'applicantType', equals: 'company' } as const;

function personFields(when?: typeof PERSON): FormField[] {
  const shown = when ? { shownWhen: when } : {};
  return [
    { key: 'personName', type: 'text', label: '姓名', required: true, binding: 'personName', ...shown },
    {
      key: 'personIdNumber',
      type: 'idNumber',
      label: '公民身份号码',
      required: true,
      binding: 'personIdNumber',
      ...shown,
    },
    { key: 'personAddress', type: 'address', label: '住址', binding: 'residenceAddress', ...shown },
  ];
}

function companyFields(when?: typeof COMPANY): FormField[] {
  const shown = when ? { shownWhen: when } : {};
  return [
    { key: 'entityName', type: 'text', label: '单位名称', required: true, binding: 'entityName', ...shown },
    {
      key: 'creditCode',
      type: 'creditCode',
      label: '统一社会信用代码',
      required: true,
      binding: 'creditCode',
      ...shown,
    },
    {
      key: 'legalRepresentative',
      type: 'text',
      label: '法定代表人（负责人）',
      required: true,
      binding: 'legalRepresentative',
      ...shown,
    },
    { key: 'registeredAddress', type: 'address', label: '住所', binding: 'registeredAddress', ...shown },
  ];
}

function applicantSection(document: ImplementationDocument): FormSection {
  const fields: FormField[] =
    document.serviceObject === 'person'
      ? personFields()
      : document.serviceObject === 'company'
        ? companyFields()
        : [
            {
              key: 'applicantType',
              type: 'choice',
              label: '申请人类型',
              required: true,
              options: [
                { value: 'person', label: '个人' },
                { value: 'company', label: '单位（企业、社会组织等）' },
              ],
            },
            ...personFields(PERSON),
            ...companyFields(COMPANY),
          ];
  return { key: 'applicant', title: '申请人信息', fields };
}

const CONTACT: FormSection = {
  key: 'contact',
  title: '联系方式',
  fields: [
    { key: 'contactName', type: 'text', label: '联系人', required: true, binding: 'contactName' },
    { key: 'contactPhone', type: 'phone', label: '联系电话', required: true, binding: 'contactPhone' },
    { key: 'mailingAddress', type: 'address', label: '通讯地址' },
    {
      key: 'postalCode',
      type: 'text',
      label: '邮政编码',
      binding: 'postalCode',
      validation: { pattern: '\\d{6}', patternMessage: '邮政编码为6位数字' },
    },
  ],
};

const ACTING = { field: 'byAgent', equals: true } as const;

const AGENT_SECTION: FormSection = {
  key: 'agent',
  title: '委托代理人',
  description: '委托他人代为办理的，填写代理人信息，并附授权委托书及代理人身份证件。',
  fields: [
    { key: 'byAgent', type: 'yesNo', label: '是否委托他人办理', required: true },
    { key: 'agentName', type: 'text', label: '代理人姓名', required: true, shownWhen: ACTING },
    {
      key: 'agentIdNumber',
      type: 'idNumber',
      label: '代理人公民身份号码',
      required: true,
      shownWhen: ACTING,
    },
    { key: 'agentPhone', type: 'phone', label: '代理人联系电话', required: true, shownWhen: ACTING },
  ],
};

function matterSection(document: ImplementationDocument): FormSection {
  return {
    key: 'matter',
    title: '申请事项',
    fields: [
      {
        key: 'matter',
        type: 'choice',
        label: '申请事项',
        required: true,
        options: [{ value: 'matter', label: document.name.slice(0, 100) }],
      },
      {
        key: 'statement',
        type: 'textarea',
        label: '申请事项说明',
        required: true,
        help: '写明申请的具体内容、理由和依据；篇幅不够的可另附页。',
        validation: { maxLength: 2000 },
      },
    ],
  };
}

/**
 * The generic application form of a matter: 申请人信息 (a person's, a company's, or either by
 * 申请人类型 for a matter serving both), 联系方式, 委托代理人 when a material of the guide foresees
 * an agent, and 申请事项 (the matter's name to tick, and a statement).
 */
export function genericForm(document: ImplementationDocument): FormDefinition {
  const agent = document.materials.some((m) => AGENT.test(m.name) || AGENT.test(m.condition));
  return {
    sections: [
      applicantSection(document),
      CONTACT,
      ...(agent ? [AGENT_SECTION] : []),
      matterSection(document),
    ],
  };
}

/** What a 样表 of the generic form says where form-samples.ts's rules give no fitting example. */
export function genericSampleValues(document: ImplementationDocument): Record<string, unknown> {
  const person = document.serviceObject === 'person';
  return {
    ...(document.serviceObject === 'both' ? { applicantType: 'company' } : {}),
    entityName: '西安市示例实业有限公司',
    byAgent: false,
    matter: 'matter',
    statement: `${person ? '本人' : '本单位'}申请办理${document.name}，已按办事指南准备申请材料，所填内容及所附材料真实有效。`,
  };
}
