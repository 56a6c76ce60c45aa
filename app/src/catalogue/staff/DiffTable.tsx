import { Empty, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/status.tsx';
import { useDiff, useVersion } from './api.ts';
import { describeFormChange, type FormChange } from './form/changes.ts';
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
  // Both documents, to name the form's sections, fields and options in its changes.
  const before = useVersion(implementationId, from);
  const after = useVersion(implementationId, to);
  if (from === undefined) return <Empty description={t('catalogue.staff.firstVersion')} />;
  if (diff.isPending) return <Skeleton active />;
  if (diff.isError) return <LoadError error={diff.error} onRetry={() => void diff.refetch()} />;
  if (diff.data.length === 0) return <Empty description={t('catalogue.staff.noChanges')} />;
  const sides = { before: before.data?.document, after: after.data?.document };
  const rows = diff.data.map((c) => ({ ...c, form: describeFormChange(t, c, sides) }));
  return (
    <Table<Change & { form: FormChange | null }>
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={rows}
      data-testid="diff-table"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('catalogue.staff.path'),
          dataIndex: 'path',
          render: (p: string, c) =>
            c.form ? (
              <span className="diff-where" title={p} data-testid="diff-where">
                {c.form.where.join(' › ')}
              </span>
            ) : (
              <code>{p}</code>
            ),
        },
        {
          title: t('catalogue.staff.before'),
          dataIndex: 'before',
          render: (v: unknown, c) => <pre className="diff-before">{c.form ? c.form.before : show(v)}</pre>,
        },
        {
          title: t('catalogue.staff.after'),
          dataIndex: 'after',
          render: (v: unknown, c) => <pre className="diff-after">{c.form ? c.form.after : show(v)}</pre>,
        },
      ]}
    />
  );
}
