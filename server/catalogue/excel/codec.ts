import { LABELS } from '../../../common/catalogue/elements.ts';
import type {
  Fee,
  ImplementationDocument,
  LegalBasis,
  Material,
  Place,
  Step,
} from '../../../common/catalogue/guide.ts';
import { joinItems, type RowReader, splitItems, splitValues } from './cells.ts';
import { VALUE_SEPARATOR } from './columns.ts';

/** The basic matter as one row of 实施清单 states it. */
export type BasicMatterCells = {
  code: string;
  name: string;
  matterType: keyof typeof LABELS.matterType;
  exercisingLevel: keyof typeof LABELS.exercisingLevel;
  legalBasis: LegalBasis[];
};

/** One implementation as the workbook holds it: a row of 实施清单 plus its rows of 申请材料. */
export type WorkbookImplementation = {
  basicMatter: BasicMatterCells;
  code: string;
  /** 实施机构 as written: an organisation's name or credit code. */
  organisation: string;
  regionCode: string;
  document: ImplementationDocument;
};

type Cells = Record<string, string | number>;

const yesNo = (value: boolean) => (value ? '是' : '否');
const list = (values: readonly string[]) => values.join(VALUE_SEPARATOR);
const labelList = <T extends string>(map: Record<T, string>, codes: readonly T[]) =>
  list(codes.map((c) => map[c]));

/** The cells of the 实施清单 row of an implementation. */
export function implementationCells(item: WorkbookImplementation): Cells {
  const { basicMatter: basic, document: doc } = item;
  return {
    basicCode: basic.code,
    basicName: basic.name,
    matterType: LABELS.matterType[basic.matterType],
    exercisingLevel: LABELS.exercisingLevel[basic.exercisingLevel],
    legalBasis: joinItems(basic.legalBasis.map((b) => [b.name, b.article, b.text])),
    code: item.code,
    organisation: item.organisation,
    regionCode: item.regionCode,
    name: doc.name,
    serviceObject: LABELS.serviceObject[doc.serviceObject],
    acceptanceConditions: doc.acceptanceConditions,
    caseType: LABELS.caseType[doc.caseType],
    legalLimit: doc.legalLimit.value,
    promisedLimit: doc.promisedLimit.value,
    limitUnit: LABELS.limitUnit[doc.legalLimit.unit],
    specialProcedures: joinItems(
      doc.specialProcedures.map((p) => [LABELS.specialProcedure[p.kind], String(p.maxDays), p.notes]),
    ),
    visitsRequired: doc.visitsRequired,
    realisationMode: LABELS.realisationMode[doc.realisationMode],
    channels: labelList(LABELS.channel, doc.channels),
    promiseAllowed: yesNo(doc.promiseAllowed),
    fees: joinItems(doc.fees.map((f) => [f.name, String(f.amount), f.standard, f.legalBasis])),
    steps: joinItems(doc.steps.map((s) => [LABELS.step[s.name], s.role, String(s.days), s.description])),
    places: joinItems(doc.places.map((p) => [p.name, p.window, p.address, p.hours])),
    consultation: doc.consultation,
    complaint: doc.complaint,
    resultType: LABELS.resultType[doc.result.type],
    resultName: doc.result.name,
    delivery: labelList(LABELS.delivery, doc.delivery),
    themes: labelList(LABELS.theme, doc.themes),
    keywords: list(doc.keywords),
  };
}

/** The cells of the 申请材料 row of one material; `covered` when the application form stands for it. */
export function materialCells(implementationCode: string, m: Material, covered = false): Cells {
  return {
    implementationCode,
    key: m.key,
    name: m.name,
    type: LABELS.materialType[m.type],
    form: m.form,
    paperCopies: m.paperCopies,
    required: yesNo(m.required),
    condition: m.condition,
    source: LABELS.materialSource[m.source],
    certificateType: m.certificateType,
    gapAllowed: yesNo(m.gapAllowed),
    blankFormFile: m.blankFormFile ?? '',
    sampleFile: m.sampleFile ?? '',
    notes: m.notes,
    coveredByForm: yesNo(covered),
  };
}

