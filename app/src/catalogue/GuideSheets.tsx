import './guide.css';
import { FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Material } from '../../../common/catalogue/guide.ts';
import type { Guide } from './types.ts';

/*
 * The forms a guide offers to print: 空表 and 样表 of its application form (the matter's own, or a
 * generic one for its 申请书), and the blank forms and samples the department gave for a material.
 */

const guidePath = (implementationId: string) =>
  `/api/catalogue/guides/${encodeURIComponent(implementationId)}`;

/** Address of the 空表 or 样表 of a guide's application form. */
export const formSheetUrl = (implementationId: string, sheet: 'blank' | 'sample') =>
  `${guidePath(implementationId)}/form-${sheet}.pdf`;

/** Address of a file a guide names for a material (its blank form or sample). */
export const materialFileUrl = (implementationId: string, sha256: string) =>
  `${guidePath(implementationId)}/files/${sha256}`;

type SheetGuide = Pick<Guide, 'implementationId' | 'formSheet'>;

/** 下载空表 / 下载样表 as buttons, beside 在线办理 (nothing when the guide offers no form to print). */
export function FormSheetButtons({ guide }: { guide: SheetGuide }) {
  const { t } = useTranslation();
  if (!guide.formSheet) return null;
  return (
    <>
      {(['blank', 'sample'] as const).map((sheet) => (
        <a
          key={sheet}
          href={formSheetUrl(guide.implementationId, sheet)}
          target="_blank"
          rel="noopener"
          className="guide-sheet-button"
          data-testid={`guide-form-${sheet}`}
        >
          <Button icon={<FileTextOutlined />} size="large">
            {t(sheet === 'blank' ? 'catalogue.guide.sheetBlank' : 'catalogue.guide.sheetSample')}
          </Button>
        </a>
      ))}
    </>
  );
}

/** One link of a material's downloads. */
function SheetLink({ href, label, testId }: { href: string; label: string; testId: string }) {
  return (
    <a href={href} target="_blank" rel="noopener" className="guide-sheet-link" data-testid={testId}>
      <FileTextOutlined /> {label}
    </a>
  );
}

/**
 * What a material offers to print: the guide's 空表 and 样表 at the material its form stands for,
 * and the blank form and sample the department gave for it. Nothing when there is none.
 */
export function MaterialSheets({ guide, material }: { guide: SheetGuide; material: Material }) {
  const { t } = useTranslation();
  const id = guide.implementationId;
  const links: { href: string; label: string; testId: string }[] = [];
  if (guide.formSheet?.material === material.key) {
    const hint = guide.formSheet.kind === 'generic' ? t('catalogue.guide.sheetGeneric') : '';
    links.push(
      {
        href: formSheetUrl(id, 'blank'),
        label: `${t('catalogue.guide.sheetBlank')}${hint}`,
        testId: 'material-form-blank',
      },
      {
        href: formSheetUrl(id, 'sample'),
        label: t('catalogue.guide.sheetSample'),
        testId: 'material-form-sample',
      },
    );
  }
  if (material.blankFormFile)
    links.push({
      href: materialFileUrl(id, material.blankFormFile),
      label: t('catalogue.guide.blankFormFile'),
      testId: 'material-blank-file',
    });
  if (material.sampleFile)
    links.push({
      href: materialFileUrl(id, material.sampleFile),
      label: t('catalogue.guide.sampleFile'),
      testId: 'material-sample-file',
    });
  if (links.length === 0) return null;
  return (
    <div className="guide-material-sheets">
      {links.map((link) => (
        <SheetLink key={link.testId} {...link} />
      ))}
    </div>
  );
}

/**
 * On the application of a matter without a form of its own: the 申请书 is handed in as a file, so
 * its generic 空表 and 样表 are offered to print and fill in first. Nothing otherwise.
 */
export function FormSheetsHint({ guide }: { guide: SheetGuide }) {
  const { t } = useTranslation();
  if (guide.formSheet?.kind !== 'generic') return null;
  return (
    <div className="guide-material-sheets" data-testid="apply-form-sheets">
      <span>{t('catalogue.guide.sheetsHint')}</span>
      <SheetLink
        href={formSheetUrl(guide.implementationId, 'blank')}
        label={t('catalogue.guide.sheetBlank')}
        testId="apply-form-blank"
      />
      <SheetLink
        href={formSheetUrl(guide.implementationId, 'sample')}
        label={t('catalogue.guide.sheetSample')}
        testId="apply-form-sample"
      />
    </div>
  );
}
