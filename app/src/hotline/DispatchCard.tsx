import { Alert, App, Button, Empty, Form, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../api/mutation.ts';
import { OrganisationSelect } from '../organisations/OrganisationSelect.tsx';
import {
  type DispatchBody,
  dispatch,
  REQUESTS,
  type RequestView,
  redispatch,
  useSuggestions,
} from './api.ts';

type Values = { primaryDepartmentId?: string; assistingDepartmentIds?: string[] };

/**
 * 派单 (or 改派 once departments had it): the departments the catalogue suggests for the request's
 * content, one 主办 and any 协办.
 */
export function DispatchCard({ request, again }: { request: RequestView; again: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const suggested = useSuggestions(request.id, true);
  const write = useWrite<DispatchBody>({
    action: (body) => (again ? redispatch(request.id, body) : dispatch(request.id, body)),
    form,
    invalidates: [REQUESTS],
    onSuccess: () => {
      message.success(t('hotline.dispatch.done'));
      form.resetFields();
    },
  });
  const departments = suggested.data?.departments ?? [];
  const names = new Map(departments.map((d) => [d.departmentId, d.name]));
  const primary = Form.useWatch('primaryDepartmentId', form);
  const submit = (v: Values) => {
    if (!v.primaryDepartmentId) return;
    const primaryId = v.primaryDepartmentId;
    void write.run({
      primaryDepartmentId: primaryId,
      assistingDepartmentIds: (v.assistingDepartmentIds ?? []).filter((id) => id !== primaryId),
    });
  };
  return (
    <div data-testid="hotline-dispatch">
      <Typography.Text strong>{t('hotline.dispatch.suggested')}</Typography.Text>
      {suggested.data?.keywords.length ? (
        <div className="hotline-target">
          {t('hotline.dispatch.keywords')}：
          {suggested.data.keywords.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </div>
      ) : null}
      {suggested.isSuccess && departments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.dispatch.noSuggestion')} />
      ) : null}
      {departments.map((d) => (
        <div key={d.departmentId} className="hotline-suggestion" data-testid="suggested-department">
          <Space orientation="vertical" size={0}>
            <span>{d.name}</span>
            <Typography.Text type="secondary">{d.matters.join('、')}</Typography.Text>
          </Space>
          <Button
            size="small"
            disabled={primary === d.departmentId}
            onClick={() => form.setFieldValue('primaryDepartmentId', d.departmentId)}
          >
            {t('hotline.dispatch.usePrimary')}
          </Button>
        </div>
      ))}
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item
          name="primaryDepartmentId"
          label={t('hotline.dispatch.primary')}
          rules={[{ required: true, message: t('hotline.dispatch.primaryRule') }]}
        >
          <DepartmentSelect id="dispatch-primary" names={names} />
        </Form.Item>
        <Form.Item name="assistingDepartmentIds" label={t('hotline.dispatch.assisting')}>
          <DepartmentsSelect id="dispatch-assisting" />
        </Form.Item>
        {write.problem ? <Alert type="error" showIcon title={write.problem} className="case-block" /> : null}
        <Button type="primary" htmlType="submit" loading={write.busy} data-testid="dispatch-submit">
          {t(again ? 'hotline.dispatch.redispatch' : 'hotline.dispatch.submit')}
        </Button>
      </Form>
    </div>
  );
}

function DepartmentSelect(props: {
  id: string;
  names: Map<string, string>;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  return (
    <OrganisationSelect
      id={props.id}
      kinds={['department']}
      value={props.value}
      currentName={props.value ? props.names.get(props.value) : null}
      onChange={props.onChange}
      allowClear
    />
  );
}

/** Several departments: one select per chosen department plus one empty. */
function DepartmentsSelect(props: { id: string; value?: string[]; onChange?: (value: string[]) => void }) {
  const chosen = props.value ?? [];
  const set = (index: number, id: string | undefined) => {
    const next = [...chosen];
    if (id) next[index] = id;
    else next.splice(index, 1);
    props.onChange?.([...new Set(next)]);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {[...chosen, undefined].map((value, index) => (
        <OrganisationSelect
          key={value ?? 'new'}
          id={index === chosen.length ? props.id : undefined}
          kinds={['department']}
          value={value}
          onChange={(id) => set(index, id)}
          allowClear
        />
      ))}
    </Space>
  );
}
