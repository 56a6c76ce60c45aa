import { Alert, App, Button, Drawer, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SETTING_RANGES } from '../../../../common/tickets/settings-ranges.ts';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { HALLS, settingsPath, useTicketSettings } from './api.ts';
import type { TicketSettings, TicketSettingsBody } from './types.ts';
import './messages.ts';

const FIELDS = ['waitGoalMinutes', 'dailyLimitPerPerson', 'nearNoticeAhead'] as const;
type Values = Pick<TicketSettings, (typeof FIELDS)[number]>;

/** 取号设置 of a hall in a drawer: the wait goal, the daily limit per person and the near notice. */
export function SettingsDrawer({
  hallId,
  open,
  onClose,
}: {
  hallId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = useTicketSettings(hallId, open);
  return (
    <Drawer title={t('hallBoard.settingsTitle')} open={open} onClose={onClose} destroyOnHidden width={360}>
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isPending ? <Loading /> : null}
      {settings.data ? (
        <SettingsForm
          key={`${hallId}:${settings.data.updatedAt}`}
          hallId={hallId}
          settings={settings.data}
          onSaved={onClose}
        />
      ) : null}
    </Drawer>
  );
}

function SettingsForm({
  hallId,
  settings,
  onSaved,
}: {
  hallId: string;
  settings: TicketSettings;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const saving = useWrite<TicketSettingsBody, TicketSettings>({
    action: (body) => api.put(settingsPath(hallId), body),
    invalidates: [HALLS],
    refreshOnError: true,
    form,
    onSuccess: () => {
      message.success(t('hallBoard.saved'));
      onSaved();
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={settings}
      data-testid="ticket-settings"
      onFinish={(values) => void saving.run({ ...values, updatedAt: settings.updatedAt })}
    >
      {FIELDS.map((field) => (
        <Form.Item key={field} name={field} label={t(`hallBoard.${field}`)} rules={[{ required: true }]}>
          <InputNumber
            data-testid={`setting-${field}`}
            min={SETTING_RANGES[field].min}
            max={SETTING_RANGES[field].max}
            precision={0}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ))}
      {saving.problem ? (
        <Alert type="error" showIcon message={saving.problem} className="hall-board-problem" />
      ) : null}
      <Button type="primary" htmlType="submit" loading={saving.busy} data-testid="settings-save">
        {t('hallBoard.save')}
      </Button>
    </Form>
  );
}
