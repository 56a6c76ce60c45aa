import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../common/cases/state-machine.ts';
import { noticeUrl } from './api.ts';
import type { CaseDetail } from './types.ts';

const NOTICE_OF: Partial<Record<CaseAction, string>> = {
  accept: 'acceptance',
  accept_with_gaps: 'acceptance',
  not_accept: 'non_acceptance',
  request_supplement: 'supplement',
  approve: 'approval',
  approve_on_promise: 'approval',
  deny: 'denial',
};

/** The notices the case has produced so far, newest kind last. */
export function noticesOf(detail: CaseDetail): string[] {
  const kinds: string[] = [];
  for (const event of detail.timeline) {
    const kind = NOTICE_OF[event.action];
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** Download (applicant) or print (staff) links of the case's notices, as PDFs. */
export function CaseNotices({ detail, print = false }: { detail: CaseDetail; print?: boolean }) {
  const { t } = useTranslation();
  const kinds = detail.notices ?? noticesOf(detail);
  if (kinds.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noNotices')} />;
  }
  return (
    <Space wrap data-testid="case-notices">
      {kinds.map((kind) => (
        <a
          key={kind}
          href={noticeUrl(detail.id, kind)}
          target={print ? '_blank' : undefined}
          rel="noreferrer"
          download={print ? undefined : `${detail.caseNo}-${kind}.pdf`}
          data-testid={`notice-${kind}`}
        >
          <Button icon={print ? <PrinterOutlined /> : <FilePdfOutlined />}>
            {print ? `${t('cases.staff.printNotice')} ` : ''}
            {t(`cases.notice.${kind as 'acceptance'}`)}
          </Button>
        </a>
      ))}
    </Space>
  );
}
