import './kiosk.css';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useWrite } from '../api/mutation.ts';
import { Emblem } from '../components/Emblem.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { fetchDevice } from './api.ts';
import { loadKioskConfig, saveKioskConfig } from './config.ts';
import type { ReaderConfig } from './reader.ts';
import './messages.ts';

type Values = { token: string; reader: ReaderConfig['kind']; url?: string };

/**
 * /kiosk/setup — the device token is entered once (or given as ?token= when the kiosk is
 * provisioned by a link) and checked with the server before it is kept in localStorage.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stored = loadKioskConfig();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('reader', form);

  /** The token is checked with the server before it is kept. */
  const check = useWrite<Values>({
    action: (values) => fetchDevice(values.token.trim()),
    onSuccess: (_, values) => {
      const reader: ReaderConfig =
        values.reader === 'local_service' && values.url
          ? { kind: 'local_service', url: values.url.trim() }
          : { kind: 'simulated' };
      saveKioskConfig({ token: values.token.trim(), reader });
      navigate('/kiosk', { replace: true });
    },
  });
  const save = (values: Values) => void check.run(values);
  const { problem, busy } = check;

  return (
    <div className="kiosk kiosk-setup" data-testid="kiosk-setup">
      <header className="kiosk-header">
        <div className="kiosk-brand">
          <Emblem size={56} />
          <div className="kiosk-brand-name">{t('kiosk.setup.title')}</div>
        </div>
      </header>
      <main className="kiosk-main">
        <p className="kiosk-hint">{t('kiosk.setup.intro')}</p>
        <Form
          form={form}
          layout="vertical"
          size="large"
          onFinish={save}
          initialValues={{
            token: params.get('token') ?? '',
            reader: stored?.reader.kind ?? 'simulated',
            url: stored?.reader.kind === 'local_service' ? stored.reader.url : '',
          }}
        >
          <Form.Item
            name="token"
            label={t('kiosk.setup.token')}
            rules={[{ required: true, whitespace: true, message: t('kiosk.setup.tokenRequired') }]}
          >
            <Input.Password autoComplete="off" data-testid="kiosk-token" />
          </Form.Item>
          <Form.Item name="reader" label={t('kiosk.setup.reader')}>
            <Radio.Group className="kiosk-radios">
              <Radio value="simulated">{t('kiosk.setup.simulated')}</Radio>
              <Radio value="local_service">{t('kiosk.setup.localService')}</Radio>
            </Radio.Group>
          </Form.Item>
          {kind === 'local_service' ? (
            <Form.Item
              name="url"
              label={t('kiosk.setup.readerUrl')}
              extra={t('kiosk.setup.readerUrlHint')}
              rules={[{ required: true, type: 'url' }]}
            >
              <Input placeholder="http://127.0.0.1:19196/readcard" />
            </Form.Item>
          ) : null}
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem}
              className="kiosk-block"
              data-testid="kiosk-setup-error"
            />
          ) : null}
          <div className="kiosk-actions">
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              loading={busy}
              data-testid="kiosk-setup-save"
            >
              {t('kiosk.setup.save')}
            </Button>
          </div>
        </Form>
      </main>
      <footer className="kiosk-footer">
        <span>{t('kiosk.help')}</span>
        <LanguageSwitch />
      </footer>
    </div>
  );
}
