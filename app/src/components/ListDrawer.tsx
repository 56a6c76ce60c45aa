import { Drawer, Grid } from 'antd';
import type { TablePaginationConfig } from 'antd/es/table';
import type { ReactNode } from 'react';

/** Rows a page of a list drawer shows. */
export const DRAWER_PAGE_SIZE = 20;

type Props<T> = {
  /** What the drawer lists; null: closed. */
  target: T | null;
  onClose: () => void;
  title: (target: T) => ReactNode;
  testId: string;
  /** The list; it goes when the drawer closes, so the next target starts afresh. */
  children: (target: T) => ReactNode;
};

/**
 * A drawer listing what lies behind a figure: 1100 px wide on a desktop, the whole screen on a
 * tablet or phone.
 */
export function ListDrawer<T>({ target, onClose, title, testId, children }: Props<T>) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      destroyOnHidden
      size={screens.lg ? 1100 : '100%'}
      title={target ? title(target) : ''}
      data-testid={testId}
    >
      {target ? children(target) : null}
    </Drawer>
  );
}

/** A list drawer's paging: pages of DRAWER_PAGE_SIZE rows, none shown when one page holds them all. */
export function drawerPaging(
  page: number,
  total: number,
  onChange: (page: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize: DRAWER_PAGE_SIZE,
    total,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange,
  };
}
