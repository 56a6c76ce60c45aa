import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormView } from '../forms/FormView.tsx';
import { namedFields } from './supplement.ts';
import type { CaseDetail } from './types.ts';

/** The application form as filed, on the applicant's and on the staff's case page; the fields a pending 补正 names marked. */
export function FiledForm({ detail, testId }: { detail: CaseDetail; testId: string }) {
  const { t } = useTranslation();
  if (!detail.form) return null;
  return (
    <Card title={t('cases.detail.form')} className="case-block" data-testid={testId}>
      <FormView
        definition={detail.form.definition}
        values={detail.form.values}
        sources={detail.form.sources}
        highlighted={detail.status === 'needs_supplement' ? namedFields(detail) : []}
      />
    </Card>
  );
}
