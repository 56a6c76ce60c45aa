import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { REQUESTS, urge } from './api.ts';
import type { HotlineKey } from './messages.zh-CN.ts';

/**
 * 督办: the supervisor writes a note on an escalated request; it goes into the request's steps and
 * to the 主办 department. The request (and the escalated list) reload afterwards.
 */
export function UrgeButton({
  request,
  size,
}: {
  request: { id: string; requestNo: string; title: string };
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const e = (key: HotlineKey<'escalated'>) => t(`hotline.escalated.${key}`);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} type="primary" ghost onClick={() => setOpen(true)} data-testid="urge-open">
        {e('urge')}
      </Button>
      {open ? (
        <ReasonDialog
          title={t('hotline.escalated.urgeTitle', { no: request.requestNo })}
          okText={e('urge')}
          hint={{ type: 'info', text: e('urgeHint') }}
          subject={request.title}
          reasonLabel={e('urgeNote')}
          reasonRule={e('urgeRule')}
          maxLength={500}
          send={(note) => urge(request.id, note)}
          done={e('urged')}
          refresh={[REQUESTS]}
          testId="urge"
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
