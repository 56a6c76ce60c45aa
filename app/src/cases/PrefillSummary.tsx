import type { UseQueryResult } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickableMaterial, PickedMaterials } from './MaterialPicker.tsx';
import type { Prefill } from './prefill.ts';

type Props = {
  prefill: UseQueryResult<Prefill>;
  /** The materials of the matter and the files added so far: the count left to upload follows them. */
  materials?: PickableMaterial[];
  picked?: PickedMaterials;
};

/** Required materials neither found in a shared source nor uploaded yet (容缺-allowed ones aside). */
export function leftToUpload(
  prefill: Prefill,
  materials: PickableMaterial[],
  picked: PickedMaterials,
): number {
  const gapAllowed = new Set(materials.filter((m) => m.gapAllowed).map((m) => m.key));
  return prefill.items.filter((i) => i.required && !i.found && !gapAllowed.has(i.key) && !picked[i.key])
    .length;
}

/** How many materials were filled in automatically and how many are left to upload. */
export function PrefillSummary({ prefill, materials, picked }: Props) {
  const { t } = useTranslation();
  if (prefill.isPending && prefill.fetchStatus === 'idle') return null;
  if (prefill.isPending)
    return <Alert type="info" showIcon className="case-block" title={t('cases.prefill.loading')} />;
  if (!prefill.data) return null;
  const { found } = prefill.data;
  const toUpload =
    materials && picked ? leftToUpload(prefill.data, materials, picked) : prefill.data.toUpload;
  const complete = !!materials && toUpload === 0;
  const title =
    found > 0
      ? `${t('cases.prefill.summary', { found, toUpload })}${complete ? t('cases.prefill.allThere') : ''}`
      : complete
        ? t('cases.prefill.complete')
        : toUpload > 0
          ? t('cases.prefill.noneLeft', { toUpload })
          : t('cases.prefill.none');
  return (
    <Alert
      type={complete || found > 0 ? 'success' : 'info'}
      showIcon
      className="case-block"
      data-testid="prefill-summary"
      data-to-upload={toUpload}
      title={title}
    />
  );
}
