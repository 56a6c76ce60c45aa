import { App, Button, Drawer, Empty, Form, List, Popconfirm, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { REGION_WIDE_ROLES, ROLES, type Role } from '../../../common/roles.ts';
import { api } from '../api/client.ts';
import { useWrite } from '../api/mutation.ts';
import { OrganisationSelect } from '../organisations/OrganisationSelect.tsx';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import type { Account } from './types.ts';

type GrantValues = { role: Role; organisationId?: string; regionCode?: string };
const STAFF_ROLES = ROLES.filter((r) => r !== 'applicant');

/** The roles an account holds, with grant and revoke. */
export function RolesDrawer({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const regionWide = !!role && REGION_WIDE_ROLES.includes(role);
  const grant = useWrite<{ accountId: string; values: GrantValues }>({
    action: ({ accountId, values }) =>
      api.post(`/api/accounts/${accountId}/roles`, {
        role: values.role,
        ...(regionWide ? { regionCode: values.regionCode } : { organisationId: values.organisationId }),
      }),
    form,
    invalidates: ['/api/accounts'],
    onSuccess: () => {
      message.success(t('common.saved'));
      form.resetFields();
    },
  });
  const revoke = useWrite<{ accountId: string; assignmentId: string }>({
    action: ({ accountId, assignmentId }) => api.delete(`/api/accounts/${accountId}/roles/${assignmentId}`),
    toast: true,
    invalidates: ['/api/accounts'],
    onSuccess: () => message.success(t('common.saved')),
  });

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
                        onConfirm={() =>
                          account && revoke.run({ accountId: account.id, assignmentId: r.id as string })
                        }
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
      <Form<GrantValues>
        form={form}
        layout="vertical"
        onFinish={(values) => account && grant.run({ accountId: account.id, values })}
        style={{ marginTop: 24 }}
      >
        {grant.problem ? (
          <div className="ant-form-item-explain-error" style={{ marginBottom: 12 }}>
            {grant.problem}
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
        <Button type="primary" htmlType="submit" loading={grant.busy}>
          {t('admin.account.grant')}
        </Button>
      </Form>
    </Drawer>
  );
}
