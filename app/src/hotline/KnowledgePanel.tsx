import { App, Button, Empty, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_MAX } from '../../../common/hotline/lists.ts';
import { useWrite } from '../api/mutation.ts';
import { LoadError } from '../components/status.tsx';
import { answerAtOnce, REQUESTS, useKnowledge } from './api.ts';

/** The consult a quoted answer goes to. */
export type AnswerTarget = { id: string; requestNo: string };

type Hit = { key: string; source: 'guide' | 'faq'; title: string; text: string; extra: string | null };

/**
 * 知识库: the catalogue's guides and the FAQ entries matching what the caller asks; with a consult
 * open, 引用此答复 answers it at once (即时办结) with the text, which the operator may adjust.
 */
export function KnowledgePanel({
  target,
  initialQuery,
}: {
  target: AnswerTarget | null;
  initialQuery?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(initialQuery ?? '');
  const [q, setQ] = useState(initialQuery ?? '');
  const [quoting, setQuoting] = useState<string | null>(null);
  const found = useKnowledge(q);
  const hits: Hit[] = [
    ...(found.data?.faq ?? []).map((f) => ({
      key: `faq-${f.id}`,
      source: 'faq' as const,
      title: f.question,
      text: f.answer,
      extra: null,
    })),
    ...(found.data?.guides ?? []).map((g) => ({
      key: `guide-${g.matterId}`,
      source: 'guide' as const,
      title: g.name,
      text: `${g.name}：${g.summary}`,
      extra: g.departmentName,
    })),
  ];
  return (
    <div data-testid="hotline-knowledge">
      <Input.Search
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(text) => setQ(text.trim())}
        placeholder={t('hotline.knowledge.placeholder')}
        enterButton={t('common.search')}
        data-testid="knowledge-q"
      />
      <Typography.Paragraph type="secondary" className="hotline-target">
        {target
          ? t('hotline.knowledge.answerFor', { no: target.requestNo })
          : t('hotline.knowledge.pickConsult')}
      </Typography.Paragraph>
      {found.isError ? <LoadError error={found.error} onRetry={() => void found.refetch()} /> : null}
      {q && found.isSuccess && hits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.knowledge.none')} />
      ) : null}
      {hits.length > 0 ? (
        <List
          loading={found.isFetching}
          dataSource={hits}
          renderItem={(hit) => (
            <List.Item
              data-testid="knowledge-hit"
              actions={
                target
                  ? [
                      <Button
                        key="quote"
                        size="small"
                        data-testid="knowledge-quote"
                        onClick={() => setQuoting(hit.text)}
                      >
                        {t('hotline.knowledge.quote')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={hit.source === 'faq' ? 'blue' : 'green'}>
                      {t(hit.source === 'faq' ? 'hotline.knowledge.faq' : 'hotline.knowledge.guide')}
                    </Tag>
                    {hit.title}
                  </span>
                }
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} className="hotline-hit">
                      {hit.text}
                    </Typography.Paragraph>
                    {hit.extra ? <Typography.Text type="secondary">{hit.extra}</Typography.Text> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
      {target && quoting !== null ? (
        <AnswerDialog target={target} text={quoting} onClose={() => setQuoting(null)} />
      ) : null}
    </div>
  );
}

function AnswerDialog(props: { target: AnswerTarget; text: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const write = useWrite<string>({
    action: (answer) => answerAtOnce(props.target.id, answer),
    form,
    invalidates: [REQUESTS],
    onSuccess: () => {
      message.success(t('hotline.knowledge.answered'));
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={t('hotline.knowledge.answerFor', { no: props.target.requestNo })}
      okText={t('hotline.knowledge.quote')}
      okButtonProps={{ 'data-testid': 'answer-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={write.busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ answer: props.text }}
        onFinish={({ answer }) => write.run(answer.trim())}
      >
        <Form.Item name="answer" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={6} maxLength={TEXT_MAX} data-testid="answer-text" />
        </Form.Item>
      </Form>
      {write.problem ? <Typography.Text type="danger">{write.problem}</Typography.Text> : null}
    </Modal>
  );
}