/** Items of a multi-item cell with exactly `fields` fields each; a problem for each line that has not. */
function items(r: RowReader, key: string, fields: number, shape: string): string[][] {
  const out: string[][] = [];
  splitItems(r.raw(key), fields).forEach((parts, i) => {
    if (parts.length !== fields) r.problem(key, `第 ${i + 1} 项应为“${shape}”，共 ${fields} 段，用 | 分隔`);
    else out.push(parts);
  });
  return out;
}

function dayCount(r: RowReader, key: string, text: string, what: string, min = 0): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > 3650) {
    r.problem(key, `${what}“${text}”须为 ${min}—3650 的整数`);
    return min;
  }
  return Number(text);
}

function basicMatterOf(r: RowReader): BasicMatterCells {
  const legalBasis = items(r, 'legalBasis', 3, '法规名称|条款|条文').map(([name, article, text]) => ({
    name: name!,
    article: article!,
    text: text!,
  }));
  legalBasis.forEach((b, i) => {
    if (!b.name) r.problem('legalBasis', `第 ${i + 1} 项缺少法规名称`);
  });
  return {
    code: r.text('basicCode', { required: true, max: 40 }),
    name: r.text('basicName', { required: true, max: 200 }),
    matterType: r.coded('matterType', LABELS.matterType) ?? 'licensing',
    exercisingLevel: r.coded('exercisingLevel', LABELS.exercisingLevel) ?? 'city',
    legalBasis,
  };
}

function feesOf(r: RowReader): Fee[] {
  return items(r, 'fees', 4, '收费项目|金额|收费标准|收费依据').map(
    ([name, amount, standard, legalBasis], i) => {
      const value = Number(amount);
      if (!/^\d+(\.\d+)?$/.test(amount!) || !Number.isFinite(value)) {
        r.problem('fees', `第 ${i + 1} 项的金额“${amount}”须为不小于 0 的数（元）`);
      }
      return {
        name: name!,
        amount: Number.isFinite(value) ? value : 0,
        standard: standard!,
        legalBasis: legalBasis!,
      };
    },
  );
}

function stepsOf(r: RowReader): Step[] {
  return items(r, 'steps', 4, '环节|岗位|天数|说明').map(([name, role, days, description], i) => {
    const code = Object.entries(LABELS.step).find(([c, l]) => l === name || c === name)?.[0];
    if (!code)
      r.problem(
        'steps',
        `第 ${i + 1} 个环节“${name}”不是可选的环节（${Object.values(LABELS.step).join('、')}）`,
      );
    return {
      name: (code ?? 'accept') as Step['name'],
      role: role!,
      days: dayCount(r, 'steps', days!, `第 ${i + 1} 个环节的天数`),
      description: description!,
    };
  });
}

function placesOf(r: RowReader): Place[] {
  return items(r, 'places', 4, '名称|窗口|地址|办公时间').map(([name, window, address, hours]) => ({
    hallId: null,
    name: name!,
    window: window!,
    address: address!,
    hours: hours!,
  }));
}

function specialProceduresOf(r: RowReader): ImplementationDocument['specialProcedures'] {
  return items(r, 'specialProcedures', 3, '程序|最长天数|说明').map(([kind, maxDays, notes], i) => {
    const code = Object.entries(LABELS.specialProcedure).find(([c, l]) => l === kind || c === kind)?.[0];
    if (!code) {
      r.problem(
        'specialProcedures',
        `第 ${i + 1} 项“${kind}”不是可选的特别程序（${Object.values(LABELS.specialProcedure).join('、')}）`,
      );
    }
    return {
      kind: (code ?? 'hearing') as ImplementationDocument['specialProcedures'][number]['kind'],
      maxDays: dayCount(r, 'specialProcedures', maxDays!, `第 ${i + 1} 项的最长天数`, 1),
      notes: notes!,
    };
  });
}

