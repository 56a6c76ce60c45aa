import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ListAnswer } from '../api/lists.ts';
import type { MatterSummary } from '../catalogue/types.ts';
import { fetchPopular, type KioskDevice, type KioskSession } from './api.ts';
import './messages.ts';

/** What the screen needs of a matter, from the popular list or the catalogue search. */
export type ChosenMatter = { implementationId: string; name: string };

type Props = {
  token: string;
  device: KioskDevice;
  session: KioskSession;
  onChoose: (matter: ChosenMatter) => void;
};

type Line = {
  implementationId: string;
  name: string;
  departmentName: string;
  caseType: string;
  promisedLimit: number;
  applied?: number;
};

/** The greeting, a search over the catalogue of the kiosk's region and the hall's popular matters. */
export function MatterScreen({ token, device, session, onChoose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const popular = useQuery({
    queryKey: ['kiosk-popular', device.hall.id],
    queryFn: () => fetchPopular(token),
    staleTime: 300_000,
  });
  const search = useQuery({
    queryKey: ['/api/catalogue/search', 'kiosk', device.hall.regionCode, q],
    queryFn: () =>
      api.get<ListAnswer<MatterSummary>>('/api/catalogue/search', {
        q,
        region: device.hall.regionCode,
        object: 'person',
        limit: 8,
      }),
    enabled: q !== '',
  });
  const lines: Line[] | undefined = q ? search.data?.items : popular.data;
  const pending = q ? search.isPending : popular.isPending;

  return (
    <div className="kiosk-matters" data-testid="kiosk-matters">
      <div className="kiosk-greeting">
        <h1 data-testid="kiosk-greeting">
          {t('kiosk.matters.greeting', { name: session.applicant.displayName })}
        </h1>
        <span data-testid="kiosk-masked-id">
          {t('kiosk.matters.idNumber', { number: session.applicant.idNumber })}
        </span>
      </div>
      <form
        className="kiosk-search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <Input
          size="large"
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setQ('');
          }}
          placeholder={t('kiosk.matters.search')}
          prefix={<SearchOutlined />}
          data-testid="kiosk-search"
        />
        <Button type="primary" size="large" htmlType="submit" data-testid="kiosk-search-button">
          {t('kiosk.matters.searchButton')}
        </Button>
      </form>
      <h2 className="kiosk-section-title">{q ? t('kiosk.matters.results') : t('kiosk.matters.popular')}</h2>
      {pending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : lines && lines.length > 0 ? (
        <ul className="kiosk-matter-grid" data-testid="kiosk-matter-list">
          {lines.map((m) => (
            <li key={m.implementationId}>
              <button
                type="button"
                className="kiosk-matter"
                data-testid="kiosk-matter"
                onClick={() => onChoose({ implementationId: m.implementationId, name: m.name })}
              >
                <span className="kiosk-matter-name">{m.name}</span>
                <span className="kiosk-matter-meta">
                  {m.departmentName} ·{' '}
                  {m.caseType === 'immediate'
                    ? t('kiosk.matters.immediate')
                    : t('kiosk.matters.promised', { count: m.promisedLimit })}
                  {m.applied ? ` · ${t('kiosk.matters.applied', { count: m.applied })}` : ''}
                </span>
                <RightOutlined className="kiosk-matter-arrow" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kiosk-empty">{t('kiosk.matters.noResults')}</p>
      )}
    </div>
  );
}
