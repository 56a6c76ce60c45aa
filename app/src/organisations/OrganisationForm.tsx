import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCreditCode } from '../../../common/identity.ts';
import { ORGANISATION_KINDS } from '../../../common/roles.ts';
import { useRules } from '../components/rules.ts';
import { RegionSelect } from '../regions/RegionSelect.tsx';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import type { Organisation } from './types.ts';

export type OrganisationValues = {
  name: string;
  shortName?: string;
  kind: Organisation['kind'];
  regionCode: string;
  parentId?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
};

/** The fields of the create/edit dialog for an organisation. */
export function OrganisationFields({ editing }: { editing: Organisation | null }) {
  const { t } = useTranslation();
  const { required, chosen } = useRules();
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={t('admin.org.name')} rules={[required(t('admin.org.name'))]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="shortName" label={t('admin.org.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t('admin.org.kind')} rules={[chosen(t('admin.org.kind'))]}>
          <Select options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`admin.orgKinds.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="regionCode" label={t('admin.org.region')} rules={[chosen(t('admin.org.region'))]}>
          <RegionSelect currentName={editing?.regionName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="parentId" label={t('admin.org.parent')}>
          <OrganisationSelect allowClear excludeId={editing?.id} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="creditCode"
          label={t('admin.org.creditCode')}
          normalize={(v: string) => v?.toUpperCase()}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (value && !isCreditCode(value.trim())) throw new Error(t('login.creditCodeInvalid'));
              },
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('admin.org.phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('admin.org.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The request body: empty optional fields become null. */
export function organisationBody(values: OrganisationValues) {
  return {
    name: values.name.trim(),
    shortName: blank(values.shortName),
    kind: values.kind,
    regionCode: values.regionCode,
    parentId: values.parentId ?? null,
    creditCode: blank(values.creditCode),
    phone: blank(values.phone),
    address: blank(values.address),
  };
}
