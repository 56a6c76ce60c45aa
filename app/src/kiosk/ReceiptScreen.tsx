import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/types.ts';
import type { Guide } from '../catalogue/types.ts';
import type { KioskDevice, KioskSession } from './api.ts';
import './messages.ts';

type Props = {
  created: CaseDetail;
  guide: Guide;
  device: KioskDevice;
  session: KioskSession;
  onAnother: () => void;
  onFinish: () => void;
};

const dateTime = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso))
    : '';

/** The application receipt (申请回执) with the case number and query code, printable. */
export function ReceiptScreen({ created, guide, device, session, onAnother, onFinish }: Props) {
  const { t } = useTranslation();
  const promised = guide.document.promisedLimit.value;
  const rows: [string, string, string?][] = [
    [t('kiosk.receipt.caseNo'), created.caseNo, 'kiosk-case-no'],
    [t('kiosk.receipt.queryCode'), created.queryCode, 'kiosk-query-code'],
    [t('kiosk.receipt.matter'), created.matterName],
    [t('kiosk.receipt.applicant'), `${session.applicant.displayName}（${session.applicant.idNumber}）`],
    [t('kiosk.receipt.submittedAt'), dateTime(created.submittedAt)],
    [t('kiosk.receipt.hall'), `${device.hall.name} · ${device.name}`],
    [
      t('kiosk.receipt.promised'),
      promised === 0 ? t('kiosk.receipt.immediate') : t('kiosk.receipt.promisedDays', { count: promised }),
    ],
  ];
  return (
    <div className="kiosk-receipt" data-testid="kiosk-receipt">
      <div className="kiosk-receipt-done no-print">
        <CheckCircleFilled />
        <h1>{t('kiosk.receipt.title')}</h1>
      </div>
      <article className="kiosk-receipt-paper" aria-label={t('kiosk.receipt.heading')}>
        <h2>{t('kiosk.receipt.heading')}</h2>
        <dl>
          {rows.map(([label, value, testId]) => (
            <div key={label} className="kiosk-receipt-row">
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="kiosk-receipt-note">{t('kiosk.receipt.lookUp')}</p>
      </article>
      <Alert type="warning" showIcon className="kiosk-block no-print" title={t('kiosk.receipt.takeCard')} />
      <div className="kiosk-actions no-print">
        <Button
          size="large"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="kiosk-print"
        >
          {t('kiosk.receipt.print')}
        </Button>
        <Button size="large" onClick={onAnother}>
          {t('kiosk.receipt.another')}
        </Button>
        <Button type="primary" size="large" onClick={onFinish} data-testid="kiosk-finish">
          {t('kiosk.receipt.finish')}
        </Button>
      </div>
    </div>
  );
}
