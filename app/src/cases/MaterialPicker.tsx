import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { App, Button, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadMaterial } from './api.ts';
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
};

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The materials of an application, each with its flags and an upload. */
export function MaterialPicker({ materials, value, onChange, scan = false }: Props) {
  return (
    <ul className="material-picker" data-testid="material-picker">
      {materials.map((m) => (
        <MaterialRow
          key={m.key}
          material={m}
          picked={value[m.key]}
          scan={scan}
          onPicked={(ref) => onChange({ ...value, [m.key]: ref })}
        />
      ))}
    </ul>
  );
}

type RowProps = {
  material: PickableMaterial;
  picked: MaterialRef | undefined;
  scan: boolean;
  onPicked: (ref: MaterialRef) => void;
};

function MaterialRow({ material: m, picked, scan, onPicked }: RowProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const eCertificate = m.source === 'e_certificate';
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
        {eCertificate ? (
          <div className="material-row-note">
            {t('cases.material.eCertificateNote', { type: m.certificateType || m.name })}
          </div>
        ) : null}
        {m.gapAllowed && !picked ? (
          <div className="material-row-note">{t('cases.material.gapNote')}</div>
        ) : null}
      </div>
      {eCertificate ? null : (
        <div className="material-row-upload">
          {picked ? (
            <span className="material-row-file" data-testid="material-uploaded">
              <CheckCircleFilled style={{ color: '#52c41a' }} /> {picked.fileName}
            </span>
          ) : null}
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={async ({ file }) => {
              setBusy(true);
              try {
                onPicked(await uploadMaterial(m.key, file as File));
              } catch (error) {
                message.error(error instanceof Error ? error.message : String(error));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="material-upload">
              {picked
                ? t('cases.material.reupload')
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

/** Names of required materials (not e-certificates, not 容缺-allowed) that have no file. */
export function missingRequired(materials: PickableMaterial[], picked: PickedMaterials): string[] {
  return materials
    .filter((m) => m.required && !m.gapAllowed && m.source !== 'e_certificate' && !picked[m.key])
    .map((m) => m.name);
}
