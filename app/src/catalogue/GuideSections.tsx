import { Collapse, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImplementationDocument, LegalBasis } from '../../../common/catalogue/guide.ts';
import { formatYuan } from './GuideFacts.tsx';
import { MaterialSheets } from './GuideSheets.tsx';
import { useLabels } from './labels.ts';
import type { Guide } from './types.ts';

type Props = { document: ImplementationDocument };

/** Items with React keys made of their content (a repeated content gets a counter). */
function keyed<T>(items: readonly T[], name: (item: T) => string): { item: T; key: string; no: number }[] {
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    const base = name(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { item, key: n > 1 ? `${base}#${n}` : base, no: i + 1 };
  });
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section className="guide-section" data-testid={`guide-${id}`} aria-labelledby={`guide-${id}-title`}>
      <h3 id={`guide-${id}-title`} className="guide-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

const Text = ({ value }: { value: string }) => {
  const { t } = useTranslation();
  return <div className="guide-text">{value.trim() || t('catalogue.guide.none')}</div>;
};

export function ConditionsSection({ document: doc }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="conditions" title={t('catalogue.guide.conditions')}>
      <Text value={doc.acceptanceConditions} />
    </Section>
  );
}

/** The materials to hand in; with the guide, what each offers to print (空表, 样表). */
export function MaterialsSection({
  document: doc,
  guide,
}: Props & { guide?: Pick<Guide, 'implementationId' | 'formSheet'> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section id="materials" title={t('catalogue.guide.materials')}>
      {doc.materials.length === 0 ? (
        <div className="guide-text">{t('catalogue.guide.noMaterials')}</div>
      ) : (
        <ol className="guide-materials">
          {doc.materials.map((m) => (
            <li key={m.key} className="guide-material" data-testid="guide-material">
              <div className="guide-material-name">{m.name}</div>
              <div className="guide-material-tags">
                <Tag>{labels.materialType[m.type]}</Tag>
                <Tag>
                  {m.paperCopies > 0
                    ? `${t('catalogue.guide.copies')} ${t('catalogue.guide.copiesValue', { count: m.paperCopies })}`
                    : t('catalogue.guide.noPaper')}
                </Tag>
                {m.required ? (
                  <Tag color="red">{t('catalogue.guide.required')}</Tag>
                ) : (
                  <Tag color="orange">{t('catalogue.guide.conditional', { condition: m.condition })}</Tag>
                )}
                {m.gapAllowed ? <Tag color="green">{t('catalogue.guide.gapAllowed')}</Tag> : null}
                {m.source === 'e_certificate' ? (
                  <Tag color="blue">{t('catalogue.guide.eCertificate', { type: m.certificateType })}</Tag>
                ) : (
                  <Tag>{labels.materialSource[m.source]}</Tag>
                )}
              </div>
              {m.form || m.notes ? (
                <div className="guide-material-notes">{[m.form, m.notes].filter(Boolean).join('；')}</div>
              ) : null}
              {guide ? <MaterialSheets guide={guide} material={m} /> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function StepsSection({ document: doc }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const unit = labels.limitUnit[doc.promisedLimit.unit];
  return (
    <Section id="steps" title={t('catalogue.guide.process')}>
      <ol className="guide-steps">
        {keyed(doc.steps, (s) => s.name).map(({ item: s, key, no }) => (
          <li key={key} className="guide-step">
            <span className="guide-step-no">{no}</span>
            <div>
              <div className="guide-step-name">
                {labels.step[s.name]}
                <span className="guide-step-meta">
                  {s.role}
                  {s.days > 0 ? ` · ${t('catalogue.guide.stepDays', { count: s.days, unit })}` : ''}
                </span>
              </div>
              {s.description ? <div className="guide-step-desc">{s.description}</div> : null}
            </div>
          </li>
        ))}
      </ol>
      {doc.specialProcedures.length > 0 ? (
        <div className="guide-special">
          <strong>{t('catalogue.guide.specialProcedures')}：</strong>
          {doc.specialProcedures
            .map(
              (p) =>
                `${labels.specialProcedure[p.kind]}（${t('catalogue.guide.upTo', { count: p.maxDays })}）`,
            )
            .join('；')}
        </div>
      ) : null}
    </Section>
  );
}

export function PlacesSection({ document: doc }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="places" title={t('catalogue.guide.places')}>
      {keyed(doc.places, (p) => p.name).map(({ item: p, key }) => (
        <div key={key} className="guide-place">
          <div className="guide-place-name">{p.name}</div>
          {p.window ? (
            <div>
              <span className="label">{t('catalogue.guide.window')}：</span>
              {p.window}
            </div>
          ) : null}
          <div>
            <span className="label">{t('catalogue.guide.address')}：</span>
            {p.address}
          </div>
          <div>
            <span className="label">{t('catalogue.guide.hours')}：</span>
            {p.hours}
          </div>
        </div>
      ))}
    </Section>
  );
}

export function FeesSection({ document: doc }: Props) {
  const { t } = useTranslation();
  if (doc.fees.length === 0) return null;
  return (
    <Section id="fees" title={t('catalogue.guide.fees')}>
      <ul className="guide-list">
        {keyed(doc.fees, (f) => f.name).map(({ item: f, key }) => (
          <li key={key}>
            <strong>{f.name}</strong>：{f.amount > 0 ? formatYuan(f.amount) : t('catalogue.guide.free')}
            {f.standard ? `（${f.standard}）` : ''}
            <div className="muted">{t('catalogue.guide.feeBasis', { basis: f.legalBasis })}</div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ContactsSection({ document: doc }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="contacts" title={t('catalogue.guide.contacts')}>
      <dl className="guide-pairs">
        <dt>{t('catalogue.guide.consultation')}</dt>
        <dd>{doc.consultation || t('catalogue.guide.none')}</dd>
        <dt>{t('catalogue.guide.complaint')}</dt>
        <dd>{doc.complaint || t('catalogue.guide.none')}</dd>
      </dl>
    </Section>
  );
}

export function ResultSection({ document: doc }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Section id="result" title={t('catalogue.guide.result')}>
      <dl className="guide-pairs">
        <dt>{t('catalogue.guide.resultName')}</dt>
        <dd>
          {doc.result.name || t('catalogue.guide.none')}（{labels.resultType[doc.result.type]}）
        </dd>
        <dt>{t('catalogue.guide.delivery')}</dt>
        <dd>{doc.delivery.map((d) => labels.delivery[d]).join('、') || t('catalogue.guide.none')}</dd>
      </dl>
    </Section>
  );
}

export function LegalBasisSection({ basis }: { basis: LegalBasis[] }) {
  const { t } = useTranslation();
  if (basis.length === 0) return null;
  return (
    <Collapse
      className="guide-basis"
      ghost
      items={[
        {
          key: 'basis',
          label: t('catalogue.guide.basis'),
          children: keyed(basis, (b) => `${b.name}${b.article}`).map(({ item: b, key }) => (
            <p key={key}>
              <strong>
                《{b.name}》{b.article}
              </strong>
              {b.text ? `：${b.text}` : ''}
            </p>
          )),
        },
      ]}
    />
  );
}
