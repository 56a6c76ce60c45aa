import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from '../components/rules.ts';
import { OrganisationSelect } from '../organisations/OrganisationSelect.tsx';
import type { Account } from './types.ts';

export type AccountValues = {
  login: string;
  displayName: string;
  password?: string;
  organisationId: string;
  phone?: string;
  email?: string;
};

/** Fields of the create/edit dialog for a staff account. */
export function AccountFields({ editing }: { editing: Account | null }) {
  const { t } = useTranslation();
  const { required } = useRules();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="login" label={t('login.username')} rules={[required(t('login.username'))]}>
          <Input maxLength={32} disabled={!!editing} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="displayName"
          label={t('admin.account.displayName')}
          rules={[required(t('admin.account.displayName'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      {editing ? null : (
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('admin.account.initialPassword')}
            rules={[
              required(t('admin.account.initialPassword')),
              { min: 8, message: t('register.passwordRule') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item
          name="organisationId"
          label={t('admin.account.organisation')}
          rules={[required(t('admin.account.organisation'))]}
        >
          <OrganisationSelect currentName={editing?.organisationName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="phone"
          label={t('register.phone')}
          extra={editing?.phone ? t('admin.account.phoneKept', { phone: editing.phone }) : undefined}
          rules={[{ pattern: /^1\d{10}$/, message: t('register.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="email"
          label={t('admin.account.email')}
          rules={[{ type: 'email', message: t('admin.account.emailInvalid') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
