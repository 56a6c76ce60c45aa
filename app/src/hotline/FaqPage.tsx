import { App, Button, Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../api/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError } from '../components/status.tsx';
import type { Organisation } from '../organisations/types.ts';
import { FAQ, type FaqView, KNOWLEDGE, saveFaq, useFaq } from './api.ts';
import { FaqEditor } from './FaqEditor.tsx';
import { FaqTry } from './FaqTry.tsx';
import type { HotlineKey } from './messages.zh-CN.ts';
import './hotline.css';

type Activity = 'active' | 'inactive';

/**
 * /workbench/hotline-faq — 知识库维护: the FAQ entries by text, region, department and whether
 * they are active; add, edit, deactivate or activate again; 试一试 shows what the operators find.
 */
export function FaqPage() {
  const { t } = useTranslation();
  const f = (key: HotlineKey<'faq'>) => t(`hotline.faq.${key}`);
  const [q, setQ] = useState('');
  const [region, setRegion] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [activity, setActivity] = useState<Activity | undefined>();
  const [editing, setEditing] = useState<FaqView | 'new' | null>(null);
  const list = useFaq(q);
  const departments = useList<Organisation>('/api/organisations', { kind: 'department', limit: 500 });
  const names = new Map((departments.data?.items ?? []).map((o) => [o.id, o.name]));
  const all = list.data?.items ?? [];
  const rows = all.filter(
    (e) =>
      (!region || e.regionCode === region) &&
      (!department || e.departmentId === department) &&
      (!activity || e.active === (activity === 'active')),
  );
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return (
    <div data-testid="hotline-faq-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.hotlineFaq')}</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="faq-add">
          {f('add')}
        </Button>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: 16, order: 1 }}>
          <Card>
            <Typography.Paragraph type="secondary">{f('intro')}</Typography.Paragraph>
            <Space wrap className="hotline-filters">
              <Input.Search
                allowClear
                placeholder={f('search')}
                onSearch={(text) => setQ(text.trim())}
                maxLength={100}
                style={{ width: 240 }}
                data-testid="faq-q"
              />
              <Select<string>
                allowClear
                placeholder={f('region')}
                value={region}
                onChange={setRegion}
                style={{ width: 130 }}
                options={[...new Map(all.map((e) => [e.regionCode, e.regionName ?? e.regionCode]))]
                  .sort((x, y) => x[1].localeCompare(y[1], 'zh-CN'))
                  .map(([value, label]) => ({ value, label }))}
              />
              <Select<string>
                allowClear
                placeholder={f('departmentCol')}
                value={department}
                onChange={setDepartment}
                style={{ width: 200 }}
                options={distinct(all.map((e) => e.departmentId)).map((id) => ({
                  value: id,
                  label: names.get(id) ?? id,
                }))}
              />
              <Select<Activity>
                allowClear
                placeholder={f('status')}
                value={activity}
                onChange={setActivity}
                style={{ width: 110 }}
                options={[
                  { value: 'active', label: f('activeOn') },
                  { value: 'inactive', label: f('activeOff') },
                ]}
                data-testid="faq-activity"
              />
            </Space>
            {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
            <FaqTable
              rows={rows}
              loading={list.isPending}
              names={names}
              onEdit={(entry) => setEditing(entry)}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xxl={{ span: 8, order: 2 }}>
          <Card title={f('tryTitle')}>
            <FaqTry />
          </Card>
        </Col>
      </Row>
      {editing ? (
        <FaqEditor
          entry={editing === 'new' ? null : editing}
          departmentName={
            editing !== 'new' && editing.departmentId ? (names.get(editing.departmentId) ?? null) : null
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function FaqTable(props: {
  rows: FaqView[];
  loading: boolean;
  names: Map<string, string>;
  onEdit: (entry: FaqView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = (key: HotlineKey<'faq'>) => t(`hotline.faq.${key}`);
  const toggle = useWrite<FaqView, FaqView>({
    action: (e) =>
      saveFaq(
        {
          question: e.question,
          answer: e.answer,
          keywords: e.keywords,
          regionCode: e.regionCode,
          departmentId: e.departmentId,
          active: !e.active,
        },
        e.id,
      ),
    toast: true,
    refreshOnError: true,
    invalidates: [FAQ, KNOWLEDGE],
    onSuccess: (saved) => message.success(f(saved.active ? 'activated' : 'deactivated')),
  });
  return (
    <Table<FaqView>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1080 }}
      locale={{ emptyText: f('none') }}
      onRow={(row) =>
        ({
          'data-testid': 'faq-entry',
          'data-active': row.active,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: f('question'),
          dataIndex: 'question',
          width: 300,
          render: (question: string, row) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{question}</Typography.Text>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {row.answer}
              </Typography.Paragraph>
            </Space>
          ),
        },
        { title: f('keywordsCol'), dataIndex: 'keywords', width: 160 },
        {
          title: f('region'),
          dataIndex: 'regionCode',
          width: 100,
          render: (code: string, e) => <span title={code}>{e.regionName ?? code}</span>,
        },
        {
          title: f('departmentCol'),
          dataIndex: 'departmentId',
          width: 150,
          render: (id: string | null) => (id ? (props.names.get(id) ?? '') : ''),
        },
        {
          title: f('status'),
          dataIndex: 'active',
          width: 80,
          render: (active: boolean) => (
            <Tag color={active ? 'green' : 'default'}>{f(active ? 'activeOn' : 'activeOff')}</Tag>
          ),
        },
        { title: f('updatedAt'), dataIndex: 'updatedAt', width: 140, render: (at: string) => formatTime(at) },
        {
          title: '',
          key: 'actions',
          width: 130,
          fixed: 'right',
          render: (_: unknown, row) => (
            <Space size={4}>
              <Button size="small" onClick={() => props.onEdit(row)} data-testid="faq-edit">
                {f('edit')}
              </Button>
              <Button
                size="small"
                danger={row.active}
                disabled={toggle.busy}
                onClick={() => void toggle.run(row)}
                data-testid="faq-toggle"
              >
                {f(row.active ? 'deactivate' : 'activate')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
