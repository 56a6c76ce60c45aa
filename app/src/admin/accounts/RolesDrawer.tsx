import { App, Button, Drawer, Empty, Form, List, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_WIDE_ROLES, ROLES, type Role } from '../../../../common/roles.ts';
import { api } from '../../api/client.ts';
import { applyApiError, messageOf } from '../../api/form-errors.ts';
import { OrganisationSelect } from '../shared/OrganisationSelect.tsx';
import { RegionSelect } from '../shared/RegionSelect.tsx';
import type { Account } from '../shared/types.ts';

type GrantValues = { role: Role; organisationId?: string; regionCode?: string };
const STAFF_ROLES = ROLES.filter((r) => r !== 'applicant');

/** The roles an account holds, with grant and revoke. */
export function RolesDrawer({
  account,
  onClose,
  onChanged,
}: {
  account: Account | null;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const regionWide = !!role && REGION_WIDE_ROLES.includes(role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const grant = async (values: GrantValues) => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/accounts/${account.id}/roles`, {
        role: values.role,
        ...(regionWide ? { regionCode: values.regionCode } : { organisationId: values.organisationId }),
      });
      message.success(t('common.saved'));
      form.resetFields();
      await onChanged();
    } catch (e) {
      setError(applyApiError(form, e, t('common.conflict')));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (assignmentId: string) => {
    if (!account) return;
    try {
      await api.delete(`/api/accounts/${account.id}/roles/${assignmentId}`);
      message.success(t('common.saved'));
      await onChanged();
    } catch (e) {
      message.error(messageOf(e, t('common.conflict')));
    }
  };

  return (
    <Drawer
      open={!!account}
      onClose={onClose}
      title={account ? t('admin.account.rolesOf', { name: account.displayName }) : ''}
      size={480}
    >
      {account && account.roles.length > 0 ? (
        <List
          dataSource={account.roles}
          renderItem={(r) => (
            <List.Item
              actions={
                r.id
                  ? [
                      <Popconfirm
                        key="revoke"
                        title={t('admin.account.revokeConfirm')}
                        onConfirm={() => revoke(r.id as string)}
                      >
                        <Button type="link" danger size="small">
                          {t('admin.account.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Tag color="blue">{t(`roles.${r.role}`)}</Tag>
              {r.organisationName ?? r.regionName ?? ''}
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('workbench.noRoles')} />
      )}
      <Form<GrantValues> form={form} layout="vertical" onFinish={grant} style={{ marginTop: 24 }}>
        {error ? (
          <div className="ant-form-item-explain-error" style={{ marginBottom: 12 }}>
            {error}
          </div>
        ) : null}
        <Form.Item
          name="role"
          label={t('admin.account.role')}
          rules={[{ required: true, message: t('common.required', { label: t('admin.account.role') }) }]}
        >
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {regionWide ? (
          <Form.Item
            name="regionCode"
            label={t('admin.account.regionScope')}
            rules={[
              { required: true, message: t('common.required', { label: t('admin.account.regionScope') }) },
            ]}
          >
            <RegionSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="organisationId"
            label={t('admin.account.organisationScope')}
            rules={[
              {
                required: true,
                message: t('common.required', { label: t('admin.account.organisationScope') }),
              },
            ]}
          >
            <OrganisationSelect currentName={account?.organisationName} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('admin.account.grant')}
        </Button>
      </Form>
    </Drawer>
  );
}
