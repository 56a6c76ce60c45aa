import '../appointments.css';
import './staff.css';
import { Alert, App, Button, Card, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { SETUP, useHallSetup } from './api.ts';
import { Categories } from './Categories.tsx';
import { showAtField } from './errors.ts';
import { HallPicker } from './HallPicker.tsx';
import type { AppointmentSettings, HallSetup } from './types.ts';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type Weekday = (typeof WEEKDAYS)[number];
type DayRow = { on: boolean; open: string; close: string };
type Values = Omit<AppointmentSettings, 'weekdays'> & { weekdays: Record<Weekday, DayRow> };

const RULES = [
  'minDaysAhead',
  'maxDaysAhead',
  'cancelHoursBefore',
  'noShowLimit',
  'cancelLimit',
  'suspendDays',
  'slotMinutes',
] as const;

function toValues(settings: AppointmentSettings): Values {
  const weekdays = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const hours = settings.weekdays[d];
      return [d, { on: !!hours, open: hours?.open ?? '09:00', close: hours?.close ?? '17:00' }];
    }),
  ) as Record<Weekday, DayRow>;
  return { ...settings, weekdays };
}

function toBody(values: Values): AppointmentSettings {
  const weekdays: AppointmentSettings['weekdays'] = {};
  for (const d of WEEKDAYS) {
    const row = values.weekdays[d];
    if (row.on) weekdays[d] = { open: row.open.trim(), close: row.close.trim() };
  }
  const { weekdays: _, extraDays, ...rules } = values;
  return {
    ...rules,
    weekdays,
    extraDays: (extraDays ?? []).map((e) => ({
      day: e.day.trim(),
      open: e.open.trim(),
      close: e.close.trim(),
    })),
  };
}

/** /workbench/appointment-settings — 预约设置: a hall's opening hours, booking rules and categories. */
export function AppointmentSettingsPage() {
  const { t } = useTranslation();
  const [hallId, setHallId] = useState<string>();
  const setup = useHallSetup(hallId);
  return (
    <div data-testid="appointment-settings">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.appointmentSettings')}</Typography.Title>
        <HallPicker value={hallId} onChange={setHallId} />
      </div>
      {setup.isPending && hallId ? <Loading /> : null}
      {setup.isError ? <LoadError error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      {setup.data && hallId ? (
        <>
          <SettingsForm key={hallId} hallId={hallId} setup={setup.data} />
          <Categories hallId={hallId} categories={setup.data.categories} />
        </>
      ) : null}
    </div>
  );
}

function SettingsForm({ hallId, setup }: { hallId: string; setup: HallSetup }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const saving = useWrite<AppointmentSettings, AppointmentSettings>({
    action: (body) => api.put(`/api/appointments/halls/${encodeURIComponent(hallId)}/settings`, body),
    invalidates: [SETUP],
    refused: (error) => showAtField(form, error),
    onSuccess: () => message.success(t('appointments.staff.saved')),
  });
  return (
    <Card title={t('appointments.staff.hours')} className="appointments-staff-card">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(setup.settings)}
        onFinish={(values) => {
          const shown = form.getFieldsError().filter((f) => f.errors.length > 0);
          form.setFields(shown.map((f) => ({ name: f.name as never, errors: [] })));
          void saving.run(toBody(values));
        }}
        data-testid="settings-form"
      >
        <div className="appointments-staff-weekdays">
          {WEEKDAYS.map((d) => (
            <div key={d} className="appointments-staff-row" data-testid={`weekday-${d}`}>
              <span className="appointments-staff-day">{t(`appointments.staff.weekday.w${d}`)}</span>
              <Form.Item name={['weekdays', d, 'on']} valuePropName="checked" noStyle>
                <Switch
                  aria-label={t(`appointments.staff.weekday.w${d}`)}
                  checkedChildren={t('appointments.staff.open')}
                  unCheckedChildren={t('appointments.staff.closed')}
                />
              </Form.Item>
              <Form.Item name={['weekdays', d, 'open']} className="appointments-staff-time">
                <Input aria-label={t('appointments.staff.opens')} placeholder="09:00" />
              </Form.Item>
              <Form.Item name={['weekdays', d, 'close']} className="appointments-staff-time">
                <Input aria-label={t('appointments.staff.closes')} placeholder="17:00" />
              </Form.Item>
            </div>
          ))}
        </div>
        <Typography.Title level={5}>{t('appointments.staff.extraDays')}</Typography.Title>
        <p className="appointments-note">{t('appointments.extraNote')}</p>
        <Form.List name="extraDays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} className="appointments-staff-row" data-testid="extra-day">
                  <Form.Item name={[field.name, 'day']} className="appointments-staff-date">
                    <Input aria-label={t('appointments.day')} placeholder="2026-12-12" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'open']} className="appointments-staff-time">
                    <Input aria-label={t('appointments.staff.opens')} placeholder="09:00" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'close']} className="appointments-staff-time">
                    <Input aria-label={t('appointments.staff.closes')} placeholder="12:00" />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('appointments.staff.remove')}</Button>
                </div>
              ))}
              <Button onClick={() => add({ day: '', open: '09:00', close: '12:00' })}>
                {t('appointments.staff.addExtraDay')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('appointments.staff.rules')}</Typography.Title>
        <div className="appointments-staff-rules">
          {RULES.map((rule) => (
            <Form.Item key={rule} name={rule} label={t(`appointments.staff.rule.${rule}`)}>
              <InputNumber data-testid={`rule-${rule}`} />
            </Form.Item>
          ))}
        </div>
        {saving.problem ? <Alert type="error" showIcon message={saving.problem} /> : null}
        <Button type="primary" htmlType="submit" loading={saving.busy} data-testid="settings-save">
          {t('appointments.staff.save')}
        </Button>
      </Form>
    </Card>
  );
}
