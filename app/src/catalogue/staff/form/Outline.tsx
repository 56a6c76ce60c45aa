import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  ExclamationCircleFilled,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../../common/forms/schema.ts';
import { type AnyField, type Place, readersOf, samePlace } from './model.ts';
import { conditionText, resolverOf } from './texts.ts';

type Props = {
  form: FormDefinition;
  selected: Place | null;
  /** Whether there are problems at the place or inside it. */
  troubled: (place: Place) => boolean;
  onSelect: (place: Place) => void;
  onMove: (place: Place, delta: -1 | 1) => void;
  onRemove: (place: Place) => void;
  onAddField: (s: number) => void;
  onAddColumn: (s: number, f: number) => void;
  onAddSection: () => void;
};

/** The sections, their fields and tables' columns in order, to choose, move, remove and add to. */
export function Outline(props: Props) {
  const { form, selected, troubled, onSelect, onMove, onRemove, onAddField, onAddColumn, onAddSection } =
    props;
  const { t } = useTranslation();
  const e = (key: 'moveUp' | 'moveDown' | 'remove') => t(`catalogue.staff.formEditor.${key}`);
  const actions = (place: Place, first: boolean, last: boolean, confirm: string) => (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: keeps a click on a button from selecting the row
    <span className="fd-actions" onClick={(ev) => ev.stopPropagation()}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={first}
        aria-label={e('moveUp')}
        title={e('moveUp')}
        onClick={() => onMove(place, -1)}
        data-testid="move-up"
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={last}
        aria-label={e('moveDown')}
        title={e('moveDown')}
        onClick={() => onMove(place, 1)}
        data-testid="move-down"
      />
      <Popconfirm title={confirm} onConfirm={() => onRemove(place)}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={e('remove')}
          title={e('remove')}
          data-testid="remove"
        />
      </Popconfirm>
    </span>
  );
  const removeField = (place: Place) => {
    const readers = readersOf(form, place);
    return readers.length
      ? t('catalogue.staff.formEditor.removeReferenced', { labels: readers.join('、') })
      : t('catalogue.staff.formEditor.removeFieldConfirm');
  };
  const lastField = (s: number, f: number) =>
    s === form.sections.length - 1 && f === form.sections[s]!.fields.length - 1;

  const item = (field: AnyField, place: Place, first: boolean, last: boolean, resolve = resolverOf(form)) => (
    // biome-ignore lint/a11y/useSemanticElements: a row holding buttons cannot be a button
    <div
      role="button"
      tabIndex={0}
      className={`fd-item ${place.c === undefined ? 'fd-field' : 'fd-column'}${samePlace(place, selected) ? ' fd-selected' : ''}`}
      onClick={() => onSelect(place)}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onSelect(place);
        }
      }}
      data-testid={place.c === undefined ? 'outline-field' : 'outline-column'}
      data-key={field.key}
    >
      <span className="fd-item-text">
        {troubled(place) ? <ExclamationCircleFilled className="fd-trouble" aria-label="!" /> : null}
        <span className="fd-item-label">{field.label || t('catalogue.staff.formEditor.untitled')}</span>
        <span className="fd-tags">
          <Tag>{t(`catalogue.staff.formEditor.types.${field.type}`)}</Tag>
          {field.required ? <Tag color="red">{t('catalogue.staff.formEditor.tag.required')}</Tag> : null}
          {field.requiredWhen ? (
            <Tooltip title={conditionText(t, field.requiredWhen, resolve)}>
              <Tag color="orange">{t('catalogue.staff.formEditor.tag.requiredWhen')}</Tag>
            </Tooltip>
          ) : null}
          {field.shownWhen ? (
            <Tooltip title={conditionText(t, field.shownWhen, resolve)}>
              <Tag color="blue" data-testid="tag-shownWhen">
                {t('catalogue.staff.formEditor.tag.shownWhen')}
              </Tag>
            </Tooltip>
          ) : null}
          {field.binding ? <Tag color="green">{t('catalogue.staff.formEditor.tag.binding')}</Tag> : null}
        </span>
      </span>
      {actions(place, first, last, removeField(place))}
    </div>
  );

  return (
    <div className="fd-outline" data-testid="form-outline">
      {form.sections.map((section, s) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat while being typed; the place tells them apart
          key={`${s}-${section.key}`}
          className="fd-section"
          data-testid="outline-section"
          data-key={section.key}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: a row holding buttons cannot be a button */}
          <div
            role="button"
            tabIndex={0}
            className={`fd-item fd-section-head${samePlace({ s }, selected) ? ' fd-selected' : ''}`}
            onClick={() => onSelect({ s })}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                onSelect({ s });
              }
            }}
          >
            <span className="fd-item-text">
              {troubled({ s }) ? <ExclamationCircleFilled className="fd-trouble" aria-label="!" /> : null}
              <span className="fd-section-title">
                {section.title || t('catalogue.staff.formEditor.untitled')}
              </span>
            </span>
            {actions(
              { s },
              s === 0,
              s === form.sections.length - 1,
              t('catalogue.staff.formEditor.removeSectionConfirm', { count: section.fields.length }),
            )}
          </div>
          {section.fields.map((field, f) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat while being typed; the place tells them apart
            <div key={`${f}-${field.key}`}>
              {item(field, { s, f }, s === 0 && f === 0, lastField(s, f))}
              {field.type === 'table' ? (
                <div className="fd-columns">
                  {(field.columns ?? []).map((column, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat while being typed; the place tells them apart
                    <Fragment key={`${c}-${column.key}`}>
                      {item(
                        column,
                        { s, f, c },
                        c === 0,
                        c === (field.columns?.length ?? 0) - 1,
                        resolverOf(form, field.columns),
                      )}
                    </Fragment>
                  ))}
                  <Button
                    size="small"
                    type="link"
                    icon={<PlusOutlined />}
                    onClick={() => onAddColumn(s, f)}
                    data-testid="add-column"
                  >
                    {t('catalogue.staff.formEditor.addColumn')}
                  </Button>
                </div>
              ) : null}
            </div>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            className="fd-add-field"
            onClick={() => onAddField(s)}
            data-testid="add-field"
          >
            {t('catalogue.staff.formEditor.addField')}
          </Button>
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={onAddSection} data-testid="add-section">
        {t('catalogue.staff.formEditor.addSection')}
      </Button>
    </div>
  );
}
