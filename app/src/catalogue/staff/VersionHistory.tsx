import { Button, Drawer, Skeleton, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status.tsx';
import { useVersion } from './api.ts';
import { DiffTable } from './DiffTable.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { VersionSummary } from './types.ts';

const when = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN') : '—');

type Props = { implementationId: string; versions: VersionSummary[]; publishedNo: number | undefined };

/** Every version of the implementation; each can be read, and compared with the published one. */
export function VersionHistory({ implementationId, versions, publishedNo }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ versionNo: number; diff: boolean } | null>(null);
  return (
    <>
      <Table<VersionSummary>
        size="small"
        rowKey="versionNo"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={versions}
        data-testid="version-history"
        expandable={{
          rowExpandable: (v) => Boolean(v.reviewComment),
          expandedRowRender: (v) => t('catalogue.staff.reviewComment', { comment: v.reviewComment }),
        }}
        columns={[
          { title: t('catalogue.staff.version'), dataIndex: 'versionNo', render: (v: number) => `v${v}` },
          {
            title: t('catalogue.staff.status'),
            dataIndex: 'status',
            render: (_: unknown, v) => <StatusTag status={v.status} />,
          },
          {
            title: t('catalogue.staff.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string) => when(v).replace(' ', '\n'),
          },
          {
            title: '',
            render: (_: unknown, v) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setShown({ versionNo: v.versionNo, diff: false })}
                >
                  {t('catalogue.staff.viewVersion')}
                </Button>
                {publishedNo !== undefined && v.versionNo !== publishedNo ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setShown({ versionNo: v.versionNo, diff: true })}
                  >
                    {t('catalogue.staff.compare')}
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Drawer
        open={shown !== null}
        size={760}
        title={shown ? `v${shown.versionNo}` : ''}
        onClose={() => setShown(null)}
        destroyOnHidden
      >
        {shown?.diff ? (
          <DiffTable implementationId={implementationId} from={publishedNo} to={shown.versionNo} />
        ) : shown ? (
          <VersionView implementationId={implementationId} versionNo={shown.versionNo} />
        ) : null}
      </Drawer>
    </>
  );
}

function VersionView({ implementationId, versionNo }: { implementationId: string; versionNo: number }) {
  const version = useVersion(implementationId, versionNo);
  if (version.isPending) return <Skeleton active />;
  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  return <DocumentPreview document={version.data.document} />;
}
