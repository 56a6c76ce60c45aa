import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tree, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { FormModal } from '../components/FormModal.tsx';
import { useRules } from '../components/rules.ts';
import { LoadError } from '../components/status.tsx';
import { RegionSelect } from './RegionSelect.tsx';
import type { Region, RegionDetail } from './types.ts';

type Node = { key: string; title: string; isLeaf: boolean; children?: Node[] };
type ChildValues = { code: string; name: string };

const toNode = (r: Region): Node => ({
  key: r.code,
  title: `${r.name}（${r.code}）`,
  isLeaf: !r.hasChildren,
});

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

const children = (parent?: string) =>
  api.get<{ items: Region[] }>('/api/regions', { parent }).then((a) => a.items);

/** 行政区划: the region tree; streets and communities can be added and renamed. */
export function RegionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tree, setTree] = useState<Node[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'child' | 'rename' | null>(null);
  const [childForm] = Form.useForm<ChildValues>();
  const [renameForm] = Form.useForm<{ name: string }>();

  const loadRoots = useCallback(async () => {
    try {
      setLoadError(null);
      const roots = await children();
      let nodes = roots.map(toNode);
      // Open the tree down to the first city so the demo region is in view.
      const first = roots.length === 1 ? roots[0] : undefined;
      if (first?.hasChildren) {
        const below = await children(first.code);
        nodes = withChildren(nodes, first.code, below.map(toNode));
        setExpanded([first.code]);
      }
      setTree(nodes);
    } catch (e) {
      setLoadError(e);
    }
  }, []);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  const detail = useQuery({
    queryKey: ['/api/regions', 'detail', selected],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${selected}`),
    enabled: !!selected,
  });

  const reloadChildren = async (code: string | null) => {
    if (!code) return loadRoots();
    const below = await children(code);
    setTree((nodes) => withChildren(nodes, code, below.map(toNode)));
  };

  const region = detail.data;
  const mayAddChild = region && (region.level === 'district' || region.level === 'street');
  const mayRename = region && (region.level === 'street' || region.level === 'community');

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={3}>{t('workbench.regions')}</Typography.Title>
        <RegionSelect
          style={{ width: 260 }}
          placeholder={t('admin.searchRegion')}
          onChange={(code) => code && setSelected(code)}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small">
            {loadError ? (
              <LoadError error={loadError} onRetry={() => void loadRoots()} />
            ) : (
              <Tree<Node>
                treeData={tree}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : null)}
                loadData={async (node) => {
                  if (node.children) return;
                  await reloadChildren(node.key);
                }}
                height={560}
                data-testid="region-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={region ? region.name : t('admin.region.pick')}>
            {detail.isError ? (
              <LoadError error={detail.error} />
            ) : region ? (
              <>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('admin.region.code')}>{region.code}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.region.name')}>{region.name}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.region.level')}>
                    {t(`admin.regionLevels.${region.level}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.region.path')}>
                    {[...region.ancestors.map((a) => a.name), region.name].join(' / ')}
                  </Descriptions.Item>
                </Descriptions>
                <Space wrap>
                  {mayAddChild ? (
                    <Button icon={<PlusOutlined />} onClick={() => setDialog('child')}>
                      {region.level === 'district'
                        ? t('admin.region.addStreet')
                        : t('admin.region.addCommunity')}
                    </Button>
                  ) : null}
                  {mayRename ? (
                    <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
                      {t('admin.region.rename')}
                    </Button>
                  ) : null}
                </Space>
              </>
            ) : (
              <Typography.Text type="secondary">{t('admin.region.pickHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <FormModal<ChildValues>
        open={dialog === 'child' && !!region}
        title={region?.level === 'district' ? t('admin.region.addStreet') : t('admin.region.addCommunity')}
        form={childForm}
        initialValues={{ code: region?.code ?? '' }}
        onSubmit={async (values) => {
          if (!region) return;
          await api.post('/api/regions', {
            parentCode: region.code,
            code: values.code.trim(),
            name: values.name.trim(),
          });
        }}
        onSaved={async () => {
          if (!region) return;
          message.success(t('common.created'));
          await reloadChildren(region.code);
          setExpanded((keys) => [...new Set([...keys, region.code])]);
        }}
        onClose={() => setDialog(null)}
      >
        <Form.Item
          name="code"
          label={t('admin.region.code')}
          extra={t('admin.region.codeRule', { parent: region?.code ?? '' })}
          rules={[
            { required: true, message: t('common.required', { label: t('admin.region.code') }) },
            { pattern: /^\d{9}(\d{3})?$/, message: t('admin.region.codeInvalid') },
          ]}
        >
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
        <RegionNameItem />
      </FormModal>
      <FormModal<{ name: string }>
        open={dialog === 'rename' && !!region}
        title={t('admin.region.rename')}
        form={renameForm}
        initialValues={{ name: region?.name }}
        onSubmit={async (values) => {
          if (!region) return;
          await api.patch(`/api/regions/${region.code}`, { name: values.name.trim() });
        }}
        invalidates={[['/api/regions', 'detail', region?.code]]}
        onSaved={async () => {
          message.success(t('common.saved'));
          if (region) await reloadChildren(region.parentCode);
        }}
        onClose={() => setDialog(null)}
      >
        <RegionNameItem />
      </FormModal>
    </div>
  );
}

function RegionNameItem() {
  const { t } = useTranslation();
  const { required } = useRules();
  return (
    <Form.Item name="name" label={t('admin.region.name')} rules={[required(t('admin.region.name'))]}>
      <Input maxLength={50} />
    </Form.Item>
  );
}
