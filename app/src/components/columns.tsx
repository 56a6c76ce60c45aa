import { Button, Tag } from 'antd';
import type { TFunction } from 'i18next';

export function ActiveTag({ active, t }: { active: boolean; t: TFunction }) {
  return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}

/** The 状态 column of a list of things that can be deactivated. */
export function activeColumn(t: TFunction) {
  return {
    title: t('common.status'),
    dataIndex: 'active',
    key: 'active',
    render: (active: boolean) => <ActiveTag active={active} t={t} />,
  };
}

/** The 操作 column with only 编辑, or no column when the user may not change the rows. */
export function editColumn<T>(t: TFunction, manage: boolean, onEdit: (row: T) => void) {
  return manage
    ? [
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, row: T) => (
            <Button type="link" size="small" onClick={() => onEdit(row)}>
              {t('common.edit')}
            </Button>
          ),
        },
      ]
    : [];
}
