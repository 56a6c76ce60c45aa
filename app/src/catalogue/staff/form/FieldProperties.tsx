import { Alert, Col, Collapse, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldType, FieldValidation, FormIssue } from '../../../../../common/forms/schema.ts';
import { BindingSelect } from './BindingSelect.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { type AnyField, COUNTED_TYPES, isChoice, NUMBER_TYPES, TEXT_TYPES, TYPES } from './model.ts';
import { OptionsEditor } from './OptionsEditor.tsx';
import type { Resolve } from './texts.ts';

type PropKey =
  | 'label'
  | 'key'
  | 'keyHint'
  | 'type'
  | 'help'
  | 'required'
  | 'editable'
  | 'binding'
  | 'options'
  | 'validation'
  | 'pattern'
  | 'patternMessage'
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'minItems'
  | 'maxItems'
  | 'shownWhen'
  | 'requiredWhen'
  | 'english'
  | 'labelEn'
  | 'helpEn'
  | 'patternMessageEn';

type Props = {
  field: AnyField;
  /** A column of a table (no table type, no columns). */
  isColumn: boolean;
  /** Problems at this field: `what` is the part of it ('label', 'validation.pattern', '' for the whole). */
  issues: { what: string; issue: FormIssue }[];
  autoKey: boolean;
  /** The fields its conditions may read. */
  candidates: readonly AnyField[];
  resolve: Resolve;
  /** A change, or one computed from the field as it is by then (edits may come faster than the page draws). */
  onPatch: (patch: Partial<AnyField> | ((current: AnyField) => Partial<AnyField>)) => void;
};

type Rule = keyof FieldValidation;

