import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session.ts';
import { HallSelect } from '../../components/HallSelect.tsx';
import { useBoardHalls } from './api.ts';
import './messages.ts';

/** The hall a board or figures page is about: the first of the user's halls until another is chosen. */
export function HallChoice({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const halls = useBoardHalls(me ?? undefined);
  return (
    <HallSelect
      halls={halls}
      value={value}
      onChange={onChange}
      look={{
        className: 'hall-board-hall',
        testId: 'board-hall',
        label: t('hallBoard.hall'),
        noteClassName: 'hall-board-note',
        noHall: t('hallBoard.noHall'),
      }}
    />
  );
}
