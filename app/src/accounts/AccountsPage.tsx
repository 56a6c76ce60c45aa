import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../common/roles.ts';
import { api } from '../api/client.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { EditorModal } from '../components/EditorModal.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { ListTable } from '../components/ListTable.tsx';
import { useAction, useEditor } from '../components/useEditor.ts';
import { OrganisationSelect } from '../organisations/OrganisationSelect.tsx';
import { AccountFields, type AccountValues } from './AccountForm.tsx';
import { RolesDrawer } from './RolesDrawer.tsx';
import type { Account } from './types.ts';

type Filter = { q?: string; organisationId?: string; role?: Role };

/** 账号与角色: staff accounts and the roles they hold. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { list, paging, search } = usePagedList<Account, Filter>('/api/accounts');
  const editor = useEditor<Account, AccountValues>({
    create: (values) =>
      api.post('/api/accounts', {
        login: values.login.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        organisationId: values.organisationId,
        phone: values.phone?.trim() || null,
        email: values.email?.trim() || null,
      }),
    update: (account, values) => {
      const phone = values.phone?.trim() || undefined;
      return api.patch(`/api/accounts/${account.id}`, {
        version: account.version,
        displayName: values.displayName.trim(),
        organisationId: values.organisationId,
        email: values.email?.trim() || null,
        // The list shows the phone masked: it is only sent when a new one is typed.
        ...(phone ? { phone } : {}),
      });
    },
    invalidates: ['/api/accounts'],
  });
  const [resetting, setResetting] = useState<Account | null>(null);
  const [rolesOf, setRolesOf] = useState<string | null>(null);
  const [passwordForm] = Form.useForm<{ password: string }>();
  const run = useAction(['/api/accounts']);
  const act = (account: Account, action: 'activate' | 'deactivate' | 'unlock') =>
    run(() => api.post(`/api/accounts/${account.id}/${action}`, {}));

  const locked = (a: Account) => !!a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();
  const rolesAccount = list.data?.items.find((a) => a.id === rolesOf) ?? null;

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.accounts')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
          {t('admin.account.create')}
        </Button>
      </div>
      <FilterBar<Filter>
        onSearch={(values) => search({ ...values, q: values.q?.trim() || undefined })}
        onReset={() => search({})}
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
      </FilterBar>
      <ListTable<Account>
        list={list}
        paging={paging}
        data-testid="accounts-table"
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
                <Button type="link" size="small" onClick={() => editor.edit(a)}>
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
      <EditorModal
        editor={editor}
        titles={{ create: t('admin.account.create'), edit: t('admin.account.edit') }}
        valuesOf={(account) => ({
          login: account.login,
          displayName: account.displayName,
          organisationId: account.organisationId ?? undefined,
          email: account.email ?? undefined,
        })}
      >
        <AccountFields editing={editor.current} />
      </EditorModal>
      <FormModal<{ password: string }>
        open={resetting !== null}
        title={t('admin.account.resetPasswordOf', { name: resetting?.displayName ?? '' })}
        form={passwordForm}
        onSubmit={async ({ password }) => {
          if (!resetting) return;
          await api.post(`/api/accounts/${resetting.id}/reset-password`, { password });
        }}
        invalidates={['/api/accounts']}
        onSaved={() => message.success(t('common.saved'))}
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
      <RolesDrawer account={rolesAccount} onClose={() => setRolesOf(null)} />
    </div>
  );
}
