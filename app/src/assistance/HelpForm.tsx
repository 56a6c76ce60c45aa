import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_PHONE } from '../../../common/assistance/api.ts';
import { type HelpHalls, useMatterSearch } from './api.ts';

export type HelpFormValues = {
  hallId?: string;
  name?: string;
  phone?: string;
  implementationId?: string;
  note?: string;
};

const PHONE = new RegExp(CONTACT_PHONE);

type Props = {
  /** Portal: the halls to choose from. */
  halls?: HelpHalls['items'];
  /** Kiosk without an ID card read: the name is asked for. */
  askName: boolean;
  phoneRequired: boolean;
  /** Kiosk: the hall's popular matters to choose from (the portal searches the catalogue). */
  matters?: { implementationId: string; name: string }[];
};

/** The fields of a help request: hall (portal), name (kiosk without a card), phone, matter and note. */
export function HelpFields({ halls, askName, phoneRequired, matters }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {halls ? (
        <Form.Item
          name="hallId"
          label={t('assistance.hall')}
          rules={[{ required: true, message: t('assistance.hallPlaceholder') }]}
        >
          <Select
            data-testid="help-hall"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('assistance.hallPlaceholder')}
            options={halls.map((h) => ({ value: h.id, label: h.name }))}
          />
        </Form.Item>
      ) : null}
      {askName ? (
        <Form.Item
          name="name"
          label={t('assistance.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { label: t('assistance.name') }),
            },
          ]}
        >
          <Input maxLength={50} data-testid="help-name" autoComplete="name" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="phone"
        label={t('assistance.phone')}
        rules={[
          { required: phoneRequired, message: t('common.required', { label: t('assistance.phone') }) },
          { pattern: PHONE, message: t('assistance.phoneInvalid') },
        ]}
      >
        <Input inputMode="tel" maxLength={13} data-testid="help-phone" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="implementationId" label={t('assistance.matter')}>
        {matters ? (
          <Select
            allowClear
            data-testid="help-matter"
            options={matters.map((m) => ({ value: m.implementationId, label: m.name }))}
          />
        ) : (
          <MatterSearch />
        )}
      </Form.Item>
      <Form.Item name="note" label={t('assistance.note')}>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('assistance.notePlaceholder')}
          data-testid="help-note"
        />
      </Form.Item>
    </>
  );
}

/** A matter chosen by typing part of its name. */
function MatterSearch(props: { value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useMatterSearch(q);
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={t('assistance.matterPlaceholder')}
      data-testid="help-matter"
      options={(found.data?.items ?? []).map((m) => ({
        value: m.implementationId,
        label: `${m.name}（${m.departmentName}）`,
      }))}
    />
  );
}
