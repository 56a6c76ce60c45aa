import '../catalogue.css';
import './catalogue-workbench.css';
import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWrite } from '../../api/mutation.ts';
import { useMe } from '../../auth/session.ts';
import { LoadError } from '../../components/status.tsx';
import { useLabels } from '../labels.ts';
import { catalogueApi, IMPLEMENTATIONS, useImplementation } from './api.ts';
import { Completeness } from './Completeness.tsx';
import { DocumentPreview } from './DocumentPreview.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { StatusTag } from './StatusTag.tsx';
import { VersionHistory } from './VersionHistory.tsx';

/** /workbench/catalogue/:id — one implementation: its draft in the editor, its completeness and versions. */
export function ImplementationPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const detail = useImplementation(id);
  const write = useWrite<{ action: () => Promise<unknown>; done: string }>({
    action: ({ action }) => action(),
    invalidates: [IMPLEMENTATIONS],
    toast: true,
    onSuccess: (_, { done }) => message.success(done),
  });
  const { data: me } = useMe();
  const mayEdit = me?.roles.some((r) => r.role === 'catalogue_editor' || r.role === 'system_admin') ?? false;

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const impl = detail.data;
  const open = impl.draft;
  const latest = impl.versions[0];
  const act = (action: () => Promise<unknown>, done: string) => write.run({ action, done });

  return (
    <div data-testid="implementation-page">
      <Link to="/workbench/catalogue">
        <ArrowLeftOutlined /> {t('catalogue.staff.listTitle')}
      </Link>
      <div className="catalogue-toolbar">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="implementation-title">
          {open?.document.name ?? impl.published?.document.name ?? latest?.name}
        </Typography.Title>
        {latest ? <StatusTag status={latest.status} /> : null}
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} className="implementation-facts">
        <Descriptions.Item label={t('catalogue.staff.code')}>{impl.code}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.staff.basicMatter')}>
          {impl.basicMatter.name}（{impl.basicMatter.code} · {labels.matterType[impl.basicMatter.matterType]}
          ）
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.staff.department')}>
          {impl.departmentName} · {impl.regionName}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          {open?.status === 'draft' && mayEdit ? (
            <Card
              size="small"
              title={`${t('catalogue.staff.draftOf', { version: open.versionNo })} · ${t('catalogue.staff.rev', { rev: open.rev })}`}
            >
              <DraftEditor key={`${open.versionNo}-${open.rev}`} implementationId={impl.id} draft={open} />
            </Card>
          ) : (
            <Card size="small">
              {open?.status === 'under_review' ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('catalogue.staff.underReview')}
                  style={{ marginBottom: 12 }}
                />
              ) : null}
              {!open && mayEdit ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('catalogue.staff.noDraft')}
                  style={{ marginBottom: 12 }}
                  action={
                    <Button
                      type="primary"
                      icon={<EditOutlined />}
                      data-testid="new-draft"
                      onClick={() => void act(() => catalogueApi.openDraft(impl.id), t('common.created'))}
                    >
                      {t('catalogue.staff.newDraft')}
                    </Button>
                  }
                />
              ) : null}
              {(open ?? impl.published) ? (
                <DocumentPreview document={(open ?? impl.published)!.document} />
              ) : null}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={7}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {open?.status === 'draft' && mayEdit ? (
              <Card size="small">
                <Completeness implementationId={impl.id} draft={open} />
              </Card>
            ) : null}
            <Card size="small" title={t('catalogue.staff.history')}>
              <VersionHistory
                implementationId={impl.id}
                versions={impl.versions}
                publishedNo={impl.published?.versionNo}
              />
            </Card>
            {impl.published && mayEdit ? (
              <Popconfirm
                title={t('catalogue.staff.retireConfirm')}
                onConfirm={() => act(() => catalogueApi.retire(impl.id), t('catalogue.staff.retired'))}
              >
                <Button danger block icon={<StopOutlined />}>
                  {t('catalogue.staff.retire')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Col>
      </Row>
    </div>
  );
}
