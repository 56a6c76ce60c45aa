import { Empty, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status.tsx';
import { useDiff } from './api.ts';
import type { Change } from './types.ts';

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value || '（空）';
  return JSON.stringify(value, null, 1);
}

type Props = { implementationId: string; from: number | undefined; to: number };

/** The fields that differ between two versions, before and after. */
export function DiffTable({ implementationId, from, to }: Props) {
  const { t } = useTranslation();
  const diff = useDiff(implementationId, from, to);
  if (from === undefined) return <Empty description={t('catalogue.staff.firstVersion')} />;
  if (diff.isPending) return <Skeleton active />;
  if (diff.isError) return <LoadError error={diff.error} onRetry={() => void diff.refetch()} />;
  if (diff.data.length === 0) return <Empty description={t('catalogue.staff.noChanges')} />;
  return (
    <Table<Change>
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={diff.data}
      data-testid="diff-table"
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('catalogue.staff.path'), dataIndex: 'path', render: (p: string) => <code>{p}</code> },
        {
          title: t('catalogue.staff.before'),
          dataIndex: 'before',
          render: (v: unknown) => <pre className="diff-before">{show(v)}</pre>,
        },
        {
          title: t('catalogue.staff.after'),
          dataIndex: 'after',
          render: (v: unknown) => <pre className="diff-after">{show(v)}</pre>,
        },
      ]}
    />
  );
}