/** Everything about one field or column: name, key, type, help, required, source, options, rules, conditions. */
export function FieldProperties({ field, isColumn, issues, autoKey, candidates, resolve, onPatch }: Props) {
  const { t, i18n } = useTranslation();
  const p = (key: PropKey) => t(`catalogue.staff.formEditor.prop.${key}`);
  const said = (i: FormIssue) => (i.messageEn && i18n.language === 'en' ? i.messageEn : i.message);
  const used = new Set<FormIssue>();
  const at = (...whats: string[]) => {
    const found = issues.filter((i) => whats.some((w) => i.what === w || i.what.startsWith(`${w}.`)));
    for (const i of found) used.add(i.issue);
    return found.length
      ? { validateStatus: 'error' as const, help: found.map((i) => said(i.issue)).join('；') }
      : {};
  };
  const rules = field.validation ?? {};
  const setRule = (rule: Rule, value: string | number | null | undefined) =>
    onPatch((current) => {
      const next: FieldValidation = { ...current.validation };
      if (value === null || value === undefined || value === '') delete next[rule];
      else (next as Record<string, unknown>)[rule] = value;
      if (rule === 'pattern' && next.pattern === undefined) {
        delete next.patternMessage;
        delete next.patternMessageEn;
      }
      return { validation: Object.keys(next).length ? next : undefined };
    });
  const number = (rule: Rule, integer: boolean) => (
    <Form.Item label={p(rule as PropKey)} {...at(`validation.${rule}`)}>
      <InputNumber
        style={{ width: '100%' }}
        precision={integer ? 0 : undefined}
        min={integer ? 0 : undefined}
        value={(rules[rule] as number | undefined) ?? null}
        onChange={(v) => setRule(rule, v)}
        data-testid={`prop-${rule}`}
      />
    </Form.Item>
  );
  const types = TYPES.filter((type) => !isColumn || type !== 'table');

  const label = at('label');
  const key = at('key');
  const type = at('type', 'columns');
  const options = at('options');
  const binding = at('binding', 'editable');
  const shown = at('shownWhen');
  const requiredWhen = at('requiredWhen');
  const help = at('help');
  at('labelEn', 'helpEn'); // shown in the English part
  at('validation'); // shown in the rules' fieldset
  const wholeRules = issues.filter((i) => i.what === 'validation');
  const rest = issues.filter((i) => !used.has(i.issue));

  return (
    <div data-testid="field-properties">
      {rest.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={rest.map((i) => said(i.issue)).join('；')}
          data-testid="field-problem"
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item label={p('label')} required {...label}>
            <Input
              autoFocus={!field.label}
              maxLength={100}
              value={field.label}
              onChange={(e) => onPatch({ label: e.target.value })}
              data-testid="prop-label"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={p('type')} {...type}>
            <Select<FieldType>
              value={field.type}
              options={types.map((v) => ({ value: v, label: t(`catalogue.staff.formEditor.types.${v}`) }))}
              onChange={(v) => onPatch({ type: v })}
              data-testid="prop-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            label={p('key')}
            required
            tooltip={p('keyHint')}
            extra={autoKey && !key.help ? t('catalogue.staff.formEditor.prop.keyAuto') : undefined}
            {...key}
          >
            <Input
              maxLength={40}
              value={field.key}
              onChange={(e) => onPatch({ key: e.target.value.trim() })}
              data-testid="prop-key"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label={p('required')}>
            <Switch
              checked={field.required === true}
              onChange={(v) => onPatch({ required: v || undefined })}
              data-testid="prop-required"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={p('help')} {...help}>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={field.help ?? ''}
          onChange={(e) => onPatch({ help: e.target.value || undefined })}
          data-testid="prop-help"
        />
      </Form.Item>
      <Collapse
        ghost
        size="small"
        className="fd-english"
        defaultActiveKey={
          issues.some((i) => /^(labelEn|helpEn|validation\.patternMessageEn)/.test(i.what))
            ? ['en']
            : undefined
        }
        items={[
          {
            key: 'en',
            label: p('english'),
            children: (
              <>
                <Form.Item label={p('labelEn')} {...at('labelEn')}>
                  <Input
                    maxLength={200}
                    value={field.labelEn ?? ''}
                    onChange={(e) => onPatch({ labelEn: e.target.value || undefined })}
                  />
                </Form.Item>
                <Form.Item label={p('helpEn')} {...at('helpEn')}>
                  <Input.TextArea
                    rows={2}
                    maxLength={1000}
                    value={field.helpEn ?? ''}
                    onChange={(e) => onPatch({ helpEn: e.target.value || undefined })}
                  />
                </Form.Item>
                {rules.pattern ? (
                  <Form.Item label={p('patternMessageEn')} {...at('validation.patternMessageEn')}>
                    <Input
                      maxLength={200}
                      value={rules.patternMessageEn ?? ''}
                      onChange={(e) => setRule('patternMessageEn', e.target.value)}
                    />
                  </Form.Item>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {field.type !== 'table' ? (
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={p('binding')} {...binding}>
              <BindingSelect value={field.binding} onChange={(v) => onPatch({ binding: v })} />
            </Form.Item>
          </Col>
          {field.binding ? (
            <Col xs={24} md={8}>
              <Form.Item label={p('editable')}>
                <Switch
                  checked={field.editable !== false}
                  onChange={(v) => onPatch({ editable: v ? undefined : false })}
                  data-testid="prop-editable"
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      ) : null}
      {isChoice(field.type) ? (
        <Form.Item label={p('options')} required {...options}>
          <OptionsEditor value={field.options ?? []} onChange={(v) => onPatch({ options: v })} />
        </Form.Item>
      ) : null}
      {TEXT_TYPES.includes(field.type) ||
      NUMBER_TYPES.includes(field.type) ||
      COUNTED_TYPES.includes(field.type) ? (
        <fieldset className="fd-fieldset">
          <legend>{p('validation')}</legend>
          {wholeRules.length ? (
            <Alert
              type="error"
              title={wholeRules.map((i) => said(i.issue)).join('；')}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          {TEXT_TYPES.includes(field.type) ? (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item label={p('pattern')} {...at('validation.pattern')}>
                  <Input
                    maxLength={500}
                    placeholder={t('catalogue.staff.formEditor.prop.patternPlaceholder')}
                    value={rules.pattern ?? ''}
                    onChange={(e) => setRule('pattern', e.target.value)}
                    data-testid="prop-pattern"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={p('patternMessage')} {...at('validation.patternMessage')}>
                  <Input
                    maxLength={100}
                    disabled={!rules.pattern}
                    value={rules.patternMessage ?? ''}
                    onChange={(e) => setRule('patternMessage', e.target.value)}
                    data-testid="prop-patternMessage"
                  />
                </Form.Item>
              </Col>
              <Col xs={12}>{number('minLength', true)}</Col>
              <Col xs={12}>{number('maxLength', true)}</Col>
            </Row>
          ) : null}
          {NUMBER_TYPES.includes(field.type) ? (
            <Row gutter={12}>
              <Col xs={12}>{number('min', false)}</Col>
              <Col xs={12}>{number('max', false)}</Col>
            </Row>
          ) : null}
          {COUNTED_TYPES.includes(field.type) ? (
            <Row gutter={12}>
              <Col xs={12}>{number('minItems', true)}</Col>
              <Col xs={12}>{number('maxItems', true)}</Col>
            </Row>
          ) : null}
        </fieldset>
      ) : null}
      <Form.Item label={p('shownWhen')} {...shown}>
        <ConditionBuilder
          value={field.shownWhen}
          onChange={(v) => onPatch({ shownWhen: v })}
          candidates={candidates}
          resolve={resolve}
          testId="prop-shownWhen"
        />
      </Form.Item>
      <Form.Item label={p('requiredWhen')} {...requiredWhen}>
        <ConditionBuilder
          value={field.requiredWhen}
          onChange={(v) => onPatch({ requiredWhen: v })}
          candidates={candidates}
          resolve={resolve}
          testId="prop-requiredWhen"
        />
      </Form.Item>
    </div>
  );
}
