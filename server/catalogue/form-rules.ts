import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { validateFormDefinition } from '../../common/forms/definition.ts';
import type { FormDefinition, FormIssue } from '../../common/forms/schema.ts';

/** One problem, as validation.ts names them. */
type Problem = { field: string; problem: string; problemEn: string };

/** `sections.0.fields.2.options` → `sections[0].fields[2].options`, the catalogue's way of naming places. */
function bracketed(path: string): string {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
}

/** The field (or table column) a definition path points into, for naming it to the editor. */
function fieldAt(form: FormDefinition, path: string) {
  const m = /^sections\.(\d+)\.fields\.(\d+)(?:\.columns\.(\d+))?/.exec(path);
  if (!m) return null;
  const field = form.sections[Number(m[1])]?.fields[Number(m[2])];
  return m[3] === undefined ? field : field?.columns?.[Number(m[3])];
}

function problemOf(form: FormDefinition, issue: FormIssue, prefix: string): Problem {
  const field = fieldAt(form, issue.path);
  const named = field ? `字段“${field.label}”（${field.key}）：` : '';
  const namedEn = field ? `field ${field.key}: ` : '';
  return {
    field: `${prefix}${bracketed(issue.path)}`,
    problem: `申请表${named}${issue.message}`,
    problemEn: `application form ${namedEn}${issue.messageEn}`,
  };
}

/**
 * The problems of a document's application form, once the document's shape is right: the rules of
 * validateFormDefinition (keys, conditions, options, validation, bindings), and `covers` naming
 * materials of the same document. Fields are named like the document's others:
 * `document.form.sections[0].fields[2].options`.
 */
export function formProblems(doc: ImplementationDocument, prefix = 'document'): Problem[] {
  const form = doc.form;
  if (!form) return [];
  const at = `${prefix}.form`;
  const problems = validateFormDefinition(form).map((issue) => problemOf(form, issue, at));
  const materials = new Set(doc.materials.map((m) => m.key));
  (form.covers ?? []).forEach((key, i) => {
    if (!materials.has(key))
      problems.push({
        field: `${at}.covers[${i}]`,
        problem: `申请表代替的材料“${key}”不在本事项的申请材料中`,
        problemEn: `covers ${key}, which is not a material of this document`,
      });
  });
  return problems;
}
