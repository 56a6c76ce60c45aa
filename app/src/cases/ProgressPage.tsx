import './cases.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { lookUpProgress } from './api.ts';
import { formatTime, StatusTag } from './CaseTags.tsx';

type Values = { caseNo: string; code: string };

/** /progress?caseNo=&code= — the public look-up of a case's progress, no sign-in. */
export function ProgressPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const caseNo = params.get('caseNo') ?? '';
  const code = params.get('code') ?? '';
  const [form] = Form.useForm<Values>();
  const [initial] = useState({ caseNo, code });
  const progress = useQuery({
    queryKey: ['/api/progress', caseNo, code],
    queryFn: () => lookUpProgress(caseNo, code),
    enabled: !!caseNo && !!code,
    retry: false,
  });
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { label }) },
  ];
  return (
    <div className="page case-page" data-testid="progress-page">
      <Typography.Title level={2} className="case-title">
        {t('cases.progress.title')}
      </Typography.Title>
      <Card className="case-block">
        <p className="case-subtitle">{t('cases.progress.intro')}</p>
        <Form
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => setParams({ caseNo: v.caseNo.trim(), code: v.code.trim().toUpperCase() })}
        >
          <Form.Item name="caseNo" label={t('cases.field.caseNo')} rules={required(t('cases.field.caseNo'))}>
            <Input placeholder={t('cases.progress.caseNoPlaceholder')} data-testid="progress-case-no" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('cases.field.queryCode')}
            rules={required(t('cases.field.queryCode'))}
          >
            <Input
              placeholder={t('cases.progress.codePlaceholder')}
              maxLength={10}
              data-testid="progress-code"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={progress.isFetching}>
            {t('cases.progress.search')}
          </Button>
        </Form>
      </Card>
      {progress.isError ? (
        <Alert
          type="warning"
          showIcon
          title={t('cases.progress.notFound')}
          data-testid="progress-not-found"
        />
      ) : null}
      {progress.data ? (
        <Card className="case-block" data-testid="progress-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('cases.field.caseNo')}>{progress.data.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t('cases.field.matter')}>{progress.data.matterName}</Descriptions.Item>
            <Descriptions.Item label={t('cases.field.department')}>
              {progress.data.departmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.field.status')}>
              <StatusTag status={progress.data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.field.promisedDeadline')}>
              {progress.data.promisedDeadline ?? '—'}
            </Descriptions.Item>
            {progress.data.trackingNo ? (
              <Descriptions.Item label={t('cases.field.trackingNo')}>
                {progress.data.trackingNo}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Title level={5}>{t('cases.progress.steps')}</Typography.Title>
          <Timeline
            items={progress.data.steps.map((s, i) => ({
              key: `${i}-${s.action}`,
              content: (
                <>
                  <strong>{t(`cases.action.${s.action}`)}</strong> · {t(`cases.status.${s.toStatus}`)}
                  <div className="case-event-meta">{formatTime(s.at)}</div>
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
