import './forms.css';
import { Button, Card, ConfigProvider, Form, Grid, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateForm } from '../../../common/forms/validate.ts';
import type { FieldContext } from './fields/context.ts';
import { FieldItem } from './fields/FieldItem.tsx';
import { TableField } from './fields/TableField.tsx';
import type { Lang } from './format.ts';
import { labelOf } from './format.ts';
import type { FormIssue, FormRendererProps, FormValues, UploadedFile } from './types.ts';
import { levelState } from './visibility.ts';

/** A form with more fields than this is filled one section at a time on a phone. */
const STEPPED_FROM = 12;

const topKey = (path: string) => path.split('.')[0] ?? path;

const firstByPath = (issues: readonly FormIssue[]) => {
  const map = new Map<string, FormIssue>();
  for (const issue of issues) if (!map.has(issue.path)) map.set(issue.path, issue);
  return map;
};

/**
 * The one renderer of an application form: sections as cards (on a phone, a long form one section
 * per step), every field type, shownWhen / requiredWhen as the values change, problems under their
 * fields (a field's own once it was left, every one once `issues` came), the first problem scrolled
 * into view, and each prefilled field with its source (changed: the source's value beside it).
 */
export function FormRenderer({
  definition,
  values,
  onChange,
  sources = {},
  issues,
  size = 'default',
  layout,
  uploadFile,
  fileNames,
}: FormRendererProps) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const screens = Grid.useBreakpoint();
  const phone = layout ? layout === 'phone' : screens.md === false;
  const root = useRef<HTMLDivElement>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [uploaded, setUploaded] = useState<Record<string, string>>({});

  // Problems: the live check of the values, and those handed in (a submission's, the server's).
  const live = useMemo(() => firstByPath(validateForm(definition, values).issues), [definition, values]);
  const given = useMemo(() => firstByPath(issues ?? []), [issues]);
  // The values when the issues came: a handed-in problem shows until its field changes.
  const valuesAtIssues = useRef(values);
  const lastIssues = useRef(issues);
  if (lastIssues.current !== issues) {
    lastIssues.current = issues;
    valuesAtIssues.current = values;
  }
  const showAll = given.size > 0;
  const errorOf = (path: string) => {
    const own = live.get(path);
    const key = topKey(path);
    const problem =
      own && (showAll || touched.has(path))
        ? own
        : given.has(path) && values[key] === valuesAtIssues.current[key]
          ? given.get(path)
          : undefined;
    if (!problem) return undefined;
    return lang === 'en' ? problem.messageEn : problem.message;
  };

  const touch = useCallback(
    (path: string) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path))),
    [],
  );
  const context: FieldContext = {
    lang,
    large: size === 'large',
    uploadFile,
    fileNames: { ...fileNames, ...uploaded },
    rememberFile: (file: UploadedFile) =>
      setUploaded((before) => ({ ...before, [file.sha256]: file.fileName })),
    touch,
    errorOf,
  };

  const allFields = definition.sections.flatMap((s) => s.fields);
  const top = levelState(allFields, values);
  const visibleSections = definition.sections.filter((s) => s.fields.some((f) => top.shown.has(f.key)));
  const stepped = phone && visibleSections.length > 1 && allFields.length > STEPPED_FROM;
  const [step, setStep] = useState(0);
  const current = Math.min(step, Math.max(visibleSections.length - 1, 0));

  // The first problem handed in: its step opened, then it is scrolled into view.
  const pendingScroll = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new set of issues moves the view
  useEffect(() => {
    if (!issues?.length) return;
    const first = issues.find((i) => i.path && top.shown.has(topKey(i.path))) ?? issues[0]!;
    const index = visibleSections.findIndex((s) => s.fields.some((f) => f.key === topKey(first.path)));
    if (index >= 0) setStep(index);
    pendingScroll.current = first.path;
  }, [issues]);
  useEffect(() => {
    const path = pendingScroll.current;
    if (!path || !root.current) return;
    // The step that holds it may open in the next render.
    const target =
      root.current.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
      root.current.querySelector<HTMLElement>(`[data-path="${CSS.escape(topKey(path))}"]`);
    if (!target) return;
    pendingScroll.current = null;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target
      .querySelector<HTMLElement>('input:not([disabled]), textarea, button')
      ?.focus({ preventScroll: true });
  });

  const setValue = (key: string, value: unknown) => {
    const { [key]: _old, ...rest } = values;
    onChange(value === undefined ? rest : ({ ...rest, [key]: value } as FormValues));
  };

  const renderSection = (section: (typeof definition.sections)[number]) => (
    <Card
      key={section.key}
      title={lang === 'en' && section.titleEn ? section.titleEn : section.title}
      className="form-section"
      data-testid="form-section"
      data-key={section.key}
    >
      {section.description ? <p className="form-section-description">{section.description}</p> : null}
      <div className="form-section-fields">
        {section.fields
          .filter((f) => top.shown.has(f.key))
          .map((field) =>
            field.type === 'table' ? (
              <TableField
                key={field.key}
                field={field}
                value={values[field.key]}
                onChange={(v) => setValue(field.key, v)}
                required={top.required(field)}
                outer={top.lookup}
                source={sources[field.key]}
                context={context}
              />
            ) : (
              <FieldItem
                key={field.key}
                field={field}
                path={field.key}
                value={values[field.key]}
                onChange={(v) => setValue(field.key, v)}
                required={top.required(field)}
                source={sources[field.key]}
                context={context}
              />
            ),
          )}
      </div>
    </Card>
  );

  const sectionHasProblems = (section: (typeof definition.sections)[number]) => {
    const keys = new Set(section.fields.map((f) => f.key));
    return [...live.keys()].some((p) => keys.has(topKey(p)));
  };

  /** Leaving a step shows its problems; a step with problems is not left forward. */
  const next = () => {
    const section = visibleSections[current]!;
    const keys = new Set(section.fields.map((f) => f.key));
    const problems = [...live.keys()].filter((p) => keys.has(topKey(p)));
    setTouched((before) => new Set([...before, ...problems]));
    if (problems.length) {
      pendingScroll.current = problems[0]!;
      return;
    }
    setStep(current + 1);
    root.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <ConfigProvider componentSize={size === 'large' ? 'large' : undefined}>
      <Form component={false} layout="vertical">
        <div
          ref={root}
          className={`form-renderer${size === 'large' ? ' form-renderer-large' : ''}`}
          data-testid="form-renderer"
        >
          {stepped ? (
            <>
              <div className="form-step-count" data-testid="form-step">
                {t('forms.step', { n: current + 1, total: visibleSections.length })} ·{' '}
                {labelOf(
                  { label: visibleSections[current]!.title, labelEn: visibleSections[current]!.titleEn },
                  lang,
                )}
              </div>
              <Steps
                className="form-steps"
                size="small"
                type="dot"
                responsive={false}
                current={current}
                onChange={setStep}
                items={visibleSections.map((s, i) => ({
                  // The step's name is said above (dots only: six names do not fit a phone's width).
                  'aria-label': labelOf({ label: s.title, labelEn: s.titleEn }, lang),
                  status: showAll && sectionHasProblems(s) ? 'error' : i < current ? 'finish' : undefined,
                }))}
              />
              {renderSection(visibleSections[current]!)}
              <div className="form-step-actions">
                <Button
                  disabled={current === 0}
                  onClick={() => setStep(current - 1)}
                  data-testid="form-previous"
                >
                  {t('forms.previous')}
                </Button>
                {current < visibleSections.length - 1 ? (
                  <Button type="primary" ghost onClick={next} data-testid="form-next">
                    {t('forms.next')}
                  </Button>
                ) : null}
              </div>
            </>
          ) : (
            visibleSections.map(renderSection)
          )}
        </div>
      </Form>
    </ConfigProvider>
  );
}
