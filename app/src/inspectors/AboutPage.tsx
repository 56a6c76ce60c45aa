import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REASON_MAX } from '../../../common/inspectors/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { useMe } from '../auth/session.ts';
import { formatTime } from '../cases/CaseTags.tsx';
import { LoadError, Loading } from '../components/status.tsx';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { type ApplyBody, apply, INSPECTORS, type InspectorView, useMine } from './api.ts';
import { InspectorStatusTag } from './Tags.tsx';
import './inspectors.css';

const DUTIES = ['duty1', 'duty2', 'duty3', 'duty4'] as const;

/** /inspectors — what a 政务服务体验官 does, and the application of a signed-in person. */
export function AboutPage() {
  const { t } = useTranslation();
  return (
    <div className="page inspector-page" data-testid="inspectors-about">
      <Typography.Title level={2} className="section-title">
        {t('inspectors.about.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspectors.about.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card title={t('inspectors.about.duties')}>
            <ol className="inspector-duties">
              {DUTIES.map((key) => (
                <li key={key}>{t(`inspectors.about.${key}`)}</li>
              ))}
            </ol>
            <Link to="/inspectors/findings" data-testid="inspectors-published-link">
              {t('inspectors.published.title')}
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Application />
        </Col>
      </Row>
    </div>
  );
}

/** The application card: 我的申请 once there is one (a rejected applicant may apply again below it). */
function Application() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mine = useMine(me?.kind === 'person');
  const applied = Boolean(mine.data?.inspector);
  return (
    <Card title={t(applied ? 'inspectors.about.mine' : 'inspectors.about.apply')}>
      <ApplicationBody />
    </Card>
  );
}

function ApplicationBody() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const person = me?.kind === 'person';
  const mine = useMine(person);
  if (isPending) return <Loading />;
  if (!me) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('inspectors.about.signIn')}
        action={
          <Link to="/login?as=person&next=/inspectors">
            <Button type="primary">{t('common.signIn')}</Button>
          </Link>
        }
      />
    );
  }
  if (!person) return <Alert type="info" showIcon title={t('inspectors.about.personOnly')} />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.isPending) return <Loading />;
  const inspector = mine.data.inspector;
  if (inspector && inspector.status !== 'rejected') return <ApplicationStatus inspector={inspector} />;
  return (
    <>
      {inspector ? <ApplicationStatus inspector={inspector} /> : null}
      <ApplyForm
        defaults={{ name: me.displayName, regionCode: me.region?.code, regionName: me.region?.name }}
      />
    </>
  );
}

function ApplicationStatus({ inspector }: { inspector: InspectorView }) {
  const { t } = useTranslation();
  const hint = {
    pending: 'pendingHint',
    approved: 'approvedHint',
    rejected: 'rejectedHint',
    suspended: 'suspendedHint',
  } as const;
  return (
    <div data-testid="inspector-application" data-status={inspector.status} className="inspector-block">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('inspectors.about.status')}>
          <InspectorStatusTag status={inspector.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inspectors.about.region')}>{inspector.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('inspectors.about.appliedAt')}>
          {formatTime(inspector.createdAt)}
        </Descriptions.Item>
        {inspector.decisionReason ? (
          <Descriptions.Item label={t('inspectors.about.reason')}>
            <span data-testid="inspector-decision-reason">{inspector.decisionReason}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Alert
        className="inspector-block"
        type={inspector.status === 'approved' ? 'success' : 'info'}
        showIcon
        title={t(`inspectors.about.${hint[inspector.status]}`)}
      />
      {inspector.status === 'approved' ? (
        <Link to="/my/inspector" data-testid="inspector-open">
          <Button type="primary" className="inspector-block">
            {t('inspectors.about.open')}
          </Button>
        </Link>
      ) : null}
    </div>
  );
}

type Values = { regionCode: string; name: string; phone: string; occupation?: string; motivation: string };

function ApplyForm({ defaults }: { defaults: { name: string; regionCode?: string; regionName?: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const write = useWrite<ApplyBody, InspectorView>({
    action: apply,
    form,
    invalidates: [INSPECTORS],
    onSuccess: () => message.success(t('inspectors.about.sent')),
  });
  const required = (key: 'region' | 'name' | 'phone' | 'motivation') => ({
    required: true,
    whitespace: key !== 'region',
    message: t('inspectors.required', { label: t(`inspectors.about.${key}`) }),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        name: defaults.name,
        ...(defaults.regionCode ? { regionCode: defaults.regionCode } : {}),
      }}
      onFinish={(v) =>
        write.run({
          regionCode: v.regionCode,
          name: v.name.trim(),
          phone: v.phone.trim(),
          ...(v.occupation?.trim() ? { occupation: v.occupation.trim() } : {}),
          motivation: v.motivation.trim(),
        })
      }
      data-testid="inspector-apply-form"
    >
      <Form.Item name="regionCode" label={t('inspectors.about.region')} rules={[required('region')]}>
        <RegionSelect id="inspector-region" currentName={defaults.regionName ?? null} />
      </Form.Item>
      <Form.Item name="name" label={t('inspectors.about.name')} rules={[required('name')]}>
        <Input maxLength={60} data-testid="apply-name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('inspectors.about.phone')}
        rules={[required('phone'), { pattern: /^1\d{10}$/, message: t('inspectors.about.phoneRule') }]}
      >
        <Input inputMode="tel" maxLength={11} data-testid="apply-phone" />
      </Form.Item>
      <Form.Item name="occupation" label={t('inspectors.about.occupation')}>
        <Input maxLength={60} data-testid="apply-occupation" />
      </Form.Item>
      <Form.Item name="motivation" label={t('inspectors.about.motivation')} rules={[required('motivation')]}>
        <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="apply-motivation" />
      </Form.Item>
      {write.problem ? (
        <Alert type="error" showIcon title={write.problem} className="inspector-block" />
      ) : null}
      <Button type="primary" htmlType="submit" loading={write.busy} block data-testid="apply-submit">
        {t('inspectors.about.submit')}
      </Button>
    </Form>
  );
}
