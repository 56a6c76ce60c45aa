import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGuide } from '../catalogue/api.ts';
import type { CaseDetail } from './types.ts';

/** The case's materials: supplied, missing, or a 容缺 gap still to come; with the files handed in. */
export function MaterialsView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  // Materials the catalogue takes from the e-certificate library are not handed in as files.
  const guide = useGuide(detail.implementationId);
  const eCertificates = new Set(
    (guide.data?.document.materials ?? []).filter((m) => m.source === 'e_certificate').map((m) => m.key),
  );
  return (
    <ul className="case-materials" data-testid="case-materials">
      {detail.materials.map((m) => (
        <li key={m.key} data-testid="case-material" data-key={m.key}>
          <div className="case-material-name">
            {m.name}
            {m.required ? <Tag color="red">{t('cases.material.required')}</Tag> : null}
            {m.gapAllowed ? <Tag color="gold">{t('cases.material.gapAllowed')}</Tag> : null}
          </div>
          <div>
            {m.gap ? (
              <Tag color="volcano" data-testid="material-gap">
                {t('cases.material.gap')}
              </Tag>
            ) : m.supplied ? (
              <Tag color="green">{t('cases.material.supplied')}</Tag>
            ) : eCertificates.has(m.key) ? (
              <Tag color="cyan">{t('cases.material.eCertificate')}</Tag>
            ) : (
              <Tag>{t('cases.material.missing')}</Tag>
            )}
            {m.files.map((f) => (
              <span key={`${f.sha256}-${f.at}`} className="case-material-file">
                {f.id ? (
                  <a href={`/api/cases/${detail.id}/materials/${f.id}`} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>
                ) : (
                  f.fileName
                )}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