/** Reads one 实施清单 row. The document has no materials yet; places have no hall yet. */
export function readImplementationRow(r: RowReader): WorkbookImplementation {
  const basicMatter = basicMatterOf(r);
  const code = r.text('code', { required: true, max: 64 });
  const regionCode = r.text('regionCode', { required: true });
  if (regionCode && !/^\d{6}(\d{3}){0,2}$/.test(regionCode)) {
    r.problem('regionCode', `行政区划代码“${regionCode}”须为 6、9 或 12 位数字`);
  }
  const unit = r.coded('limitUnit', LABELS.limitUnit) ?? 'working_days';
  const document: ImplementationDocument = {
    name: r.text('name', { required: true, max: 200 }),
    serviceObject: r.coded('serviceObject', LABELS.serviceObject) ?? 'person',
    acceptanceConditions: r.text('acceptanceConditions'),
    caseType: r.coded('caseType', LABELS.caseType) ?? 'promised',
    legalLimit: { value: r.integer('legalLimit', 0, 3650), unit },
    promisedLimit: { value: r.integer('promisedLimit', 0, 3650), unit },
    specialProcedures: specialProceduresOf(r),
    visitsRequired: r.integer('visitsRequired', 0, 10),
    realisationMode: r.coded('realisationMode', LABELS.realisationMode) ?? 'at_most_once',
    channels: r.codedList('channels', LABELS.channel, { required: true }),
    promiseAllowed: r.yesNo('promiseAllowed'),
    fees: feesOf(r),
    steps: stepsOf(r),
    places: placesOf(r),
    consultation: r.text('consultation'),
    complaint: r.text('complaint'),
    result: { type: r.coded('resultType', LABELS.resultType) ?? 'other', name: r.text('resultName') },
    delivery: r.codedList('delivery', LABELS.delivery),
    themes: r.codedList('themes', LABELS.theme),
    keywords: [...new Set(splitValues(r.raw('keywords')))],
    materials: [],
  };
  return {
    basicMatter,
    code,
    organisation: r.text('organisation', { required: true }),
    regionCode,
    document,
  };
}

/** Reads one 申请材料 row; `covered` when the application form stands for the material. */
export function readMaterialRow(r: RowReader): {
  implementationCode: string;
  material: Material;
  covered: boolean;
} {
  const hash = (key: string) => {
    const value = r.raw(key).toLowerCase();
    if (!value) return null;
    if (!/^[0-9a-f]{64}$/.test(value)) r.problem(key, '须为 64 位十六进制的 SHA-256 值，或留空');
    return value;
  };
  const key = r.text('key', { required: true });
  if (key && !/^[a-z0-9_-]{1,40}$/.test(key)) {
    r.problem('key', `材料键“${key}”须为 1—40 位小写字母、数字、_ 或 -`);
  }
  const material: Material = {
    key,
    name: r.text('name', { required: true, max: 200 }),
    type: r.coded('type', LABELS.materialType) ?? 'original',
    form: r.text('form', { max: 100 }),
    required: r.yesNo('required'),
    condition: r.text('condition', { max: 500 }),
    paperCopies: r.integer('paperCopies', 0, 20),
    source: r.coded('source', LABELS.materialSource) ?? 'applicant',
    certificateType: r.text('certificateType', { max: 100 }),
    gapAllowed: r.yesNo('gapAllowed'),
    blankFormFile: hash('blankFormFile'),
    sampleFile: hash('sampleFile'),
    notes: r.text('notes', { max: 1000 }),
  };
  const covered = r.raw('coveredByForm') === '' ? false : r.yesNo('coveredByForm');
  return { implementationCode: r.text('implementationCode', { required: true }), material, covered };
}
