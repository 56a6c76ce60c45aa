import { EnvironmentOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { coversRegion, type RegisteredRegion } from './places.ts';
import type { MatterPlace } from './types.ts';

type Props = {
  places: readonly MatterPlace[];
  value: string;
  onChange: (implementationId: string) => void;
  /** The applicant's registered region: the place that covers it is marked. */
  region: RegisteredRegion;
  testId?: string;
};

/** 选择办理地: the regions where a basic matter is implemented, each with its department. */
export function PlaceChoice({ places, value, onChange, region, testId = 'place-choice' }: Props) {
  const { t } = useTranslation();
  const chosen = places.find((p) => p.implementationId === value);
  return (
    <div className="place-choice" data-testid={testId} data-region={chosen?.regionCode}>
      <span className="place-choice-label">
        <EnvironmentOutlined /> {t('catalogue.place.choose')}
      </span>
      <Select
        className="place-choice-select"
        value={value}
        onChange={onChange}
        aria-label={t('catalogue.place.choose')}
        popupMatchSelectWidth={false}
        data-testid="place-select"
        options={places.map((p) => ({
          value: p.implementationId,
          label: p.regionName,
          title: `${p.regionName} · ${p.departmentName}`,
        }))}
        optionRender={(option) => {
          const place = places.find((p) => p.implementationId === option.value);
          return (
            <span className="place-option" data-testid="place-option" data-region={place?.regionCode}>
              <span>{place?.regionName}</span>
              <span className="place-option-department">{place?.departmentName}</span>
            </span>
          );
        }}
      />
      {chosen && region && coversRegion(chosen, region) ? (
        <span className="place-choice-yours" data-testid="place-yours">
          {t('catalogue.place.yours', { region: region.name })}
        </span>
      ) : null}
    </div>
  );
}
