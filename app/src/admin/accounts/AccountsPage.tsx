import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/roles.ts';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { useList } from '../../api/lists.ts';
import { LoadError } from '../../components/status.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { OrganisationSelect } from '../shared/OrganisationSelect.tsx';
import type { Account } from '../shared/types.ts';
import { useRefresh } from '../shared/useRefresh.ts';
import { AccountFields, type AccountValues } from './AccountForm.tsx';
import { RolesDrawer } from './RolesDrawer.tsx';

type Filter = { q?: string; organisationId?: string; role?: Role };
const PAGE_SIZE = 20;

/** 账号与角色: staff accounts and the roles they hold. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useList<Account>('/api/accounts', {
    ...filter,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const refresh = useRefresh('/api/accounts');
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [rolesOf, setRolesOf] = useState<string | null>(null);
  const [form] = Form.useForm<AccountValues>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [filterForm] = Form.useForm<Filter>();

  const save = async (values: AccountValues) => {
    const phone = values.phone?.trim() || undefined;
    const email = values.email?.trim() || null;
    if (editing === 'new') {
      await api.post('/api/accounts', {
        login: values.login.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        organisationId: values.organisationId,
        phone: phone ?? null,
        email,
      });
      message.success(t('common.created'));
    } else if (editing) {
      await api.patch(`/api/accounts/${editing.id}`, {
        version: editing.version,
        displayName: values.displayName.trim(),
        organisationId: values.organisationId,
        email,
        // The list shows the phone masked: it is only sent when a new one is typed.
        ...(phone ? { phone } : {}),
      });
      message.success(t('common.saved'));
    }
    await refresh();
  };

  const act = async (account: Account, action: 'activate' | 'deactivate' | 'unlock') => {
    try {
      await api.post(`/api/accounts/${account.id}/${action}`, {});
      message.success(t('common.saved'));
    } catch (e) {
      message.error(messageOf(e, t('common.conflict')));
    }
    await refresh();
  };

  const locked = (a: Account) => !!a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();
  const rolesAccount = list.data?.items.find((a) => a.id === rolesOf) ?? null;

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.accounts')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('admin.account.create')}
        </Button>
      </div>
      <Form<Filter>
        form={filterForm}
        layout="inline"
        className="filter-bar"
        onFinish={(values) => {
          setPage(1);
          setFilter({ ...values, q: values.q?.trim() || undefined });
        }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('admin.account.searchName')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="organisationId">
          <OrganisationSelect
            allowClear
            placeholder={t('admin.account.organisation')}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="role">
          <Select
            allowClear
            placeholder={t('admin.account.role')}
            style={{ width: 160 }}
            options={ROLES.filter((r) => r !== 'applicant').map((r) => ({
              value: r,
              label: t(`roles.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                setPage(1);
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Account>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="accounts-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          columns={[
            { title: t('login.username'), dataIndex: 'login', key: 'login' },
            { title: t('admin.account.displayName'), dataIndex: 'displayName', key: 'name' },
            {
              title: t('admin.account.organisation'),
              dataIndex: 'organisationName',
              key: 'org',
              responsive: ['md'],
            },
            {
              title: t('workbench.roles'),
              key: 'roles',
              responsive: ['lg'],
              render: (_, a) => (
                <Space size={[0, 4]} wrap>
                  {a.roles.map((r) => (
                    <Tag key={`${r.id}-${r.role}`} color="blue">
                      {t(`roles.${r.role}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('register.phone'), dataIndex: 'phone', key: 'phone', responsive: ['xl'] },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, a) =>
                !a.active ? (
                  <Tag>{t('common.inactive')}</Tag>
                ) : locked(a) ? (
                  <Tag color="orange">{t('admin.account.locked')}</Tag>
                ) : (
                  <Tag color="green">{t('common.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, a) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(a)}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setRolesOf(a.id)}>
                    {t('admin.account.roles')}
                  </Button>
                  <Dropdown
                    menu={{
                      items: [
                        { key: 'reset', label: t('admin.account.resetPassword') },
                        ...(locked(a) ? [{ key: 'unlock', label: t('admin.account.unlock') }] : []),
                        a.active
                          ? { key: 'deactivate', label: t('admin.deactivate'), danger: true }
                          : { key: 'activate', label: t('admin.activate') },
                      ],
                      onClick: ({ key }) => {
                        if (key === 'reset') setResetting(a);
                        else if (key === 'unlock') void act(a, 'unlock');
                        else
                          modal.confirm({
                            title:
                              key === 'deactivate'
                                ? t('admin.account.deactivateConfirm')
                                : t('admin.account.activateConfirm'),
                            okText: t('common.confirm'),
                            cancelText: t('common.cancel'),
                            onOk: () => act(a, key as 'activate' | 'deactivate'),
                          });
                      },
                    }}
                  >
                    <Button type="link" size="small">
                      {t('admin.more')}
                    </Button>
                  </Dropdown>
                </Space>
              ),
            },
          ]}
        />
      )}
      <FormModal<AccountValues>
        open={editing !== null}
        title={editing === 'new' ? t('admin.account.create') : t('admin.account.edit')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? {
                login: editing.login,
                displayName: editing.displayName,
                organisationId: editing.organisationId ?? undefined,
                email: editing.email ?? undefined,
              }
            : undefined
        }
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <AccountFields editing={editing === 'new' ? null : editing} />
      </FormModal>
      <FormModal<{ password: string }>
        open={resetting !== null}
        title={t('admin.account.resetPasswordOf', { name: resetting?.displayName ?? '' })}
        form={passwordForm}
        onSubmit={async ({ password }) => {
          if (!resetting) return;
          await api.post(`/api/accounts/${resetting.id}/reset-password`, { password });
          message.success(t('common.saved'));
          await refresh();
        }}
        onClose={() => setResetting(null)}
      >
        <Form.Item
          name="password"
          label={t('admin.account.newPassword')}
          rules={[
            { required: true, message: t('common.required', { label: t('admin.account.newPassword') }) },
            { min: 8, message: t('register.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
      <RolesDrawer account={rolesAccount} onClose={() => setRolesOf(null)} onChanged={refresh} />
    </div>
  );
}
