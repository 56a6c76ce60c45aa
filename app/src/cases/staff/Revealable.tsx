import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { CASES } from '../api.ts';
import type { CaseDetail, RevealField } from '../types.ts';

/** The full value of one masked field of a case; the server records the view in the audit trail. */
export async function revealField(caseId: string, field: RevealField): Promise<string> {
  const answer = await api.post<{ field: RevealField; value: string }>(`${CASES}/${caseId}/reveal`, {
    field,
  });
  return answer.value;
}

/**
 * A masked value (138****0000) with a 显示 button when the user may see it in full; the full value
 * stays on this page only.
 */
export function Revealable({
  detail,
  field,
  masked,
}: {
  detail: CaseDetail;
  field: RevealField;
  masked: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const reveal = useWrite({
    action: () => revealField(detail.id, field),
    toast: true,
    onSuccess: (full) => setValue(full),
  });
  if (value !== null) return <span data-testid={`revealed-${field}`}>{value}</span>;
  if (!detail.revealable.includes(field)) return <span data-testid={`masked-${field}`}>{masked}</span>;
  return (
    <span className="case-masked">
      <span data-testid={`masked-${field}`}>{masked}</span>
      <Tooltip title={t('cases.staff.revealHint')}>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.busy}
          onClick={() => void reveal.run()}
          data-testid={`reveal-${field}`}
        >
          {t('cases.staff.reveal')}
        </Button>
      </Tooltip>
    </span>
  );
}
