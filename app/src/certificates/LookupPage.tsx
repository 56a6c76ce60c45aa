import './certificates.css';
import { AuditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCreditCode, isResidentIdNumber, maskIdNumber } from '../../../common/identity.ts';
import { LoadError, Loading } from '../components/status.tsx';
import { lookUpCertificates } from './api.ts';
import { CertificateCard } from './CertificateCard.tsx';
import type { HolderKind } from './types.ts';

type Values = { holderLogin: string };
type Search = { holderKind: HolderKind; holderLogin: string; at: number };

function useLookup(search: Search | null) {
  return useQuery({
    // Each press of 查询 is a new look-up (and a new audit record), never an answer from the cache.
    queryKey: ['/api/certificates/lookup', search],
    queryFn: () => lookUpCertificates(search!.holderKind, search!.holderLogin),
    enabled: search !== null,
    gcTime: 0,
    retry: false,
  });
}

/** /workbench/certificates — 证照查询: a holder's certificates authorised to the clerk's office or cases. */
export function LookupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [holderKind, setHolderKind] = useState<HolderKind>('company');
  const [search, setSearch] = useState<Search | null>(null);
  const result = useLookup(search);
  const person = holderKind === 'person';
  const loginLabel = person ? t('certificates.lookup.idNumber') : t('certificates.lookup.creditCode');
  return (
    <div className="page lookup-page" data-testid="lookup-page">
      <Typography.Title level={3}>{t('certificates.lookup.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <p className="wallet-intro">{t('certificates.lookup.intro')}</p>
        <Alert
          type="warning"
          showIcon
          icon={<AuditOutlined />}
          title={t('certificates.lookup.audited')}
          style={{ marginBottom: 16 }}
          data-testid="lookup-audited"
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            setSearch({ holderKind, holderLogin: v.holderLogin.trim().toUpperCase(), at: Date.now() })
          }
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} md={7}>
              <Form.Item label={t('certificates.lookup.holderKind')}>
                <Segmented<HolderKind>
                  block
                  value={holderKind}
                  onChange={(kind) => {
                    setHolderKind(kind);
                    form.resetFields();
                  }}
                  options={[
                    { value: 'company', label: t('certificates.lookup.company') },
                    { value: 'person', label: t('certificates.lookup.person') },
                  ]}
                  data-testid="lookup-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={11}>
              <Form.Item
                name="holderLogin"
                label={loginLabel}
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      const text = value?.trim().toUpperCase() ?? '';
                      const valid = person ? isResidentIdNumber(text) : isCreditCode(text);
                      if (!valid) {
                        throw new Error(
                          person
                            ? t('certificates.lookup.invalidIdNumber')
                            : t('certificates.lookup.invalidCreditCode'),
                        );
                      }
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" data-testid="lookup-login" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  loading={result.isFetching}
                  data-testid="lookup-search"
                >
                  {t('certificates.lookup.search')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {search ? <Results search={search} result={result} /> : null}
    </div>
  );
}

function Results({ search, result }: { search: Search; result: ReturnType<typeof useLookup> }) {
  const { t } = useTranslation();
  if (result.isPending) return <Loading />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  const items = result.data.items;
  const who = search.holderKind === 'person' ? maskIdNumber(search.holderLogin) : search.holderLogin;
  if (items.length === 0) {
    return (
      <Card data-testid="lookup-none">
        <Empty description={`${who}：${t('certificates.lookup.none')}`} />
      </Card>
    );
  }
  return (
    <div data-testid="lookup-results">
      <Typography.Paragraph>
        {who} · {t('certificates.lookup.found', { count: items.length })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {items.map((c) => (
          <Col xs={24} md={12} key={c.id}>
            <CertificateCard certificate={c} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
