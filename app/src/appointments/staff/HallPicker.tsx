import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session.ts';
import { HallSelect } from '../../components/HallSelect.tsx';
import { useMyHalls } from './api.ts';

/** The hall the page is about: the user's hall, or a choice when the organisation has several. */
export function HallPicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const halls = useMyHalls(me ?? undefined);
  return (
    <HallSelect
      halls={halls}
      value={value}
      onChange={onChange}
      look={{
        className: 'appointments-staff-hall',
        testId: 'staff-hall',
        noteClassName: 'appointments-note',
        noHall: t('appointments.staff.noHall'),
      }}
    />
  );
}
