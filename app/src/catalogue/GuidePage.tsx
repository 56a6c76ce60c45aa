import './catalogue.css';
import './guide.css';
import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { GuideBooking } from '../appointments/GuideBooking.tsx';
import { LoadError } from '../components/status.tsx';
import { GuideLink } from '../inspectors/GuideLink.tsx';
import { guidePdfUrl, useGuide } from './api.ts';
import { GuideFacts } from './GuideFacts.tsx';
import { GuidePlaces } from './GuidePlaces.tsx';
import {
  ConditionsSection,
  ContactsSection,
  FeesSection,
  LegalBasisSection,
  MaterialsSection,
  PlacesSection,
  ResultSection,
  StepsSection,
} from './GuideSections.tsx';
import { FormSheetButtons } from './GuideSheets.tsx';
import { useLabels } from './labels.ts';

/** /guide/:implementationId — the published service guide, readable on a phone. */
export function GuidePage() {
  const { t } = useTranslation();
  const { implementationId = '' } = useParams();
  const guide = useGuide(implementationId);
  const labels = useLabels();
  if (guide.isPending) {
    return (
      <div className="page guide">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (guide.isError) {
    const missing = guide.error instanceof ApiError && [400, 404].includes(guide.error.status);
    return (
      <div className="page guide">
        {missing ? (
          <Result
            status="404"
            title={t('catalogue.guide.notPublished')}
            extra={<Link to="/search">{t('common.search')}</Link>}
          />
        ) : (
          <LoadError error={guide.error} onRetry={() => void guide.refetch()} />
        )}
      </div>
    );
  }
  const { document: doc, department, region, basicMatter } = guide.data;
  return (
    <div className="page guide" data-testid="guide">
      <header className="guide-head">
        <Typography.Title level={2} className="guide-title" data-testid="guide-title">
          {doc.name}
        </Typography.Title>
        <div className="guide-meta">
          <span>{department.name}</span>
          <span>{region.name}</span>
          <Tag color="blue">{labels.matterType[basicMatter.matterType]}</Tag>
          <Tag color="green">{labels.realisationMode[doc.realisationMode]}</Tag>
        </div>
        <GuidePlaces basicCode={basicMatter.code} implementationId={guide.data.implementationId} />
        <div className="guide-actions">
          {doc.channels.includes('online') ? (
            <Link to={`/apply/${guide.data.implementationId}`} data-testid="guide-apply">
              <Button type="primary" icon={<FormOutlined />} size="large">
                {t('cases.apply.start')}
              </Button>
            </Link>
          ) : null}
          <GuideBooking implementationId={guide.data.implementationId} />
          <a href={guidePdfUrl(guide.data.implementationId)} download data-testid="guide-pdf">
            <Button icon={<DownloadOutlined />} size="large">
              {t('catalogue.guide.download')}
            </Button>
          </a>
          <FormSheetButtons guide={guide.data} />
        </div>
        <GuideLink implementationId={guide.data.implementationId} />
      </header>
      <GuideFacts document={doc} />
      <ConditionsSection document={doc} />
      <MaterialsSection document={doc} guide={guide.data} />
      <StepsSection document={doc} />
      <PlacesSection document={doc} />
      <FeesSection document={doc} />
      <ContactsSection document={doc} />
      <ResultSection document={doc} />
      <LegalBasisSection basis={basicMatter.legalBasis} />
      <footer className="guide-codes">
        {t('catalogue.guide.codes', {
          code: guide.data.code,
          basic: basicMatter.code,
          version: guide.data.versionNo,
        })}
      </footer>
    </div>
  );
}
