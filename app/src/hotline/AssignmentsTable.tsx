import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSIGNMENT_ROLE_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  type AssignmentRole,
  type AssignmentStatus,
} from '../../../common/hotline/lists.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { type AssignmentView, REQUESTS, reviewReturn, useLabel } from './api.ts';

const STATUS_COLORS: Record<AssignmentStatus, string> = {
  assigned: 'blue',
  returned: 'orange',
  replied: 'green',
  withdrawn: 'default',
};

/**
 * The departments of a request with their part, where each stands, the reason of a 退单 and the
 * reply; the office reviews a return waiting for it (accept → 改派, or reject).
 */
export function AssignmentsTable({
  rows,
  requestNo,
  readOnly = false,
}: {
  rows: AssignmentView[];
  requestNo: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [reviewing, setReviewing] = useState<{ row: AssignmentView; accept: boolean } | null>(null);
  const reviewable = (row: AssignmentView) => !readOnly && row.status === 'returned' && !row.returnReview;
  const anyReview = rows.some(reviewable);
  return (
    <>
      <Table<AssignmentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(row) =>
          ({
            'data-testid': 'hotline-assignment',
            'data-department': row.departmentName,
            'data-status': row.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('hotline.detail.assignments'), dataIndex: 'departmentName', width: 150 },
          {
            title: t('hotline.tasks.role'),
            dataIndex: 'role',
            width: 80,
            render: (role: AssignmentRole) => label(ASSIGNMENT_ROLE_LABELS, role),
          },
          {
            title: t('hotline.list.status'),
            dataIndex: 'status',
            width: 170,
            render: (status: AssignmentStatus, row) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[status]}>{label(ASSIGNMENT_STATUS_LABELS, status)}</Tag>
                {row.returnReview ? (
                  <Tag>
                    {t(
                      row.returnReview === 'accepted' ? 'hotline.review.accepted' : 'hotline.review.rejected',
                    )}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('hotline.detail.reply'),
            key: 'text',
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={2}>
                {row.returnReason ? (
                  <Typography.Text type="warning" data-testid="assignment-return-reason">
                    {t('hotline.detail.returnReason')}：{row.returnReason}
                  </Typography.Text>
                ) : null}
                {row.reply ? <span className="hotline-text">{row.reply}</span> : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            hidden: !anyReview,
            render: (_: unknown, row) =>
              reviewable(row) ? (
                <Space orientation="vertical" size={4}>
                  <Button
                    type="primary"
                    size="small"
                    data-testid="review-accept"
                    onClick={() => setReviewing({ row, accept: true })}
                  >
                    {t('hotline.review.accept')}
                  </Button>
                  <Button
                    size="small"
                    data-testid="review-reject"
                    onClick={() => setReviewing({ row, accept: false })}
                  >
                    {t('hotline.review.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {reviewing ? (
        <ReasonDialog
          title={t('hotline.review.title')}
          okText={t(reviewing.accept ? 'hotline.review.accept' : 'hotline.review.reject')}
          danger={!reviewing.accept}
          hint={{ type: 'info', text: t('hotline.review.hint') }}
          subject={`${requestNo} · ${reviewing.row.departmentName}：${reviewing.row.returnReason ?? ''}`}
          reasonLabel={t('hotline.review.note')}
          reasonRule={t('hotline.review.noteRule')}
          maxLength={2000}
          send={(note) => reviewReturn(reviewing.row.id, reviewing.accept, note)}
          done={t('hotline.review.done')}
          refresh={[REQUESTS]}
          testId="hotline-review"
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </>
  );
}
