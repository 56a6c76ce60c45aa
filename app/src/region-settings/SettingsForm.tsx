import { Alert, App, Button, Card, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GROUP_LABELS,
  type Label,
  SETTING_FIELDS,
  SETTING_GROUPS,
  type SettingField,
  valueAt,
} from '../../../common/region-settings/fields.ts';
import { ApiError } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { REGION_SETTINGS, type SettingsView, type SettingValue, saveRegionSettings } from './api.ts';
import type { RegionSettingsKey } from './messages.zh-CN.ts';
import './messages.ts';

type Problem = { field: string; problem: string; problemEn: string };
const WEIGHTS = 'settings.assessment.weights';
const nameOf = (key: string) => key.split('.');

/** The settings' form: every value by group, where it comes from, 恢复继承 per value; save with the server's checks. */
export function SettingsForm({ view, onReload }: { view: SettingsView; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const m = (key: RegionSettingsKey, values?: Record<string, unknown>) => t(`regionSettings.${key}`, values);
  const en = i18n.language === 'en';
  const label = (l: Label) => (en ? l.en : l.zh);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [restored, setRestored] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState(false);
  const [weightsProblem, setWeightsProblem] = useState<string | null>(null);
  const weights = Form.useWatch(['assessment', 'weights'], form) as Record<string, number | null> | undefined;
  const byKey = new Map(view.values.map((v) => [v.key, v]));

  const refused = (error: unknown) => {
    if (!(error instanceof ApiError)) return false;
    if (error.status === 409) {
      setConflict(true);
      return true;
    }
    const issues = (error.details as { issues?: Problem[] } | undefined)?.issues;
    if (error.status !== 400 || !Array.isArray(issues)) return false;
    for (const issue of issues) {
      const text = en ? issue.problemEn : issue.problem;
      if (issue.field === WEIGHTS) setWeightsProblem(text);
      else form.setFields([{ name: nameOf(issue.field.replace(/^settings\./, '')), errors: [text] }]);
    }
    return true;
  };
  const save = useWrite({
    action: (settings: Record<string, unknown>) =>
      saveRegionSettings(view.regionCode, { version: view.version, settings }),
    invalidates: [REGION_SETTINGS],
    form,
    refused,
    onSuccess: () => message.success(m('saved')),
  });

  const submit = (values: Record<string, unknown>) => {
    setWeightsProblem(null);
    let settings: Record<string, unknown> = {};
    for (const field of SETTING_FIELDS) {
      const current = byKey.get(field.key)!;
      const value = valueAt(values as never, field.key) as number | null | undefined;
      const own = current.source?.regionCode === view.regionCode;
      let sent: number | null | undefined;
      if (restored.has(field.key)) sent = own ? null : undefined;
      else if (value === null || value === undefined) sent = own ? null : undefined;
      else if (value !== current.value) sent = value;
      if (sent !== undefined) settings = put(settings, field.key, sent);
    }
    return save.run(settings);
  };

  const restore = (value: SettingValue) => {
    form.setFieldValue(nameOf(value.key), value.inherited);
    form.setFields([{ name: nameOf(value.key), errors: [] }]);
    setRestored((s) => new Set([...s, value.key]));
  };
  const edited = (key: string) =>
    setRestored((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : s));

  const sourceTag = (value: SettingValue) => {
    const from = value.inheritedFrom?.regionName ?? m('defaults');
    if (restored.has(value.key))
      return <Tag color="orange">{m('restored', { value: value.inherited, from })}</Tag>;
    if (value.source?.regionCode === view.regionCode) return <Tag color="blue">{m('own')}</Tag>;
    return <Tag>{m('inheritedFrom', { name: value.source?.regionName ?? m('defaults') })}</Tag>;
  };

  const row = (field: SettingField) => {
    const value = byKey.get(field.key)!;
    const own = value.source?.regionCode === view.regionCode && !restored.has(field.key);
    return (
      <Form.Item key={field.key} label={label(field.label)} data-testid={`setting-${field.key}`}>
        <Space wrap>
          <Form.Item name={nameOf(field.key)} noStyle>
            <InputNumber
              style={{ width: 140 }}
              suffix={label(field.unit)}
              onChange={() => edited(field.key)}
            />
          </Form.Item>
          {sourceTag(value)}
          {own && (
            <Button
              size="small"
              type="link"
              onClick={() => restore(value)}
              data-testid={`restore-${field.key}`}
            >
              {m('restore')}
            </Button>
          )}
        </Space>
      </Form.Item>
    );
  };

  const sum = Object.values(weights ?? {}).reduce<number>((total, w) => total + (Number(w) || 0), 0);
  return (
    <Form
      form={form}
      name="rs"
      layout="horizontal"
      labelCol={{ xs: 24, md: 10 }}
      wrapperCol={{ xs: 24, md: 14 }}
      initialValues={view.settings}
      onFinish={submit}
      className="region-settings-form"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          message={m('conflict')}
          action={
            <Button size="small" onClick={onReload} data-testid="settings-reload">
              {m('reload')}
            </Button>
          }
          data-testid="settings-conflict"
        />
      )}
      {save.problem && !conflict && <Alert type="error" showIcon message={save.problem} />}
      {SETTING_GROUPS.map((group) => (
        <Card key={group} title={label(GROUP_LABELS[group])} data-testid={`settings-group-${group}`}>
          {SETTING_FIELDS.filter((f) => f.group === group).map(row)}
          {group === 'assessment' && (
            <Typography.Text type={weightsProblem ? 'danger' : 'secondary'} data-testid="weights-sum">
              {m('weightsSum', { sum })}
              {weightsProblem ? ` · ${weightsProblem}` : ''}
            </Typography.Text>
          )}
        </Card>
      ))}
      <Button type="primary" htmlType="submit" loading={save.busy} data-testid="settings-save">
        {m('save')}
      </Button>
    </Form>
  );
}

/** A copy of nested values with one set by its key. */
function put(values: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = key.split('.');
  if (!rest.length) return { ...values, [head!]: value };
  return { ...values, [head!]: put((values[head!] as Record<string, unknown>) ?? {}, rest.join('.'), value) };
}
