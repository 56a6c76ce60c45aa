import type { ImplementationDocument, Material } from '../../common/catalogue/guide.ts';
import type { BasicMatterInput } from './service.ts';

/** A complete, valid material; override what the test is about. */
export function sampleMaterial(overrides: Partial<Material> = {}): Material {
  return {
    key: 'sqs',
    name: '食品经营许可申请书',
    type: 'original',
    form: '纸质或电子',
    required: true,
    condition: '',
    paperCopies: 1,
    source: 'applicant',
    certificateType: '',
    gapAllowed: false,
    blankFormFile: null,
    sampleFile: null,
    notes: '',
    ...overrides,
  };
}

/** A complete guide of 食品经营许可 that passes every rule; override what the test is about. */
export function sampleDocument(overrides: Partial<ImplementationDocument> = {}): ImplementationDocument {
  return {
    name: '食品经营许可证核发',
    serviceObject: 'company',
    acceptanceConditions: '申请人具有与经营的食品品种、数量相适应的经营场所和设备设施。',
    caseType: 'promised',
    legalLimit: { value: 20, unit: 'working_days' },
    promisedLimit: { value: 5, unit: 'working_days' },
    specialProcedures: [{ kind: 'inspection', maxDays: 5, notes: '现场核查经营场所' }],
    visitsRequired: 1,
    realisationMode: 'at_most_once',
    channels: ['online', 'counter'],
    promiseAllowed: true,
    fees: [],
    steps: [
      { name: 'accept', role: '综合窗口受理人员', days: 1, description: '核对材料' },
      { name: 'review', role: '食品经营许可科审查人员', days: 2, description: '' },
      { name: 'decide', role: '科室负责人', days: 1, description: '' },
      { name: 'conclude', role: '综合窗口出件人员', days: 1, description: '' },
    ],
    places: [
      {
        hallId: null,
        name: '西安市政务服务中心',
        window: '市场监管专窗',
        address: '西安市未央区凤城八路 109 号',
        hours: '周一至周五 9:00—17:00',
      },
    ],
    consultation: '029-12345678',
    complaint: '12345',
    result: { type: 'certificate', name: '食品经营许可证' },
    delivery: ['window_pickup', 'post'],
    themes: ['business_startup'],
    keywords: ['开饭店', '餐饮', '食品经营'],
    materials: [
      sampleMaterial(),
      sampleMaterial({
        key: 'yyzz',
        name: '营业执照',
        type: 'electronic',
        source: 'e_certificate',
        certificateType: '营业执照',
        paperCopies: 0,
      }),
    ],
    ...overrides,
  };
}

/** A basic matter with a legal basis; `code` must be unique in the test. */
export function sampleBasicMatter(overrides: Partial<BasicMatterInput> = {}): BasicMatterInput {
  return {
    code: '000101234000',
    name: '食品经营许可',
    matterType: 'licensing',
    exercisingLevel: 'city',
    legalBasis: [
      {
        name: '《中华人民共和国食品安全法》',
        article: '第三十五条',
        text: '国家对食品生产经营实行许可制度。',
      },
    ],
    ...overrides,
  };
}
