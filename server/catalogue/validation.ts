import { Compile } from 'typebox/compile';
import { Errors } from 'typebox/value';
import { LABELS } from '../../common/catalogue/elements.ts';
import { ImplementationDocument, type LegalBasis } from '../../common/catalogue/guide.ts';
import { AppError } from '../core/errors.ts';
import { formProblems } from './form-rules.ts';

/** One thing wrong with or missing from a document; `field` is a path such as `document.promisedLimit`. */
export type Problem = { field: string; problem: string; problemEn: string };

/** What the acceptance conditions say when an implementation needs no materials at all. */
export const NO_MATERIALS_PHRASE = '无需提交材料';

const checkDocument = Compile(ImplementationDocument);

const ZH_SCHEMA_PROBLEMS: Record<string, string> = {
  required: '为必填项',
  additionalProperties: '含有不可接受的字段',
  type: '类型不正确',
  format: '格式不正确',
  minLength: '不能为空',
  maxLength: '太长',
  pattern: '格式不正确',
  minimum: '太小',
  maximum: '太大',
  minItems: '至少须有一项',
  maxItems: '项数过多',
  uniqueItems: '不能重复',
  anyOf: '不是允许的取值',
  const: '不是允许的取值',
};

/** `/materials/0/key` → `document.materials[0].key` */
function fieldOf(instancePath: string, prefix: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  let out = prefix;
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  return out;
}

/** The shape problems of a value that should be an ImplementationDocument (schema rules). */
function shapeProblems(value: unknown, prefix: string): Problem[] {
  if (checkDocument.Check(value)) return [];
  return Errors(ImplementationDocument, value)
    .slice(0, 10)
    .map((e) => {
      let field = fieldOf(e.instancePath, prefix);
      const params = e.params as { requiredProperties?: string[]; additionalProperties?: string[] };
      const extra = params.requiredProperties?.[0] ?? params.additionalProperties?.[0];
      if (extra && (e.keyword === 'required' || e.keyword === 'additionalProperties')) field += `.${extra}`;
      return { field, problem: ZH_SCHEMA_PROBLEMS[e.keyword] ?? '不正确', problemEn: e.message };
    });
}

/**
 * The business rules of a document, checked whenever a draft is saved: limits, steps,
 * realisation mode against visits and channels, materials and the application form (form-rules.ts).
 * Shape is checked first.
 */
export function documentProblems(value: unknown, prefix = 'document'): Problem[] {
  const shape = shapeProblems(value, prefix);
  if (shape.length) return shape;
  const doc = value as ImplementationDocument;
  const problems: Problem[] = [];
  const add = (field: string, problem: string, problemEn: string) =>
    problems.push({ field: `${prefix}.${field}`, problem, problemEn });

  if (!doc.name.trim()) add('name', '事项名称不能为空', 'must not be empty');
  if (doc.promisedLimit.unit !== doc.legalLimit.unit) {
    add('promisedLimit.unit', '承诺时限须与法定时限使用同一单位', 'must use the unit of the legal limit');
  } else if (doc.promisedLimit.value > doc.legalLimit.value) {
    add('promisedLimit', '承诺时限不能超过法定时限', 'must not exceed the legal limit');
  }
  if (doc.caseType === 'immediate' && doc.promisedLimit.value !== 0) {
    add('promisedLimit', '即办件的承诺时限须为 0', 'must be 0 for an immediate case');
  }
  const stepDays = doc.steps.reduce((sum, s) => sum + s.days, 0);
  if (stepDays > doc.promisedLimit.value) {
    add(
      'steps',
      `各环节时限合计 ${stepDays} 天，超过承诺时限`,
      'step days add up to more than the promised limit',
    );
  }
  const mode = LABELS.realisationMode[doc.realisationMode];
  if (doc.realisationMode === 'fully_online') {
    if (doc.visitsRequired !== 0)
      add('visitsRequired', `${mode}事项到现场次数须为 0`, 'must be 0 when fully online');
    if (!doc.channels.includes('online'))
      add('channels', `${mode}事项须提供网上办理渠道`, 'must include online');
  }
  if (
    (doc.realisationMode === 'at_most_once' || doc.realisationMode === 'on_the_spot') &&
    doc.visitsRequired > 1
  ) {
    add('visitsRequired', `${mode}事项到现场次数不能超过 1 次`, 'must be at most 1 for this mode');
  }
  if (doc.realisationMode === 'more_visits' && doc.visitsRequired < 2) {
    add('visitsRequired', `${mode}事项到现场次数应不少于 2 次`, 'must be at least 2 for this mode');
  }
  const keys = new Set<string>();
  doc.materials.forEach((m, i) => {
    const at = `materials[key=${m.key}]`;
    if (keys.has(m.key)) add(`${at}.key`, `材料标识“${m.key}”重复`, 'duplicate material key');
    keys.add(m.key);
    if (m.source === 'e_certificate' && !m.certificateType.trim()) {
      add(
        `${at}.certificateType`,
        `材料“${m.name}”来源为电子证照，须注明证照类型`,
        'required for e-certificates',
      );
    }
    if (!m.required && !m.condition.trim()) {
      add(
        `${at}.condition`,
        `材料“${m.name}”为非必要材料，须注明提交情形`,
        'required for conditional materials',
      );
    }
    void i;
  });
  doc.keywords.forEach((k, i) => {
    if (!k.trim()) add(`keywords[${i}]`, '关键词不能为空', 'must not be empty');
  });
  problems.push(...formProblems(doc, prefix));
  return problems;
}

