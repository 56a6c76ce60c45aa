import './forms.css';
import { Card, Descriptions, Grid, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionName } from './fields/RegionInput.tsx';
import { SourceNote } from './fields/SourceNote.tsx';
import { useWords } from './fields/words.ts';
import { type AnyField, formatValue, type Lang, labelOf } from './format.ts';
import type { FormField, FormViewProps } from './types.ts';
import { levelState } from './visibility.ts';

type Row = Record<string, unknown>;

/**
 * The filled form as the reviewer and the applicant read it: section by section, each shown field
 * with its label and value (choices by their labels), a prefilled one with its source, a corrected
 * one with the source's value beside it, the fields a 补正 notice points at highlighted.
 */
export function FormView({ definition, values, sources = {}, highlighted = [] }: FormViewProps) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const words = useWords();
  // On a phone each label stands above its value.
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  // The view sits in a column of the case page: two fields a row only on a wide screen, so a value
  // and the note of its source do not wrap line after line.
  const columns = screens.xxl ? 2 : 1;
  const marked = new Set(highlighted.map((path) => path.split('.')[0]!));
  const top = levelState(
    definition.sections.flatMap((s) => s.fields),
    values,
  );
  return (
    <div className="form-view" data-testid="form-view">
      {definition.sections.map((section) => {
        const fields = section.fields.filter((f) => top.shown.has(f.key));
        if (!fields.length) return null;
        return (
          <Card
            key={section.key}
            size="small"
            title={lang === 'en' && section.titleEn ? section.titleEn : section.title}
            className="form-section"
            data-testid="form-view-section"
          >
            <Descriptions
              bordered
              size="small"
              layout={phone ? 'vertical' : 'horizontal'}
              column={columns}
              items={fields.map((field) => {
                const source = sources[field.key];
                const highlight = marked.has(field.key);
                return {
                  key: field.key,
                  span: field.type === 'table' || field.type === 'textarea' ? 'filled' : 1,
                  label: (
                    <span>
                      {labelOf(field, lang)}
                      {highlight ? (
                        <Tag color="orange" className="form-view-tag">
                          {t('forms.needsCorrection')}
                        </Tag>
                      ) : null}
                    </span>
                  ),
                  children: (
                    <div
                      className={highlight ? 'form-view-highlighted' : undefined}
                      data-testid="form-view-field"
                      data-key={field.key}
                      data-highlighted={highlight}
                      data-prefilled={source !== undefined}
                      data-corrected={source?.corrected === true}
                    >
                      {field.type === 'table' ? (
                        <TableView field={field} rows={values[field.key]} outer={top.lookup} lang={lang} />
                      ) : (
                        <ValueText field={field} value={values[field.key]} lang={lang} />
                      )}
                      {source ? (
                        <SourceNote
                          source={source}
                          corrected={source.corrected}
                          sourceText={formatValue(field, source.value, lang, words)}
                        />
                      ) : null}
                    </div>
                  ),
                };
              })}
            />
          </Card>
        );
      })}
    </div>
  );
}

function ValueText({ field, value, lang }: { field: AnyField; value: unknown; lang: Lang }) {
  const { t } = useTranslation();
  const words = useWords();
  const region = useRegionName(field.type === 'region' && typeof value === 'string' ? value : undefined);
  const text =
    field.type === 'region' && region ? `${region} · ${value}` : formatValue(field, value, lang, words);
  if (!text) return <span className="form-view-value-empty">{t('forms.empty')}</span>;
  return <span className="form-view-value">{text}</span>;
}

function TableView({
  field,
  rows,
  outer,
  lang,
}: {
  field: FormField;
  rows: unknown;
  outer: (key: string) => unknown;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const list: Row[] = Array.isArray(rows) ? (rows as Row[]) : [];
  if (!list.length) return <span className="form-view-value-empty">{t('forms.empty')}</span>;
  const columns = field.columns ?? [];
  return (
    <Table<Row & { _index: number }>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey="_index"
      dataSource={list.map((row, i) => ({ ...row, _index: i }))}
      columns={columns.map((c) => ({
        key: c.key,
        title: labelOf(c, lang),
        render: (_: unknown, row: Row) =>
          levelState(columns, row, outer).shown.has(c.key) ? (
            <ValueText field={c} value={row[c.key]} lang={lang} />
          ) : null,
      }))}
    />
  );
}
