import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../../common/cases/state-machine.ts';
import { api } from '../../api/client.ts';
import { optionsOf, useLabels } from '../../catalogue/labels.ts';
import { CASES } from '../api.ts';
import { DeliveryFields } from '../DeliveryFields.tsx';
import { MaterialPicker, type PickedMaterials } from '../MaterialPicker.tsx';
import { ParcelList, parcelsOf } from '../Originals.tsx';
import type { CaseDetail } from '../types.ts';

export type Field =
  | 'reason'
  | 'reasonOptional'
  | 'legalBasis'
  | 'legalBasisOptional'
  | 'problems'
  | 'gaps'
  | 'procedure'
  | 'expectedEnd'
  | 'delivery'
  | 'materials'
  | 'materialsOptional'
  | 'promise'
  | 'assignee'
  | 'trackingNo'
  | 'trackingNoOptional';

/** What each action asks of the person doing it. */
export const ACTION_FIELDS: Partial<Record<CaseAction, Field[]>> = {
  accept_with_gaps: ['gaps'],
  not_accept: ['reason', 'legalBasis'],
  request_supplement: ['problems'],
  resubmit: ['materialsOptional'],
  approve: ['reasonOptional'],
  deny: ['reason', 'legalBasisOptional'],
  suspend: ['procedure', 'reason', 'expectedEnd'],
  escalate: ['reason'],
  terminate: ['reason'],
  supply_gap: ['materials'],
  deliver: ['delivery'],
  approve_on_promise: ['promise'],
  verify: ['reasonOptional'],
  revoke: ['reason'],
  reassign: ['assignee', 'reason'],
  hand_back: ['reason'],
  post_originals: ['trackingNo'],
  receive_originals: ['trackingNoOptional'],
};

/** The material or field key a problem's target names: `m:<material key>`, `f:<form field key>`, none. */
export function keysOfTarget(target: string | undefined): { materialKey?: string; fieldKey?: string } {
  if (target?.startsWith('m:')) return { materialKey: target.slice(2) };
  if (target?.startsWith('f:')) return { fieldKey: target.slice(2) };
  return {};
}

type Props = {
  detail: CaseDetail;
  action: CaseAction;
  picked: PickedMaterials;
  onPicked: (next: PickedMaterials) => void;
};

