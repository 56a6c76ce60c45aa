import { Empty, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/status.tsx';
import { useKnowledge } from './api.ts';

/**
 * 试一试: a question as a caller might put it, searched the way the operators search the knowledge
 * base on 12345受理 (the FAQ entries and the catalogue's guides).
 */
export function FaqTry() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useKnowledge(q);
  const faq = found.data?.faq ?? [];
  const guides = found.data?.guides ?? [];
  return (
    <div data-testid="faq-try">
      <Typography.Paragraph type="secondary">{t('hotline.faq.tryHint')}</Typography.Paragraph>
      <Input.Search
        allowClear
        onSearch={(text) => setQ(text.trim())}
        placeholder={t('hotline.faq.tryPlaceholder')}
        enterButton={t('common.search')}
        maxLength={100}
        data-testid="faq-try-q"
      />
      {found.isError ? <LoadError error={found.error} onRetry={() => void found.refetch()} /> : null}
      {q && found.isSuccess && faq.length + guides.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.faq.tryNone')} />
      ) : null}
      {faq.length + guides.length > 0 ? (
        <List
          size="small"
          loading={found.isFetching}
          dataSource={[
            ...faq.map((f) => ({ key: `faq-${f.id}`, faq: true, title: f.question, extra: f.keywords })),
            ...guides.map((g) => ({
              key: `guide-${g.matterId}`,
              faq: false,
              title: g.name,
              extra: g.departmentName ?? '',
            })),
          ]}
          renderItem={(hit) => (
            <List.Item data-testid="faq-try-hit" data-source={hit.faq ? 'faq' : 'guide'}>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={hit.faq ? 'blue' : 'green'}>
                      {t(hit.faq ? 'hotline.faq.tryFaq' : 'hotline.faq.tryGuides')}
                    </Tag>
                    {hit.title}
                  </span>
                }
                description={hit.extra || null}
              />
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
