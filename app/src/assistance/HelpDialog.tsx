import './assistance.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { Loading } from '../components/status.tsx';
import { fetchPopular } from '../kiosk/api.ts';
import { askForHelp, type HelpRequest, MINE, useHelpHalls, useMyHelpRequests } from './api.ts';
import { HelpFields, type HelpFormValues } from './HelpForm.tsx';

/** At a kiosk: its device token and whether an ID card was read. */
export type KioskHelp = { token: string; signedIn: boolean };

type Props = { open: boolean; onClose: () => void; kiosk?: KioskHelp };

/** 请帮我办: a simple large dialog to leave a phone number for the hall's helpers; then the request's status. */
export function HelpDialog({ open, onClose, kiosk }: Props) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<HelpRequest | null>(null);
  const close = () => {
    setSent(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('assistance.title')}
      onCancel={close}
      footer={null}
      width={kiosk ? 800 : 640}
      centered
      destroyOnHidden
      className={kiosk ? 'kiosk-modal help-dialog' : 'help-dialog'}
    >
      <div data-testid="help-dialog">
        {sent ? (
          <Sent request={sent} portal={!kiosk} onClose={close} />
        ) : kiosk ? (
          <KioskAsk kiosk={kiosk} onSent={setSent} />
        ) : (
          <PortalAsk onSent={setSent} />
        )}
      </div>
    </Modal>
  );
}

function PortalAsk({ onSent }: { onSent: (r: HelpRequest) => void }) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const location = useLocation();
  const halls = useHelpHalls(!!me && me.kind !== 'staff');
  if (isPending || (me && halls.isPending)) return <Loading />;
  if (!me || me.kind === 'staff')
    return (
      <Result
        status="info"
        title={t('assistance.signInFirst')}
        extra={
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            <Button type="primary" size="large">
              {t('assistance.signIn')}
            </Button>
          </Link>
        }
      />
    );
  const data = halls.data;
  return (
    <Ask
      halls={data?.items ?? []}
      initial={{ hallId: data?.suggested ?? data?.items[0]?.id, phone: data?.phone ?? undefined }}
      onSent={onSent}
    />
  );
}

/** At a kiosk the matter is one of the hall's popular ones. */
function KioskAsk({ kiosk, onSent }: { kiosk: KioskHelp; onSent: (r: HelpRequest) => void }) {
  const popular = useQuery({
    queryKey: ['kiosk-popular', 'help', kiosk.token],
    queryFn: () => fetchPopular(kiosk.token),
    staleTime: 300_000,
  });
  return <Ask kiosk={kiosk} matters={popular.data ?? []} onSent={onSent} />;
}

type AskProps = {
  kiosk?: KioskHelp;
  halls?: { id: string; name: string; address: string }[];
  initial?: HelpFormValues;
  matters?: { implementationId: string; name: string }[];
  onSent: (r: HelpRequest) => void;
};

function Ask({ kiosk, halls, initial, matters, onSent }: AskProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HelpFormValues>();
  const ask = useWrite<HelpFormValues, HelpRequest>({
    action: (values) =>
      askForHelp(
        {
          ...values,
          name: values.name?.trim() || undefined,
          note: values.note?.trim() || undefined,
          phone: values.phone?.trim() || undefined,
        },
        kiosk?.token,
      ),
    form,
    invalidates: kiosk ? [] : [MINE],
    onSuccess: onSent,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void ask.run(v)}
      size="large"
    >
      <p className="help-intro">{t('assistance.intro')}</p>
      {ask.problem ? <Alert type="error" showIcon title={ask.problem} style={{ marginBottom: 16 }} /> : null}
      <HelpFields
        halls={halls}
        askName={!!kiosk && !kiosk.signedIn}
        phoneRequired={!kiosk?.signedIn}
        matters={matters}
      />
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={ask.busy}
        data-testid="help-submit"
      >
        {t('assistance.submit')}
      </Button>
    </Form>
  );
}

/** What was sent and where it stands (on the portal, read again while the dialog is open). */
function Sent({ request, portal, onClose }: { request: HelpRequest; portal: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mine = useMyHelpRequests(portal);
  const current = mine.data?.find((r) => r.id === request.id) ?? request;
  return (
    <Result
      status="success"
      title={<span data-testid="help-sent">{t('assistance.submitted')}</span>}
      subTitle={
        <>
          {current.hallName} ·{' '}
          <Tag color={current.status === 'taken' ? 'green' : 'blue'} data-testid="help-sent-status">
            {t(`assistance.status.${current.status}`)}
          </Tag>
          {current.takenByName ? t('assistance.takenBy', { name: current.takenByName }) : null}
        </>
      }
      extra={
        <Button size="large" onClick={onClose} data-testid="help-close">
          {t('assistance.close')}
        </Button>
      }
    />
  );
}