/** The form fields of one action (inside the action's Form). */
export function ActionFields({ detail, action, picked, onPicked }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fields = ACTION_FIELDS[action] ?? [];
  const rule = (message: string) => [{ required: true, whitespace: true, message }];
  const fieldOptions = (detail.form?.definition.sections ?? []).flatMap((s) =>
    s.fields.map((f) => ({ value: `f:${f.key}`, label: `${f.label}（${s.title}）` })),
  );
  const materialOptions = [
    {
      label: t('cases.staff.targetMaterials'),
      options: detail.materials.map((m) => ({ value: `m:${m.key}`, label: m.name })),
    },
    ...(fieldOptions.length ? [{ label: t('cases.staff.targetFields'), options: fieldOptions }] : []),
  ];
  const gapOptions = detail.materials
    .filter((m) => m.gapAllowed)
    .map((m) => ({ value: m.key, label: m.name, disabled: m.supplied }));
  const uploadable =
    action === 'supply_gap' ? detail.materials.filter((m) => detail.gaps.includes(m.key)) : detail.materials;
  return (
    <>
      {fields.includes('gaps') ? (
        <>
          <Form.Item
            name="gaps"
            label={t('cases.staff.gaps')}
            rules={[{ required: true, message: t('cases.staff.gapsRule') }]}
          >
            <Checkbox.Group options={gapOptions} data-testid="action-gaps" />
          </Form.Item>
          <Form.Item
            name="gapDeadline"
            label={t('cases.staff.gapDeadline')}
            rules={[
              { required: true, message: t('common.required', { label: t('cases.staff.gapDeadline') }) },
            ]}
          >
            <DatePicker data-testid="action-gap-deadline" />
          </Form.Item>
        </>
      ) : null}
      {fields.includes('problems') ? (
        <Form.List name="problems">
          {(items, { add, remove }) => (
            <div data-testid="action-problems">
              <div className="action-label">{t('cases.staff.problems')}</div>
              {items.map((item, i) => (
                <div key={item.key} className="action-problem" data-testid="action-problem">
                  <span className="action-problem-no">{i + 1}.</span>
                  <Form.Item name={[item.name, 'target']} className="action-problem-material">
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      virtual={false}
                      placeholder={
                        fieldOptions.length
                          ? t('cases.staff.problemTarget')
                          : t('cases.staff.problemMaterial')
                      }
                      options={materialOptions}
                      data-testid="action-problem-target"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'problem']}
                    className="action-problem-text"
                    rules={rule(t('common.required', { label: t('cases.staff.problemText') }))}
                  >
                    <Input.TextArea rows={2} placeholder={t('cases.staff.problemText')} />
                  </Form.Item>
                  {items.length > 1 ? <MinusCircleOutlined onClick={() => remove(item.name)} /> : null}
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-problem">
                {t('cases.staff.addProblem')}
              </Button>
            </div>
          )}
        </Form.List>
      ) : null}
      {fields.includes('assignee') ? <AssigneeField detail={detail} /> : null}
      {fields.includes('trackingNo') || fields.includes('trackingNoOptional') ? (
        <TrackingFields detail={detail} receive={fields.includes('trackingNoOptional')} />
      ) : null}
      {fields.includes('procedure') ? (
        <Form.Item
          name="procedure"
          label={t('cases.staff.procedure')}
          rules={rule(t('common.required', { label: t('cases.staff.procedure') }))}
        >
          <Select options={optionsOf(labels, 'specialProcedure')} data-testid="action-procedure" />
        </Form.Item>
      ) : null}
      {fields.includes('reason') || fields.includes('reasonOptional') ? (
        <Form.Item
          name="reason"
          label={t('cases.detail.reason')}
          rules={fields.includes('reason') ? rule(t('cases.staff.reasonRule')) : undefined}
        >
          <Input.TextArea rows={3} data-testid="action-reason" />
        </Form.Item>
      ) : null}
      {fields.includes('legalBasis') || fields.includes('legalBasisOptional') ? (
        <Form.Item
          name="legalBasis"
          label={t('cases.detail.legalBasis')}
          rules={fields.includes('legalBasis') ? rule(t('cases.staff.legalBasisRule')) : undefined}
        >
          <Input.TextArea rows={2} data-testid="action-legal-basis" />
        </Form.Item>
      ) : null}
      {fields.includes('expectedEnd') ? (
        <Form.Item
          name="expectedEnd"
          label={t('cases.staff.expectedEnd')}
          rules={[{ required: true, message: t('common.required', { label: t('cases.staff.expectedEnd') }) }]}
        >
          <DatePicker data-testid="action-expected-end" />
        </Form.Item>
      ) : null}
      {fields.includes('promise') ? (
        <Form.Item
          name="promise"
          label={t('cases.staff.promise')}
          rules={rule(t('common.required', { label: t('cases.staff.promise') }))}
        >
          <Input.TextArea rows={4} data-testid="action-promise" />
        </Form.Item>
      ) : null}
      {fields.includes('delivery') ? (
        <>
          <DeliveryFields />
          <Form.Item noStyle dependencies={['method']}>
            {({ getFieldValue }) =>
              getFieldValue('method') === 'window_pickup' ? (
                <Form.Item name="sameVisit" valuePropName="checked">
                  <Checkbox>{t('cases.staff.sameVisit')}</Checkbox>
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </>
      ) : null}
      {fields.includes('materials') || fields.includes('materialsOptional') ? (
        <div className="action-materials">
          <div className="action-label">{t('cases.staff.materials')}</div>
          <MaterialPicker
            materials={uploadable.map((m) => ({ ...m, gapAllowed: false }))}
            value={picked}
            onChange={onPicked}
            scan
          />
        </div>
      ) : null}
    </>
  );
}

/** 双向速递: the tracking number of originals posted (and the courier), or of the parcel received. */
function TrackingFields({ detail, receive }: { detail: CaseDetail; receive: boolean }) {
  const { t } = useTranslation();
  const waiting = parcelsOf(detail).filter((p) => !p.receivedAt);
  return (
    <>
      {receive ? (
        <div className="action-label">
          <ParcelList detail={detail} />
        </div>
      ) : null}
      <Form.Item
        name="trackingNo"
        label={t('cases.originals.trackingNo')}
        extra={receive ? t('cases.originals.receiveHint') : undefined}
        rules={
          receive && waiting.length === 1
            ? undefined
            : [{ required: true, whitespace: true, message: t('cases.originals.trackingRule') }]
        }
      >
        {receive && waiting.length > 0 ? (
          <AutoComplete
            options={waiting.map((p) => ({ value: p.trackingNo }))}
            maxLength={40}
            data-testid="action-tracking"
          />
        ) : (
          <Input maxLength={40} autoComplete="off" data-testid="action-tracking" />
        )}
      </Form.Item>
      {receive ? (
        <Form.Item name="reason" label={t('cases.originals.note')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="action-reason" />
        </Form.Item>
      ) : (
        <Form.Item name="carrier" label={t('cases.originals.carrier')}>
          <Input maxLength={30} placeholder={t('cases.originals.carrierPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}

/** 改派: the active reviewers of the case's department, the current assignee left out. */
function AssigneeField({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const reviewers = useQuery({
    queryKey: [CASES, detail.id, 'reviewers'],
    queryFn: () =>
      api.get<{ items: { id: string; displayName: string; login: string }[] }>(
        `${CASES}/${detail.id}/reviewers`,
      ),
  });
  const options = (reviewers.data?.items ?? [])
    .filter((r) => r.id !== detail.assigneeId)
    .map((r) => ({ value: r.id, label: `${r.displayName}（${r.login}）` }));
  return (
    <>
      <Form.Item label={t('cases.staff.currentAssignee')}>
        {detail.assigneeName ?? t('cases.staff.unassigned')}
      </Form.Item>
      <Form.Item
        name="assigneeId"
        label={t('cases.staff.newAssignee')}
        rules={[{ required: true, message: t('cases.staff.assigneeRule') }]}
      >
        <Select
          options={options}
          loading={reviewers.isPending}
          notFoundContent={reviewers.isPending ? undefined : t('cases.staff.noReviewers')}
          data-testid="action-assignee"
        />
      </Form.Item>
    </>
  );
}
