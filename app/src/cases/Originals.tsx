import { Button, Form, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_ACTIONS } from '../../../common/cases/state-machine.ts';
import { useWrite } from '../api/mutation.ts';
import { actOnCase, useCaseUpdated } from './api.ts';
import { formatTime } from './CaseTags.tsx';
import type { CaseDetail } from './types.ts';

/** A parcel of paper originals posted to the hall (双向速递, inbound), as the timeline records it. */
export type Parcel = {
  trackingNo: string;
  carrier: string | null;
  postedAt: string | null;
  receivedAt: string | null;
};

/** The case's parcels of originals: announced (post_originals) and received (receive_originals). */
export function parcelsOf(detail: CaseDetail): Parcel[] {
  const parcels = new Map<string, Parcel>();
  for (const event of detail.timeline) {
    if (event.action !== 'post_originals' && event.action !== 'receive_originals') continue;
    const no = event.details.trackingNo;
    if (typeof no !== 'string') continue;
    const parcel = parcels.get(no) ?? { trackingNo: no, carrier: null, postedAt: null, receivedAt: null };
    if (typeof event.details.carrier === 'string') parcel.carrier = event.details.carrier;
    if (event.action === 'post_originals') parcel.postedAt = event.at;
    else parcel.receivedAt = event.at;
    parcels.set(no, parcel);
  }
  return [...parcels.values()];
}

/** Whether originals may still be posted to the case (its status allows the action). */
export const originalsOpen = (detail: CaseDetail) =>
  (CASE_ACTIONS.post_originals.from as readonly string[]).includes(detail.status);

/** The parcels of originals: number, courier, when posted, whether the hall has received it. */
export function ParcelList({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const parcels = parcelsOf(detail);
  if (parcels.length === 0)
    return <Typography.Text type="secondary">{t('cases.originals.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={parcels}
      data-testid="parcels"
      renderItem={(p) => (
        <List.Item key={p.trackingNo} data-testid="parcel" data-tracking={p.trackingNo}>
          <div>
            <Typography.Text strong copyable>
              {p.trackingNo}
            </Typography.Text>
            {p.carrier ? <span className="case-parcel-carrier"> · {p.carrier}</span> : null}
            <div className="case-event-meta">
              {p.postedAt
                ? t('cases.originals.postedAt', { time: formatTime(p.postedAt) })
                : t('cases.originals.unannounced')}
              {p.receivedAt
                ? ` · ${t('cases.originals.receivedAt', { time: formatTime(p.receivedAt) })}`
                : ''}
            </div>
          </div>
          {p.receivedAt ? (
            <Tag color="green">{t('cases.originals.received')}</Tag>
          ) : (
            <Tag color="blue">{t('cases.originals.inTransit')}</Tag>
          )}
        </List.Item>
      )}
    />
  );
}

type PostValues = { trackingNo: string; carrier?: string };

/** The applicant's side: post the originals instead of bringing them, and enter the tracking number. */
export function PostOriginals({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const updated = useCaseUpdated();
  const [form] = Form.useForm<PostValues>();
  const post = useWrite<PostValues, CaseDetail>({
    action: (values) =>
      actOnCase(detail, 'post_originals', {
        trackingNo: values.trackingNo.trim(),
        ...(values.carrier?.trim() ? { carrier: values.carrier.trim() } : {}),
      }),
    form,
    onSuccess: async (next) => {
      await updated(next);
      form.resetFields();
    },
  });
  return (
    <div data-testid="post-originals">
      <ParcelList detail={detail} />
      {originalsOpen(detail) ? (
        <Form form={form} layout="vertical" onFinish={(v) => void post.run(v)} className="case-post-form">
          <Typography.Paragraph type="secondary">{t('cases.originals.intro')}</Typography.Paragraph>
          <Form.Item
            name="trackingNo"
            label={t('cases.originals.trackingNo')}
            rules={[{ required: true, whitespace: true, message: t('cases.originals.trackingRule') }]}
          >
            <Input inputMode="text" autoComplete="off" maxLength={40} data-testid="originals-tracking" />
          </Form.Item>
          <Form.Item name="carrier" label={t('cases.originals.carrier')}>
            <Input maxLength={30} placeholder={t('cases.originals.carrierPlaceholder')} />
          </Form.Item>
          {post.problem ? <Typography.Text type="danger">{post.problem}</Typography.Text> : null}
          <Button type="primary" htmlType="submit" block loading={post.busy} data-testid="originals-post">
            {t('cases.originals.post')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
