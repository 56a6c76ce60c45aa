import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { Button, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { uploadMaterial } from './api.ts';
import type { Prefilled, PrefillFound } from './prefill.ts';
import type { MaterialRef } from './types.ts';

/** What the picker needs to know of a material (a catalogue material or a case's). */
export type PickableMaterial = {
  key: string;
  name: string;
  required: boolean;
  condition?: string;
  gapAllowed: boolean;
  source?: string;
  certificateType?: string;
  paperCopies?: number;
};

export type PickedMaterials = Record<string, MaterialRef>;

type Props = {
  materials: PickableMaterial[];
  value: PickedMaterials;
  onChange: (next: PickedMaterials) => void;
  /** Staff scan paper materials at the counter. */
  scan?: boolean;
  /**
   * Materials filled in from certificates, the bases or earlier cases (一次录入、一号匹配); an
   * upload replaces one. When given, an e-certificate that was not found may be uploaded.
   */
  prefilled?: Prefilled;
};

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The materials of an application, each with its flags and an upload. */
export function MaterialPicker({ materials, value, onChange, scan = false, prefilled }: Props) {
  return (
    <ul className="material-picker" data-testid="material-picker">
      {materials.map((m) => (
        <MaterialRow
          key={m.key}
          material={m}
          picked={value[m.key]}
          scan={scan}
          found={prefilled?.[m.key]}
          prefillKnown={!!prefilled}
          onPicked={(ref) => onChange({ ...value, [m.key]: ref })}
          onUseFound={() => {
            const { [m.key]: _replaced, ...rest } = value;
            onChange(rest);
          }}
        />
      ))}
    </ul>
  );
}

type RowProps = {
  material: PickableMaterial;
  picked: MaterialRef | undefined;
  scan: boolean;
  found: PrefillFound | undefined;
  prefillKnown: boolean;
  onPicked: (ref: MaterialRef) => void;
  onUseFound: () => void;
};

function MaterialRow({ material: m, picked, scan, found, prefillKnown, onPicked, onUseFound }: RowProps) {
  const { t } = useTranslation();
  const upload = useWrite<File, MaterialRef>({
    action: (file) => uploadMaterial(m.key, file),
    toast: true,
    onSuccess: onPicked,
  });
  const eCertificate = m.source === 'e_certificate';
  // Without a prefill (kiosk, supplements) an e-certificate is fetched by the department.
  const fetchedLater = eCertificate && !prefillKnown;
  return (
    <li className="material-row" data-testid="material-row" data-key={m.key}>
      <div className="material-row-main">
        <Typography.Text strong>{m.name}</Typography.Text>
        <div className="material-row-tags">
          {m.required ? (
            <Tag color="red">{t('cases.material.required')}</Tag>
          ) : m.condition ? (
            <Tag color="blue">{t('cases.material.conditional')}</Tag>
          ) : (
            <Tag>{t('cases.material.optional')}</Tag>
          )}
          {m.gapAllowed ? (
            <Tag color="gold" data-testid="gap-allowed">
              {t('cases.material.gapAllowed')}
            </Tag>
          ) : null}
          {eCertificate ? <Tag color="green">{t('cases.material.eCertificate')}</Tag> : null}
          {m.paperCopies ? <Tag>{t('cases.material.copies', { count: m.paperCopies })}</Tag> : null}
        </div>
        {m.condition ? <div className="material-row-note">{m.condition}</div> : null}
        {fetchedLater ? (
          <div className="material-row-note">
            {t('cases.material.eCertificateNote', { type: m.certificateType || m.name })}
          </div>
        ) : null}
        {found ? <PrefilledNote found={found} replaced={!!picked} onUseFound={onUseFound} /> : null}
        {eCertificate && prefillKnown && !found ? (
          <div className="material-row-note" data-testid="material-not-found">
            {t('cases.prefill.notFound', { type: m.certificateType || m.name })}
          </div>
        ) : null}
        {m.gapAllowed && !picked && !found ? (
          <div className="material-row-note">{t('cases.material.gapNote')}</div>
        ) : null}
      </div>
      {fetchedLater ? null : (
        <div className="material-row-upload">
          {picked ? (
            <span className="material-row-file" data-testid="material-uploaded">
              <CheckCircleFilled style={{ color: '#52c41a' }} /> {picked.fileName}
            </span>
          ) : null}
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => void upload.run(file as File)}
          >
            <Button icon={<UploadOutlined />} loading={upload.busy} data-testid="material-upload">
              {picked
                ? t('cases.material.reupload')
                : found
                  ? t('cases.prefill.replace')
                  : scan
                    ? t('cases.material.scan')
                    : t('cases.material.upload')}
            </Button>
          </Upload>
        </div>
      )}
    </li>
  );
}

/** Where a prefilled material comes from, as the applicant reads it; and the way back after replacing it. */
function PrefilledNote({
  found,
  replaced,
  onUseFound,
}: {
  found: PrefillFound;
  replaced: boolean;
  onUseFound: () => void;
}) {
  const { t } = useTranslation();
  const text =
    found.source === 'e_certificate'
      ? t('cases.prefill.fromCertificate', { label: found.label })
      : found.source === 'shared_case'
        ? t('cases.prefill.fromCase', {
            date: found.earlierCase?.acceptedOn ?? '',
            caseNo: found.earlierCase?.caseNo ?? '',
            file: found.label,
          })
        : t('cases.prefill.fromRegistry', { label: found.label });
  return (
    <div
      className={replaced ? 'material-row-note' : 'material-row-prefilled'}
      data-testid="material-prefilled"
      data-source={found.source}
      data-replaced={replaced}
    >
      {replaced ? (
        <>
          {t('cases.prefill.replaced')}{' '}
          <Button type="link" size="small" onClick={onUseFound} data-testid="material-use-prefilled">
            {t('cases.prefill.useFound')}
          </Button>
        </>
      ) : (
        <>
          <CheckCircleFilled style={{ color: '#52c41a' }} /> {text}
        </>
      )}
    </div>
  );
}

/** Names of required materials (not e-certificates, not 容缺-allowed) that have no file and were not prefilled. */
export function missingRequired(
  materials: PickableMaterial[],
  picked: PickedMaterials,
  prefilled: Prefilled = {},
): string[] {
  return materials
    .filter(
      (m) =>
        m.required && !m.gapAllowed && m.source !== 'e_certificate' && !picked[m.key] && !prefilled[m.key],
    )
    .map((m) => m.name);
}
