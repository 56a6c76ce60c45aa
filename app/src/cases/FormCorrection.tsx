import { Button, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldsOf } from '../../../common/forms/conditions.ts';
import { validateForm } from '../../../common/forms/validate.ts';
import { uploadFormFile } from '../forms/FormBlock.tsx';
import { FormRenderer } from '../forms/FormRenderer.tsx';
import { formIssuesOf } from '../forms/filling.ts';
import type { FormDefinition, FormField, FormIssue, FormValues } from '../forms/types.ts';
import { lastProblems, namedFields } from './supplement.ts';
import type { CaseDetail } from './types.ts';

const topKey = (path: string) => path.split('.')[0] ?? path;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a field's conditions look at (its columns' too). */
function dependencies(field: FormField): string[] {
  const keys = [...fieldsOf(field.shownWhen), ...fieldsOf(field.requiredWhen)];
  for (const column of field.columns ?? [])
    keys.push(...fieldsOf(column.shownWhen), ...fieldsOf(column.requiredWhen));
  return keys;
}

/** The keys asked for and every field their conditions depend on, transitively. */
function withDependencies(definition: FormDefinition, keys: Iterable<string>): Set<string> {
  const byKey = new Map(definition.sections.flatMap((s) => s.fields).map((f) => [f.key, f]));
  const shown = new Set<string>();
  const queue = [...keys];
  while (queue.length) {
    const key = queue.pop()!;
    const field = byKey.get(key);
    if (!field || shown.has(key)) continue;
    shown.add(key);
    queue.push(...dependencies(field));
  }
  return shown;
}

/** The form with only these fields (sections without any left out). */
const only = (definition: FormDefinition, keys: Set<string>): FormDefinition => ({
  ...definition,
  sections: definition.sections
    .map((s) => ({ ...s, fields: s.fields.filter((f) => keys.has(f.key)) }))
    .filter((s) => s.fields.length > 0),
});

const pick = (values: FormValues, keys: Set<string>) =>
  Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));

/**
 * 补正 at the form: the fields the notice names (and those their conditions depend on), each with
 * the reviewer's problem under it; the whole form when the notice has a problem about nothing in
 * particular and the applicant chooses to edit it. `body()` gives the corrected fields to send
 * with the resubmission (checked as the server will; null with the problems shown), `refused`
 * takes the server's problems onto the fields.
 */
export function useFormCorrection(detail: CaseDetail): {
  element: ReactNode;
  body: () => { form?: FormValues } | null;
  refused: (error: unknown) => boolean;
} {
  const { t } = useTranslation();
  const form = detail.form ?? null;
  const problems = lastProblems(detail);
  const named = namedFields(detail);
  const general = problems.some((p) => !p.fieldKey && !p.materialKey);
  const [all, setAll] = useState(false);
  const [extra, setExtra] = useState<string[]>([]);
  const [edited, setEdited] = useState<FormValues | null>(null);
  const [issues, setIssues] = useState<FormIssue[] | null>(null);
  const definition = form?.definition;
  const wanted = JSON.stringify([all, named, extra]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `wanted` stands for all, named and extra
  const keys = useMemo(
    () =>
      !definition
        ? new Set<string>()
        : all
          ? new Set(definition.sections.flatMap((s) => s.fields.map((f) => f.key)))
          : withDependencies(definition, [...named, ...extra]),
    [definition, wanted],
  );
  const shownDefinition = useMemo(() => (definition ? only(definition, keys) : null), [definition, keys]);
  // The reviewer's problems under their fields, until the server or the check has its own.
  const noteText = JSON.stringify(problems);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `noteText` stands for the problems
  const notes = useMemo<FormIssue[]>(
    () =>
      problems.flatMap((p) =>
        p.fieldKey
          ? [{ path: p.fieldKey, code: 'supplement', message: p.problem, messageEn: p.problem }]
          : [],
      ),
    [noteText],
  );
  if (!form || !definition || !shownDefinition)
    return { element: null, body: () => ({}), refused: () => false };
  const original = form.values;
  const current = edited ?? original;
  const show = (found: FormIssue[]) => {
    setIssues(found);
    setExtra((before) => [...new Set([...before, ...found.map((i) => topKey(i.path))])]);
  };
  const body = () => {
    if (!edited) return {};
    const check = validateForm(definition, edited);
    if (!check.ok) {
      show(check.issues);
      return null;
    }
    const changed = [...new Set([...Object.keys(original), ...Object.keys(check.values)])].filter(
      (key) => !same(original[key], check.values[key]),
    );
    if (changed.length === 0) return {};
    return { form: Object.fromEntries(changed.map((key) => [key, check.values[key] ?? null])) };
  };
  const refused = (error: unknown) => {
    const found = formIssuesOf(error);
    if (!found) return false;
    show(found);
    return true;
  };
  const onChange = (next: FormValues) => {
    const rest = Object.fromEntries(Object.entries(current).filter(([key]) => !keys.has(key)));
    setEdited({ ...rest, ...next });
  };
  const element = (
    <>
      {keys.size > 0 ? (
        <div className="case-form-fix" data-testid="form-correction">
          <Typography.Text strong>{t('cases.fix.title')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('cases.fix.intro')}</Typography.Paragraph>
          <FormRenderer
            definition={shownDefinition}
            values={pick(current, keys)}
            onChange={onChange}
            sources={form.sources}
            issues={issues ?? notes}
            uploadFile={uploadFormFile}
          />
        </div>
      ) : null}
      {general && !all ? (
        <Button onClick={() => setAll(true)} data-testid="form-edit-all">
          {t('cases.fix.editAll')}
        </Button>
      ) : null}
    </>
  );
  return { element, body, refused };
}
