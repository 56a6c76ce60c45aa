import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useMe } from '../auth/session.ts';
import { LoadError } from '../components/status.tsx';
import type { Region } from '../regions/types.ts';
import { useRegionSettings } from './api.ts';
import type { RegionSettingsKey } from './messages.zh-CN.ts';
import { SettingsForm } from './SettingsForm.tsx';
import './region-settings.css';
import './messages.ts';

const SETTING_ROLES = ['supervisor', 'system_admin'];

/** The regions the user may set: those of the supervisor's or administrator's grants, and the ones just below. */
function useSettableRegions() {
  const { data: me } = useMe();
  const granted = (me?.roles ?? [])
    .filter((r) => SETTING_ROLES.includes(r.role) && r.regionCode)
    .map((r) => ({ code: r.regionCode!, name: r.regionName ?? r.regionCode! }));
  const unique = [...new Map(granted.map((r) => [r.code, r])).values()];
  const children = useQuery({
    queryKey: ['/api/regions', 'children-of', unique.map((r) => r.code)],
    queryFn: async () =>
      (
        await Promise.all(unique.map((r) => api.get<{ items: Region[] }>('/api/regions', { parent: r.code })))
      ).flatMap((answer) => answer.items),
    enabled: unique.length > 0,
  });
  return [...unique, ...(children.data ?? []).map((r) => ({ code: r.code, name: r.name }))];
}

/**
 * /workbench/region-settings — 评价考核设置: pick a region, see every value with where it comes
 * from (the region itself, an ancestor, or the defaults), change it or take the inherited one again.
 */
export function RegionSettingsPage() {
  const { t } = useTranslation();
  const m = (key: RegionSettingsKey) => t(`regionSettings.${key}`);
  const regions = useSettableRegions();
  const [picked, setPicked] = useState<string | undefined>();
  const code = picked ?? regions[0]?.code;
  const view = useRegionSettings(code);
  return (
    <div data-testid="region-settings-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.regionSettings')}</Typography.Title>
      </div>
      <Card>
        <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{m('region')}</span>
          <Select
            value={code}
            onChange={setPicked}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="settings-region"
          />
          {view.data && (
            <Typography.Text type="secondary">
              {t('regionSettings.version', { name: view.data.regionName, version: view.data.version })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {view.isPending && code && <Spin style={{ display: 'block', margin: 24 }} />}
      {view.error && <LoadError error={view.error} onRetry={() => view.refetch()} />}
      {view.data && (
        <SettingsForm
          key={`${view.data.regionCode}@${view.data.version}`}
          view={view.data}
          onReload={() => view.refetch()}
        />
      )}
    </div>
  );
}
