import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGuide } from '../catalogue/api.ts';
import { applicationPdfUrl } from './api.ts';
import type { CaseDetail } from './types.ts';

const REUSED = ['e_certificate', 'shared_case', 'registry'] as const;
type Reused = (typeof REUSED)[number];
const isReused = (source: string): source is Reused => (REUSED as readonly string[]).includes(source);

/**
 * The case's materials: supplied, missing, or a 容缺 gap still to come; with the files handed in
 * and the materials reused from certificates, the bases or earlier cases.
 */
export function MaterialsView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const counts = detail.materialCounts;
  // Materials the catalogue takes from the e-certificate library are not handed in as files.
  const guide = useGuide(detail.implementationId);
  const eCertificates = new Set(
    (guide.data?.document.materials ?? []).filter((m) => m.source === 'e_certificate').map((m) => m.key),
  );
  return (
    <>
      {counts && counts.reused > 0 ? (
        <div className="material-hint" data-testid="material-counts">
          {t('cases.prefill.counts', counts)}
        </div>
      ) : null}
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
              ) : m.coveredByForm ? (
                // The filled application form stands for this material: its 申请书 PDF, not an upload.
                <span className="case-material-file">
                  <Tag color="green">{t('cases.material.byForm')}</Tag>
                  <a
                    href={applicationPdfUrl(detail.id)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="application-pdf"
                  >
                    {t('cases.material.formPdf')}
                  </a>
                </span>
              ) : m.supplied ? (
                <Tag color="green">{t('cases.material.supplied')}</Tag>
              ) : eCertificates.has(m.key) ? (
                <Tag color="cyan">{t('cases.material.eCertificate')}</Tag>
              ) : (
                <Tag>{t('cases.material.missing')}</Tag>
              )}
              {m.files.map((f) => (
                <span key={`${f.id ?? f.sha256}-${f.at}`} className="case-material-file">
                  {isReused(f.source) ? (
                    <Tag color="green" data-testid="material-reused" data-source={f.source}>
                      {t(`cases.prefill.source.${f.source}`)}
                    </Tag>
                  ) : null}
                  {f.id && f.sha256 ? (
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
    </>
  );
}
