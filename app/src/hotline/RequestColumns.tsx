import { Space, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KIND_LABELS, type RequestKind, type RequestStatus } from '../../../common/hotline/lists.ts';
import { type RequestSummary, useLabel } from './api.ts';
import { DueCell, isDone, StatusTag } from './Tags.tsx';

type RequestColumn = ColumnType<RequestSummary>;

/**
 * The columns of a 12345 request that every list of requests shows alike: its number (opening the
 * detail under `detailPath`), kind, title (with the primary department or the status under it, as
 * `underTitle` says), requester, status and due day with its warnings.
 */
export function useRequestColumns(options: { detailPath: string; underTitle: 'department' | 'status' }) {
  const { t } = useTranslation();
  const label = useLabel();
  const no: RequestColumn = {
    title: t('hotline.list.no'),
    dataIndex: 'requestNo',
    width: 190,
    render: (requestNo: string, row) => <Link to={`${options.detailPath}/${row.id}`}>{requestNo}</Link>,
  };
  const kind: RequestColumn = {
    title: t('hotline.list.kind'),
    dataIndex: 'kind',
    width: 90,
    render: (k: RequestKind) => label(KIND_LABELS, k),
  };
  const title: RequestColumn = {
    title: t('hotline.list.titleCol'),
    dataIndex: 'title',
    render: (text: string, row) => (
      <Space orientation="vertical" size={0}>
        <span>{text}</span>
        {options.underTitle === 'status' ? <StatusTag status={row.status} /> : null}
        {options.underTitle === 'department' && row.primaryDepartmentName ? (
          <Typography.Text type="secondary">{row.primaryDepartmentName}</Typography.Text>
        ) : null}
      </Space>
    ),
  };
  const requester: RequestColumn = {
    title: t('hotline.list.requester'),
    dataIndex: 'requesterName',
    width: 110,
  };
  const status: RequestColumn = {
    title: t('hotline.list.status'),
    dataIndex: 'status',
    width: 100,
    render: (s: RequestStatus) => <StatusTag status={s} />,
  };
  const due: RequestColumn = {
    title: t('hotline.list.due'),
    key: 'due',
    width: 130,
    render: (_: unknown, row) => (
      <DueCell
        dueDate={row.dueDate}
        warning={row.warning}
        escalated={!!row.escalatedAt}
        done={isDone(row.status)}
      />
    ),
  };
  return { no, kind, title, requester, status, due };
}
