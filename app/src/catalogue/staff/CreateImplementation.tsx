import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EXERCISING_LEVELS, MATTER_TYPES } from '../../../../common/catalogue/elements.ts';
import { ApiError } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import { useWrite } from '../../api/mutation.ts';
import { useMe } from '../../auth/session.ts';
import type { PublicOrganisation } from '../../organisations/types.ts';
import { useLabels } from '../labels.ts';
import { catalogueApi, IMPLEMENTATIONS, searchBasicMatters } from './api.ts';
import { blankDocument } from './blank.ts';
import type { BasicMatter } from './types.ts';

type Values = {
  newBasic: boolean;
  basicMatterId?: string;
  basicCode?: string;
  basicName?: string;
  matterType?: BasicMatter['matterType'];
  exercisingLevel?: BasicMatter['exercisingLevel'];
  basisName?: string;
  basisArticle?: string;
  basisText?: string;
  organisationId: string;
  regionCode: string;
  code: string;
  name: string;
};

/** Errors about the new basic matter name its own fields, not the implementation's. */
function basicMatterError(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field) return error;
  const field = error.field.replace(/^body[./]/, '');
  const mapped = field === 'code' ? 'basicCode' : field === 'name' ? 'basicName' : field;
  return new ApiError(error.status, { code: error.code, message: error.message, field: mapped });
}

/** Creates an implementation (and, when needed, its basic matter) with a first draft, then opens the editor. */
export function CreateImplementation({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [matters, setMatters] = useState<BasicMatter[]>([]);
  const newBasic = Form.useWatch('newBasic', form) ?? false;
  const organisations = useList<PublicOrganisation>('/api/organisations', { active: true, limit: 200 });
  const required = (label: string) => [{ required: true, message: t('common.required', { label }) }];

  const findMatters = async (q: string) => {
    const answer = await searchBasicMatters(q);
    setMatters(Array.isArray(answer) ? answer : answer.items);
  };

  const create = useWrite<Values, { id: string }>({
    action: async (v) => {
      let basicMatterId = v.basicMatterId ?? '';
      if (v.newBasic) {
        const created = await catalogueApi
          .createBasicMatter({
            code: v.basicCode ?? '',
            name: v.basicName ?? '',
            matterType: v.matterType ?? 'licensing',
            exercisingLevel: v.exercisingLevel ?? 'city',
            legalBasis: v.basisName
              ? [{ name: v.basisName, article: v.basisArticle ?? '', text: v.basisText ?? '' }]
              : [],
          })
          .catch((error: unknown) => {
            throw basicMatterError(error);
          });
        basicMatterId = created.id;
        form.setFieldsValue({ newBasic: false, basicMatterId });
        setMatters((list) => [created, ...list]);
      }
      return catalogueApi.createImplementation({
        basicMatterId,
        code: v.code.trim().toUpperCase(),
        organisationId: v.organisationId,
        regionCode: v.regionCode,
        document: blankDocument(v.name.trim()),
      });
    },
    form,
    invalidates: [IMPLEMENTATIONS],
    onSuccess: (created) => {
      onClose();
      navigate(`/workbench/catalogue/${created.id}`);
    },
  });
  const submit = async () => {
    await create.run(await form.validateFields());
  };

  return (
    <Modal
      open
      width={640}
      title={t('catalogue.staff.newImplementation')}
      okText={t('common.create')}
      confirmLoading={create.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {create.problem ? (
        <Alert type="error" showIcon title={create.problem} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ newBasic: false, organisationId: me?.organisationId ?? undefined }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.basicMatterId) {
            const m = matters.find((x) => x.id === changed.basicMatterId);
            if (m && !form.getFieldValue('name')) form.setFieldValue('name', m.name);
          }
          if (changed.basicName && !form.isFieldTouched('name'))
            form.setFieldValue('name', changed.basicName);
          if (changed.organisationId) {
            const org = organisations.data?.items.find((o) => o.id === changed.organisationId);
            if (org) form.setFieldValue('regionCode', org.regionCode);
          }
        }}
      >
        <Form.Item name="newBasic" label={t('catalogue.staff.newBasicMatter')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {newBasic ? (
          <>
            <Form.Item
              name="basicCode"
              label={t('catalogue.staff.basicCode')}
              rules={required(t('catalogue.staff.basicCode'))}
            >
              <Input placeholder="000126021000" />
            </Form.Item>
            <Form.Item
              name="basicName"
              label={t('catalogue.staff.name')}
              rules={required(t('catalogue.staff.name'))}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="matterType"
              label={t('catalogue.staff.matterType')}
              rules={required(t('catalogue.staff.matterType'))}
            >
              <Select options={MATTER_TYPES.map((m) => ({ value: m, label: labels.matterType[m] }))} />
            </Form.Item>
            <Form.Item
              name="exercisingLevel"
              label={t('catalogue.staff.exercisingLevel')}
              rules={required(t('catalogue.staff.exercisingLevel'))}
            >
              <Select
                options={EXERCISING_LEVELS.map((m) => ({ value: m, label: labels.exercisingLevel[m] }))}
              />
            </Form.Item>
            <Form.Item name="basisName" label={t('catalogue.staff.legalBasisName')}>
              <Input />
            </Form.Item>
            <Form.Item name="basisArticle" label={t('catalogue.staff.legalBasisArticle')}>
              <Input />
            </Form.Item>
            <Form.Item name="basisText" label={t('catalogue.staff.legalBasisText')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="basicMatterId"
            label={t('catalogue.staff.basicMatter')}
            rules={required(t('catalogue.staff.basicMatter'))}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: (q) => void findMatters(q) }}
              placeholder={t('catalogue.staff.pickBasicMatter')}
              onFocus={() => void findMatters('')}
              options={matters.map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="organisationId"
          label={t('catalogue.staff.organisation')}
          rules={required(t('catalogue.staff.organisation'))}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('catalogue.staff.regionCode')}
          rules={required(t('catalogue.staff.regionCode'))}
        >
          <Input placeholder="610100" />
        </Form.Item>
        <Form.Item name="code" label={t('catalogue.staff.code')} rules={required(t('catalogue.staff.code'))}>
          <Input placeholder="11610100MB0000000X000126021000" />
        </Form.Item>
        <Form.Item name="name" label={t('catalogue.staff.name')} rules={required(t('catalogue.staff.name'))}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
