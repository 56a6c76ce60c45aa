import './form-designer.css';
import { DeleteOutlined, MobileOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Form, Input, Popconfirm, Row, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../../common/catalogue/guide.ts';
import type { FormDefinition, FormIssue } from '../../../../../common/forms/schema.ts';
import { FieldProperties } from './FieldProperties.tsx';
import {
  type AnyField,
  addColumn,
  addField,
  addSection,
  emptyForm,
  fieldAt,
  keyFor,
  locate,
  move,
  type Place,
  rekey,
  remove,
  samePlace,
  updateField,
  updateSection,
  withType,
} from './model.ts';
import { Outline } from './Outline.tsx';
import { PhonePreview } from './PhonePreview.tsx';
import { resolverOf } from './texts.ts';

type Props = {
  /** Given by the enclosing Form.Item (name "form"). */
  value?: FormDefinition;
  onChange?: (form: FormDefinition | undefined) => void;
  /** Problems found on save (the server's or the editor's own), at validateFormDefinition's paths. */
  issues: FormIssue[];
  onIssues: (issues: FormIssue[]) => void;
  /** Changes when a save found problems: the first is then selected. */
  reveal: number;
};

const within = (inner: Place | null, outer: Place) =>
  inner !== null &&
  inner.s === outer.s &&
  (outer.f === undefined || inner.f === outer.f) &&
  (outer.c === undefined || inner.c === outer.c);

/** The 申请表 of a version: sections and fields in an outline, the chosen one's properties, a phone preview. */
export function FormDesigner({ value: form, onChange, issues, onIssues, reveal }: Props) {
  const { t, i18n } = useTranslation();
  const e = (key: 'create' | 'removeForm' | 'removeFormConfirm' | 'preview' | 'covers') =>
    t(`catalogue.staff.formEditor.${key}`);
  const [selected, setSelected] = useState<Place | null>(null);
  const [previewing, setPreviewing] = useState(false);
  /** Keys of fields added here whose key was not typed: they follow the name (or the data source). */
  const autoKeys = useRef(new Set<string>());
  const instance = Form.useFormInstance();
  const materials = (Form.useWatch('materials', { form: instance, preserve: true }) ?? []) as Material[];
  const propertiesRef = useRef<HTMLDivElement>(null);

  // Only a new save's problems move the selection, not edits that clear them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (reveal === 0) return;
    const first = issues.map((i) => locate(i.path).place).find((p) => p !== null);
    if (first) setSelected(first);
    propertiesRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [reveal]);

  if (!form)
    return (
      <Empty description={t('catalogue.staff.formEditor.none')} data-testid="form-designer">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            onChange?.(emptyForm());
            setSelected({ s: 0 });
          }}
          data-testid="create-form"
        >
          {e('create')}
        </Button>
      </Empty>
    );

  /**
   * The definition as last changed: two edits in quick succession (a type chosen, then a key typed)
   * may come before the page has drawn the first, and the second must not undo it.
   */
  const latest = (): FormDefinition => (instance.getFieldValue('form') as FormDefinition | undefined) ?? form;

  /** A new definition; the problems about what changed (everything, when things moved) are dropped. */
  const change = (next: FormDefinition, at: Place | 'all') => {
    onChange?.(next);
    if (issues.length)
      onIssues(at === 'all' ? [] : issues.filter((i) => !samePlace(locate(i.path).place, at)));
  };
  const said = (i: FormIssue) => (i.messageEn && i18n.language === 'en' ? i.messageEn : i.message);
  const located = issues.map((issue) => ({ issue, ...locate(issue.path) }));
  const troubled = (place: Place) => located.some((l) => within(l.place, place));

  const patchField = (place: Place, edit: Partial<AnyField> | ((current: AnyField) => Partial<AnyField>)) => {
    const form = latest();
    const current = fieldAt(form, place);
    if (!current) return;
    const patch = typeof edit === 'function' ? edit(current) : edit;
    let updated: AnyField = { ...current, ...patch, key: current.key };
    if (patch.type && patch.type !== current.type) updated = withType(updated, patch.type);
    for (const [k, v] of Object.entries(updated))
      if (v === undefined) delete (updated as Record<string, unknown>)[k];
    let next = updateField(form, place, () => updated);
    let key = current.key;
    if (patch.key !== undefined) {
      key = patch.key;
      autoKeys.current.delete(current.key);
    } else if (autoKeys.current.has(current.key) && ('label' in patch || 'binding' in patch)) {
      const siblings =
        place.c === undefined
          ? form.sections.flatMap((s) => s.fields.map((f) => f.key))
          : (form.sections[place.s]!.fields[place.f!]!.columns ?? []).map((c) => c.key);
      key = keyFor(
        updated.label,
        siblings.filter((k) => k !== current.key),
        updated.binding,
      );
      autoKeys.current.delete(current.key);
      autoKeys.current.add(key);
    }
    if (key !== current.key) next = rekey(next, place, key);
    change(next, place);
  };

  const added = ({ form: next, place }: { form: FormDefinition; place: Place }) => {
    const field = fieldAt(next, place);
    if (field) autoKeys.current.add(field.key);
    change(next, 'all');
    setSelected(place);
  };

  const field = selected ? fieldAt(form, selected) : undefined;
  const section = selected && selected.f === undefined ? form.sections[selected.s] : undefined;
  const here = located
    .filter((l) => samePlace(l.place, selected))
    .map((l) => ({ what: l.what, issue: l.issue }));
  const formWide = located.filter((l) => l.place === null && !l.what.startsWith('covers'));
  const coversIssues = located.filter((l) => l.place === null && l.what.startsWith('covers'));

  let candidates: AnyField[] = [];
  let resolve = resolverOf(form);
  if (selected?.f !== undefined && field) {
    const table = form.sections[selected.s]!.fields[selected.f]!;
    const top = form.sections.flatMap((s) => s.fields).filter((f) => f !== table);
    if (selected.c === undefined) candidates = top;
    else {
      candidates = [...(table.columns ?? []).filter((c) => c !== field), ...top];
      resolve = resolverOf(form, table.columns);
    }
  }

  return (
    <div className="form-designer" data-testid="form-designer">
      {issues.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('catalogue.staff.formEditor.problems', { count: issues.length })}
          description={formWide.length ? formWide.map((l) => said(l.issue)).join('；') : undefined}
          data-testid="form-problems"
        />
      ) : null}
      <div className="fd-toolbar">
        <Form.Item
          label={e('covers')}
          tooltip={t('catalogue.staff.formEditor.coversHint')}
          className="fd-covers"
          validateStatus={coversIssues.length ? 'error' : undefined}
          help={coversIssues.length ? coversIssues.map((l) => said(l.issue)).join('；') : undefined}
        >
          <Select
            mode="multiple"
            maxCount={10}
            allowClear
            placeholder={t('catalogue.staff.formEditor.coversPlaceholder')}
            value={form.covers ?? []}
            options={materials.map((m) => ({ value: m.key, label: m.name || m.key }))}
            onChange={(covers: string[]) => {
              const { covers: _, ...rest } = latest();
              onChange?.(covers.length ? { ...rest, covers } : rest);
              onIssues(issues.filter((i) => !i.path.startsWith('covers')));
            }}
            data-testid="form-covers"
          />
        </Form.Item>
        <Space wrap>
          <Button icon={<MobileOutlined />} onClick={() => setPreviewing(true)} data-testid="form-preview">
            {e('preview')}
          </Button>
          <Popconfirm
            title={e('removeFormConfirm')}
            onConfirm={() => {
              onChange?.(undefined);
              onIssues([]);
              setSelected(null);
            }}
          >
            <Button danger icon={<DeleteOutlined />}>
              {e('removeForm')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Outline
            form={form}
            selected={selected}
            troubled={troubled}
            onSelect={setSelected}
            onMove={(place, delta) => {
              const moved = move(latest(), place, delta);
              if (!moved) return;
              change(moved.form, 'all');
              setSelected(moved.place);
            }}
            onRemove={(place) => {
              change(remove(latest(), place), 'all');
              setSelected(null);
            }}
            onAddField={(s) => added(addField(latest(), s, 'text'))}
            onAddColumn={(s, f) => added(addColumn(latest(), s, f))}
            onAddSection={() => added(addSection(latest(), t('catalogue.staff.formEditor.section')))}
          />
        </Col>
        <Col xs={24} lg={14}>
          <div ref={propertiesRef} className="fd-properties">
            {field && selected?.c !== undefined ? (
              <div className="fd-properties-of">
                {t('catalogue.staff.formEditor.columnsOf', {
                  label: form.sections[selected.s]!.fields[selected.f!]!.label,
                })}
              </div>
            ) : null}
            {field && selected ? (
              <FieldProperties
                key={`${selected.s}.${selected.f}.${selected.c}`}
                field={field}
                isColumn={selected.c !== undefined}
                issues={here}
                autoKey={autoKeys.current.has(field.key)}
                candidates={candidates}
                resolve={resolve}
                onPatch={(patch) => patchField(selected, patch)}
              />
            ) : section && selected ? (
              <SectionProperties
                title={section.title}
                titleEn={section.titleEn ?? ''}
                sectionKey={section.key}
                description={section.description ?? ''}
                issues={here.map((h) => ({ what: h.what, message: said(h.issue) }))}
                onPatch={(patch) => change(updateSection(latest(), selected.s, patch), selected)}
              />
            ) : (
              <Empty description={t('catalogue.staff.formEditor.pickHint')} />
            )}
          </div>
        </Col>
      </Row>
      <PhonePreview open={previewing} onClose={() => setPreviewing(false)} definition={form} />
    </div>
  );
}

