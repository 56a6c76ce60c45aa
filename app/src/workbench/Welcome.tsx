import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session.ts';
import { pagesFor, pathOf } from './menu.ts';

/** The workbench's first page: who you are, where you work, what you may do. */
export function Welcome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const pages = pagesFor(me).filter((p) => p !== 'home');
  return (
    <div>
      <Typography.Title level={3} data-testid="welcome-title">
        {t('workbench.welcome', { name: me.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions column={1}>
              <Descriptions.Item label={t('workbench.organisation')}>
                <span data-testid="welcome-organisation">{me.organisationName ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.roles')}>
                {me.roles.length === 0 ? (
                  t('workbench.noRoles')
                ) : (
                  <div className="role-list" data-testid="welcome-roles">
                    {me.roles.map((r) => (
                      <div key={`${r.role}-${r.organisationId ?? r.regionCode}`}>
                        <Tag color="blue">{t(`roles.${r.role}`)}</Tag>
                        <span className="role-scope">{r.organisationName ?? r.regionName ?? ''}</span>
                      </div>
                    ))}
                  </div>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('workbench.quickLinks')}>
            {pages.length === 0 ? (
              <Empty description={t('workbench.noRoles')} />
            ) : (
              <div className="quick-links">
                {pages.map((p) => (
                  <Link
                    key={p}
                    to={pathOf(p)}
                    className="quick-link"
                    {...(p === 'bigScreen' ? { target: '_blank', rel: 'noopener' } : {})}
                  >
                    {t(`workbench.${p === 'review' ? 'reviewQueue' : p}`)}
                  </Link>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
