import '../cases/cases.css';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client.ts';
import type { ListAnswer } from '../api/lists.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LoadError } from '../components/status.tsx';
import { chinaDate, pdfUrl } from './api.ts';
import { CertificateStatusTag } from './CertificateCard.tsx';
import type { CertificateStatus, IssuedCertificate } from './types.ts';

const ISSUED = '/api/certificates';
const PAGE_SIZE = 20;
const STATUSES: CertificateStatus[] = ['issued', 'changed', 'revoked', 'expired'];

type CertificateType = { code: string; name: string };

/** /workbench/issued-certificates — 已发证照: what the user's department or region issued; heads revoke. */
export function IssuedPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [status, setStatus] = useState<CertificateStatus | undefined>();
  const [typeCode, setTypeCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<IssuedCertificate | null>(null);
  const query = { status, typeCode, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({
    queryKey: [ISSUED, query],
    queryFn: () => api.get<ListAnswer<IssuedCertificate>>(ISSUED, query),
  });
  const types = useQuery({
    queryKey: ['/api/certificate-types'],
    queryFn: () => api.get<{ items: CertificateType[] }>('/api/certificate-types'),
    staleTime: 10 * 60_000,
  });
  const columns: ColumnsType<IssuedCertificate> = [
    {
      title: t('certificates.field.type'),
      dataIndex: 'typeName',
      width: 200,
      render: (name: string, c) => (
        <>
          <div>{name}</div>
          <div className="case-table-login" data-testid="issued-number">
            {c.number}
          </div>
        </>
      ),
    },
    {
      title: t('certificates.field.holder'),
      dataIndex: 'holderName',
      width: 200,
      render: (name: string, c) => (
        <>
          <div>{name}</div>
          <div className="case-table-login" data-testid="issued-holder-login">
            {c.holderLogin}
          </div>
        </>
      ),
    },
    { title: t('certificates.field.issuer'), dataIndex: 'issuerName', width: 130 },
    {
      title: `${t('certificates.field.issuedAt')} / ${t('certificates.field.validUntil')}`,
      dataIndex: 'issuedAt',
      width: 140,
      render: (at: string, c) => (
        <>
          <div>{chinaDate(at)}</div>
          <div className="case-table-login">{c.validUntil ?? t('certificates.field.noLimit')}</div>
        </>
      ),
    },
    {
      title: t('certificates.field.status'),
      dataIndex: 'status',
      width: 140,
      render: (s: CertificateStatus, c) => (
        <>
          <CertificateStatusTag status={s} />
          {c.revokeReason ? (
            <div className="case-table-login">
              {t('certificates.issued.reasonShown', { reason: c.revokeReason })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('certificates.issued.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_: unknown, c) => (
        <Space size="small" wrap>
          <Typography.Link href={pdfUrl(c.id)} target="_blank" rel="noopener">
            PDF
          </Typography.Link>
          {c.caseId ? (
            <Link to={`/workbench/cases/${c.caseId}`} state={{ from: pathname }}>
              {t('certificates.issued.case')}
            </Link>
          ) : null}
          {c.canRevoke ? (
            <Button danger size="small" onClick={() => setRevoking(c)} data-testid="issued-revoke">
              {t('certificates.issued.revoke')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="issued-page">
      <Typography.Title level={3}>{t('certificates.issued.title')}</Typography.Title>
      <p className="case-subtitle">{t('certificates.issued.intro')}</p>
      <Card>
        <Space className="case-block" wrap>
          <Select<CertificateStatus>
            allowClear
            placeholder={t('certificates.issued.allStatuses')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))}
            data-testid="issued-status"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('certificates.issued.allTypes')}
            style={{ width: 260 }}
            value={typeCode}
            loading={types.isPending}
            onChange={(v) => {
              setTypeCode(v);
              setPage(1);
            }}
            options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))}
            data-testid="issued-type"
          />
        </Space>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<IssuedCertificate>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            locale={{ emptyText: t('certificates.issued.empty') }}
            scroll={{ x: 960 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total,
              onChange: setPage,
              hideOnSinglePage: true,
              showTotal: (total) => t('certificates.issued.total', { count: total }),
            }}
            onRow={(c) =>
              ({ 'data-testid': 'issued-row', 'data-number': c.number }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      {revoking ? <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}

/** 撤销: the reason is required and shown on the public verification page's answer (revoked). */
function RevokeDialog({ certificate: c, onClose }: { certificate: IssuedCertificate; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('certificates.issued.revokeTitle', { type: c.typeName })}
      okText={t('certificates.issued.revoke')}
      danger
      hint={{ type: 'warning', text: t('certificates.issued.revokeHint') }}
      subject={`${c.number} · ${c.holderName}`}
      reasonLabel={t('certificates.issued.reason')}
      reasonRule={t('certificates.issued.reasonRule')}
      maxLength={500}
      send={(reason) => api.post(`${ISSUED}/${encodeURIComponent(c.id)}/revoke`, { reason })}
      done={t('certificates.issued.revoked')}
      refresh={[ISSUED]}
      testId="issued-revoke"
      onClose={onClose}
    />
  );
}
