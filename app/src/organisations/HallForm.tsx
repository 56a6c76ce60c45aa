import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { WINDOW_KINDS } from '../../../common/roles.ts';
import { useRules } from '../components/rules.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import type { Hall, HallWindow } from './types.ts';

export type HallValues = {
  organisationId: string;
  name: string;
  address: string;
  openingHours: string;
  phone?: string;
  latitude?: number | null;
  longitude?: number | null;
  active?: boolean;
};

export type WindowValues = {
  number: string;
  name: string;
  kind: HallWindow['kind'];
  departmentId?: string;
  active?: boolean;
};

function ActiveSwitch() {
  const { t } = useTranslation();
  return (
    <Col span={24}>
      <Form.Item name="active" label={t('common.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </Col>
  );
}

export function HallFields({ editing }: { editing: Hall | null }) {
  const { t } = useTranslation();
  const { required } = useRules();
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="organisationId"
          label={t('admin.hall.organisation')}
          rules={[required(t('admin.hall.organisation'))]}
        >
          <OrganisationSelect
            disabled={!!editing}
            currentName={editing?.organisationName}
            kinds={['service_centre', 'street_centre', 'community_station']}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item name="name" label={t('admin.hall.name')} rules={[required(t('admin.hall.name'))]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name="phone" label={t('portal.phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('portal.address')} rules={[required(t('portal.address'))]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="openingHours"
          label={t('portal.openingHours')}
          rules={[required(t('portal.openingHours'))]}
        >
          <Input maxLength={200} placeholder={t('admin.hall.openingHoursExample')} />
        </Form.Item>
      </Col>
      <PositionFields />
      {editing ? <ActiveSwitch /> : null}
    </Row>
  );
}

/** The hall's position (WGS-84), for 身边的政务服务站: both coordinates or neither. */
function PositionFields() {
  const { t } = useTranslation();
  const rule =
    (other: 'latitude' | 'longitude') =>
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_: unknown, value: number | null | undefined) => {
        const mine = value !== null && value !== undefined;
        const theirs = getFieldValue(other) !== null && getFieldValue(other) !== undefined;
        return mine || !theirs ? Promise.resolve() : Promise.reject(new Error(t('admin.hall.positionPair')));
      },
    });
  return (
    <>
      <Col xs={12} md={12}>
        <Form.Item
          name="latitude"
          label={t('admin.hall.latitude')}
          dependencies={['longitude']}
          rules={[rule('longitude')]}
          extra={t('admin.hall.positionHint')}
        >
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={12}>
        <Form.Item
          name="longitude"
          label={t('admin.hall.longitude')}
          dependencies={['latitude']}
          rules={[rule('latitude')]}
        >
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
}

export function WindowFields({ editing }: { editing: HallWindow | null }) {
  const { t } = useTranslation();
  const { required, chosen } = useRules();
  const form = Form.useFormInstance<WindowValues>();
  const kind = Form.useWatch('kind', form);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="number"
          label={t('admin.window.number')}
          rules={[required(t('admin.window.number'))]}
        >
          <Input maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={t('admin.window.name')} rules={[required(t('admin.window.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name="kind" label={t('admin.window.kind')} rules={[chosen(t('admin.window.kind'))]}>
          <Select options={WINDOW_KINDS.map((k) => ({ value: k, label: t(`admin.windowKinds.${k}`) }))} />
        </Form.Item>
      </Col>
      {kind === 'dedicated' ? (
        <Col xs={24} md={14}>
          <Form.Item
            name="departmentId"
            label={t('admin.window.department')}
            rules={[chosen(t('admin.window.department'))]}
          >
            <OrganisationSelect kinds={['department']} currentName={editing?.departmentName} />
          </Form.Item>
        </Col>
      ) : null}
      {editing ? <ActiveSwitch /> : null}
    </Row>
  );
}