type SectionProps = {
  title: string;
  titleEn: string;
  sectionKey: string;
  description: string;
  issues: { what: string; message: string }[];
  onPatch: (patch: { title?: string; titleEn?: string; key?: string; description?: string }) => void;
};

function SectionProperties({ title, titleEn, sectionKey, description, issues, onPatch }: SectionProps) {
  const { t } = useTranslation();
  const at = (what: string) => {
    const found = issues.filter((i) =>
      what === '' ? !['title', 'titleEn', 'key'].includes(i.what) : i.what === what,
    );
    return found.length
      ? { validateStatus: 'error' as const, help: found.map((i) => i.message).join('；') }
      : {};
  };
  return (
    <div data-testid="section-properties">
      {issues.some((i) => !['title', 'titleEn', 'key'].includes(i.what)) ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={at('').help} />
      ) : null}
      <Form.Item label={t('catalogue.staff.formEditor.sectionTitle')} required {...at('title')}>
        <Input
          maxLength={100}
          value={title}
          onChange={(ev) => onPatch({ title: ev.target.value })}
          data-testid="section-title"
        />
      </Form.Item>
      <Form.Item label={t('catalogue.staff.formEditor.sectionTitleEn')} {...at('titleEn')}>
        <Input
          maxLength={200}
          value={titleEn}
          onChange={(ev) => onPatch({ titleEn: ev.target.value || undefined })}
        />
      </Form.Item>
      <Form.Item
        label={t('catalogue.staff.formEditor.prop.key')}
        required
        tooltip={t('catalogue.staff.formEditor.prop.keyHint')}
        {...at('key')}
      >
        <Input
          maxLength={40}
          value={sectionKey}
          onChange={(ev) => onPatch({ key: ev.target.value.trim() })}
        />
      </Form.Item>
      <Form.Item label={t('catalogue.staff.formEditor.sectionDescription')} {...at('description')}>
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={description}
          onChange={(ev) => onPatch({ description: ev.target.value || undefined })}
        />
      </Form.Item>
    </div>
  );
}
