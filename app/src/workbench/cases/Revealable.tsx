import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { CASES } from '../../cases/api.ts';
import type { CaseDetail, RevealField } from '../../cases/types.ts';

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
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (value !== null) return <span data-testid={`revealed-${field}`}>{value}</span>;
  if (!detail.revealable.includes(field)) return <span data-testid={`masked-${field}`}>{masked}</span>;
  const show = async () => {
    setBusy(true);
    try {
      setValue(await revealField(detail.id, field));
    } catch (error) {
      message.error(messageOf(error, t('common.conflict')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="case-masked">
      <span data-testid={`masked-${field}`}>{masked}</span>
      <Tooltip title={t('cases.staff.revealHint')}>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          loading={busy}
          onClick={show}
          data-testid={`reveal-${field}`}
        >
          {t('cases.staff.reveal')}
        </Button>
      </Tooltip>
    </span>
  );
}
