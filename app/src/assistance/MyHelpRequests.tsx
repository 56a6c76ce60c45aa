import { App, Button, Card, List, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { LoadError } from '../components/status.tsx';
import { cancelHelp, type HelpRequest, MINE, useMyHelpRequests } from './api.ts';
import { HelpButton } from './HelpButton.tsx';

const COLORS: Record<HelpRequest['status'], string> = {
  open: 'blue',
  taken: 'green',
  done: 'default',
  cancelled: 'default',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);

/** 我的帮办请求 in 我的空间: the unfinished ones with their status and a cancel, else the last one. */
export function MyHelpRequests() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyHelpRequests();
  const cancel = useWrite<string, HelpRequest>({
    action: cancelHelp,
    invalidates: [MINE],
    toast: true,
    refreshOnError: true,
    onSuccess: () => message.success(t('assistance.cancelled')),
  });
  const items = mine.data ?? [];
  const unfinished = items.filter((r) => r.status === 'open' || r.status === 'taken');
  const shown = unfinished.length ? unfinished : items.slice(0, 1);
  return (
    <Card
      title={t('assistance.mine')}
      extra={<HelpButton />}
      style={{ marginTop: 16 }}
      data-testid="my-help-requests"
    >
      {mine.isError ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <List
        loading={mine.isPending}
        dataSource={shown}
        locale={{ emptyText: t('assistance.none') }}
        renderItem={(r) => (
          <List.Item
            data-testid="my-help-request"
            actions={
              r.status === 'open' || r.status === 'taken'
                ? [
                    <Popconfirm
                      key="cancel"
                      title={t('assistance.cancelConfirm')}
                      onConfirm={() => void cancel.run(r.id)}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                    >
                      <Button danger size="small" data-testid="help-cancel">
                        {t('assistance.cancel')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color={COLORS[r.status]} data-testid="my-help-status">
                    {t(`assistance.status.${r.status}`)}
                  </Tag>
                  {r.hallName}
                </>
              }
              description={
                <>
                  <div>{t('assistance.askedAt', { time: when(r.createdAt) })}</div>
                  {r.matterName ? <div>{r.matterName}</div> : null}
                  {r.status === 'taken' && r.takenByName ? (
                    <div>{t('assistance.takenBy', { name: r.takenByName })}</div>
                  ) : null}
                  {r.outcome ? <div>{r.outcome}</div> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