/** Throws a 400 naming the first problem of the document, if any; details.problems lists them all. */
export function assertValidDocument(value: unknown, prefix = 'document'): void {
  const problems = documentProblems(value, prefix);
  const [first] = problems;
  if (first) {
    throw new AppError('validation.field', {
      field: first.field,
      params: { problem: first.problem, problemEn: first.problemEn },
      details: { problems: problems.slice(0, 50) },
    });
  }
}

export type Missing = { field: string; problem: string };

/**
 * Everything a version still lacks before it may be submitted or published: the
 * elements a guide must show a citizen. Fees may be an empty list (不收费).
 */
export function missingElements(doc: ImplementationDocument, legalBasis: LegalBasis[]): Missing[] {
  const missing: Missing[] = [];
  const need = (ok: boolean, field: string, problem: string) => {
    if (!ok) missing.push({ field, problem });
  };
  need(legalBasis.length > 0, 'basicMatter.legalBasis', '基本目录未填写设定依据');
  need(!!doc.acceptanceConditions.trim(), 'document.acceptanceConditions', '未填写受理条件');
  need(
    doc.materials.length > 0 || doc.acceptanceConditions.includes(NO_MATERIALS_PHRASE),
    'document.materials',
    `未列出申请材料（无需材料的须在受理条件中注明“${NO_MATERIALS_PHRASE}”）`,
  );
  need(doc.steps.length > 0, 'document.steps', '未填写办理流程');
  need(
    doc.places.length > 0 || doc.realisationMode === 'fully_online',
    'document.places',
    '未填写办理地点和时间',
  );
  need(!!doc.consultation.trim(), 'document.consultation', '未填写咨询方式');
  need(!!doc.complaint.trim(), 'document.complaint', '未填写监督投诉方式');
  need(!!doc.result.name.trim(), 'document.result.name', '未填写办理结果名称');
  need(doc.delivery.length > 0, 'document.delivery', '未填写结果送达方式');
  need(doc.keywords.length > 0, 'document.keywords', '未填写检索关键词');
  need(
    doc.caseType === 'immediate' || doc.legalLimit.value > 0,
    'document.legalLimit',
    '非即办件须填写法定办结时限',
  );
  return missing;
}

/** A 400 listing everything missing. */
export function incompleteError(missing: Missing[]): AppError {
  return new AppError('catalogue.incomplete', {
    params: { missing: missing.map((m) => m.problem).join('；') },
    details: { missing },
  });
}
