import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import {
  CONTENT_MAX,
  KIND_LABELS,
  REQUEST_KINDS,
  type RequestKind,
  TITLE_MAX,
} from '../../../common/hotline/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { MINE, type PortalBody, type RequestView, submitFromPortal, useLabel, useMine } from './api.ts';
import { StatusTag } from './Tags.tsx';
import './hotline.css';

type Values = { kind: RequestKind; title: string; content: string; regionCode: string };

/** /my/hotline — 12345 留言: a signed-in citizen writes to the hotline and reads the replies. */
export function PortalPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  if (!me) return <Navigate to="/login?next=/my/hotline" replace />;
  if (me.kind === 'staff') return <Navigate to="/workbench" replace />;
  return (
    <div className="page" data-testid="hotline-portal">
      <Typography.Title level={2} className="section-title">
        {t('hotline.portal.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hotline.portal.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card>
            <MessageForm region={me.region?.code ?? null} regionName={me.region?.name ?? null} />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('hotline.portal.mine')}>
            <MyRequests />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function MessageForm({ region, regionName }: { region: string | null; regionName: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const rule = (key: 'kind' | 'titleField' | 'content' | 'region') => [
    {
      required: true,
      whitespace: key !== 'region' && key !== 'kind',
      message: t('hotline.take.required', { label: t(`hotline.take.${key}`) }),
    },
  ];
  const write = useWrite<PortalBody, RequestView>({
    action: submitFromPortal,
    form,
    invalidates: [MINE],
    onSuccess: (request) => {
      message.success(t('hotline.portal.sent', { no: request.requestNo }));
      form.resetFields(['title', 'content']);
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'consult', ...(region ? { regionCode: region } : {}) }}
      onFinish={(v) =>
        write.run({
          kind: v.kind,
          title: v.title.trim(),
          content: v.content.trim(),
          regionCode: v.regionCode,
        })
      }
      data-testid="hotline-portal-form"
    >
      <Form.Item name="kind" label={t('hotline.take.kind')} rules={rule('kind')}>
        <Select options={REQUEST_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS, k) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('hotline.take.region')} rules={rule('region')}>
        <RegionSelect id="portal-region" currentName={regionName} />
      </Form.Item>
      <Form.Item name="title" label={t('hotline.take.titleField')} rules={rule('titleField')}>
        <Input maxLength={TITLE_MAX} data-testid="portal-title" />
      </Form.Item>
      <Form.Item name="content" label={t('hotline.take.content')} rules={rule('content')}>
        <Input.TextArea rows={5} maxLength={CONTENT_MAX} data-testid="portal-content" />
      </Form.Item>
      {write.problem ? <Alert type="error" showIcon title={write.problem} className="case-block" /> : null}
      <Button type="primary" htmlType="submit" loading={write.busy} data-testid="portal-submit">
        {t('hotline.portal.submit')}
      </Button>
    </Form>
  );
}

function MyRequests() {
  const { t } = useTranslation();
  const label = useLabel();
  const mine = useMine();
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isSuccess && mine.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.portal.none')} />;
  }
  return (
    <List
      loading={mine.isPending}
      dataSource={mine.data?.items ?? []}
      renderItem={(item) => {
        const answer = item.reply ?? item.answer;
        return (
          <List.Item data-testid="my-hotline" data-no={item.requestNo}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{item.title}</Typography.Text>
                <StatusTag status={item.status} />
              </Space>
              <Typography.Text type="secondary">
                {item.requestNo} · {label(KIND_LABELS, item.kind)} · {formatTime(item.createdAt)}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} className="hotline-hit">
                {item.content}
              </Typography.Paragraph>
              {answer ? (
                <Alert
                  type="success"
                  title={`${t('hotline.portal.reply')}：${answer}`}
                  data-testid="my-hotline-reply"
                />
              ) : (
                <Typography.Text type="secondary">{t('hotline.portal.waiting')}</Typography.Text>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
