import { CheckCircleOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { catalogueApi, IMPLEMENTATIONS, useCompleteness } from './api.ts';
import type { Missing, VersionState } from './types.ts';

/** What the draft still lacks, and the button that submits it for review. */
export function Completeness({ implementationId, draft }: { implementationId: string; draft: VersionState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const completeness = useCompleteness(implementationId, draft.rev);
  const [refused, setRefused] = useState<Missing[] | null>(null);
  const missing = refused ?? completeness.data?.missing ?? [];
  const complete = refused === null && completeness.data?.complete === true;

  const submit = useWrite({
    action: () => catalogueApi.submit(implementationId, draft.rev),
    invalidates: [IMPLEMENTATIONS],
    onSuccess: () => {
      message.success(t('catalogue.staff.submitted'));
      setRefused(null);
    },
    refused: (error) => {
      const details =
        error instanceof ApiError ? (error.details as { missing?: Missing[] } | undefined) : undefined;
      if (details?.missing) setRefused(details.missing);
      else
        message.error(
          error instanceof ApiError && error.status === 409
            ? t('common.conflict')
            : String((error as Error).message),
        );
      return true;
    },
  });

  return (
    <div data-testid="completeness">
      <Typography.Title level={5}>{t('catalogue.staff.completeness')}</Typography.Title>
      {completeness.isPending ? null : complete ? (
        <Typography.Paragraph type="success">
          <CheckCircleOutlined /> {t('catalogue.staff.complete')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="warning">
            <WarningOutlined /> {t('catalogue.staff.incomplete', { count: missing.length })}
          </Typography.Paragraph>
          <List
            size="small"
            className="missing-list"
            dataSource={missing}
            renderItem={(m) => <List.Item data-testid="missing-item">{m.problem}</List.Item>}
          />
        </>
      )}
      <Button
        type="primary"
        block
        icon={<SendOutlined />}
        loading={submit.busy}
        disabled={!complete}
        style={{ marginTop: 12 }}
        data-testid="submit-draft"
        onClick={() => void submit.run()}
      >
        {t('catalogue.staff.submit')}
      </Button>
    </div>
  );
}
