import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/session.ts';
import { usePlaces } from './api.ts';
import { PlaceChoice } from './PlaceChoice.tsx';
import { defaultPlace } from './places.ts';

/**
 * 选择办理地 on a guide: the other places that implement the same basic matter (choosing one opens
 * its guide), and, for a signed-in applicant whose registered region has a place of its own, the
 * suggestion to apply there.
 */
export function GuidePlaces({
  basicCode,
  implementationId,
}: {
  basicCode: string;
  implementationId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const found = usePlaces(basicCode);
  const places = found.data?.items[0]?.places ?? [];
  if (places.length < 2) return null;
  const region = me?.region;
  const preferred = region ? defaultPlace(places, region) : undefined;
  const open = (id: string) => navigate(`/guide/${id}`);
  return (
    <div className="guide-places">
      <PlaceChoice
        places={places}
        value={implementationId}
        onChange={open}
        region={region}
        testId="guide-place-choice"
      />
      {region && preferred && preferred.implementationId !== implementationId ? (
        <Alert
          className="guide-place-suggestion"
          type="info"
          showIcon
          data-testid="guide-place-suggestion"
          message={t('catalogue.place.suggest', { region: region.name, place: preferred.regionName })}
          action={
            <Button size="small" type="primary" onClick={() => open(preferred.implementationId)}>
              {t('catalogue.place.switchTo', { place: preferred.regionName })}
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
