import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListAnswer } from '../api/lists.ts';
import { PAGE_SIZE } from '../api/usePagedList.ts';
import { LoadError } from './status.tsx';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  list: UseQueryResult<ListAnswer<T>>;
  /** The page shown and how to turn it; without it the list is shown whole. */
  paging?: { page: number; onChange: (page: number) => void };
};

/** A table of a list from the API: loading while it fetches, a retry when it fails, pages when asked. */
export function ListTable<T extends object>({ list, paging, ...table }: Props<T>) {
  const { t } = useTranslation();
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      scroll={{ x: 'max-content' }}
      {...table}
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      pagination={
        paging
          ? {
              current: paging.page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: paging.onChange,
            }
          : false
      }
    />
  );
}
