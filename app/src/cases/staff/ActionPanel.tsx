import { Alert, App, Button, Form, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsFrom, type CaseAction, rolesFor } from '../../../../common/cases/state-machine.ts';
import type { Me } from '../../accounts/types.ts';
import { useWrite } from '../../api/mutation.ts';
import { actOnCase, useCaseUpdated } from '../api.ts';
import { type DeliveryValues, deliveryOf } from '../DeliveryFields.tsx';
import type { PickedMaterials } from '../MaterialPicker.tsx';
import { parcelsOf } from '../Originals.tsx';
import type { ActionBody, CaseDetail } from '../types.ts';
import { ACTION_FIELDS, ActionFields, keysOfTarget } from './ActionFields.tsx';
import { revealField } from './Revealable.tsx';

/** Actions the applicant side does itself; staff never see them here. */
const NOT_FOR_STAFF: CaseAction[] = ['submit', 'withdraw'];
const DANGER: CaseAction[] = ['not_accept', 'deny', 'terminate', 'revoke'];

/** The actions this user may do on the case in its status, as the state machine and the matter allow. */
export function availableActions(me: Me, detail: CaseDetail): CaseAction[] {
  const roles = new Set(me.roles.map((r) => r.role));
  const gapMaterials = detail.materials.filter((m) => m.gapAllowed && !m.supplied);
  return actionsFrom(detail.status).filter((action) => {
    if (NOT_FOR_STAFF.includes(action)) return false;
    if (!rolesFor(action).some((role) => roles.has(role))) return false;
    if (action === 'accept_with_gaps') return gapMaterials.length > 0;
    if (action === 'supply_gap') return detail.gaps.length > 0;
    if (action === 'approve_on_promise') return detail.promise.promiseAllowed;
    if (action === 'hand_back') return detail.assigneeId === me.id;
    const undecided = detail.status === 'accepted' || detail.status === 'accepted_with_gaps';
    if ((action === 'approve' || action === 'deny') && undecided) return detail.caseType === 'immediate';
    return true;
  });
}

type Values = DeliveryValues & {
  reason?: string;
  legalBasis?: string;
  problems?: { target?: string; problem: string }[];
  gaps?: string[];
  gapDeadline?: Dayjs;
  procedure?: string;
  expectedEnd?: Dayjs;
  sameVisit?: boolean;
  promise?: string;
  assigneeId?: string;
  trackingNo?: string;
  carrier?: string;
};

function bodyOf(action: CaseAction, values: Values, picked: PickedMaterials): ActionBody {
  const fields = ACTION_FIELDS[action] ?? [];
  const body: ActionBody = {};
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  if (values.reason !== undefined) body.reason = text(values.reason);
  if (values.legalBasis !== undefined) body.legalBasis = text(values.legalBasis);
  if (values.problems)
    body.problems = values.problems.map((p) => ({ ...keysOfTarget(p.target), problem: p.problem.trim() }));
  if (values.gaps) body.gaps = values.gaps;
  if (values.gapDeadline) body.gapDeadline = values.gapDeadline.format('YYYY-MM-DD');
  if (values.procedure) body.procedure = values.procedure;
  if (values.expectedEnd) body.expectedEnd = values.expectedEnd.format('YYYY-MM-DD');
  if (values.promise) body.promise = values.promise.trim();
  if (values.assigneeId) body.assigneeId = values.assigneeId;
  if (text(values.trackingNo)) body.trackingNo = text(values.trackingNo);
  if (text(values.carrier)) body.carrier = text(values.carrier);
  if (fields.includes('delivery')) {
    const choice = deliveryOf(values);
    body.method = choice.method;
    if (choice.method === 'post') {
      body.address = {
        recipient: choice.recipient ?? '',
        phone: choice.phone ?? '',
        address: choice.address ?? '',
      };
    } else body.sameVisit = !!values.sameVisit;
  }
  if (fields.includes('materials') || fields.includes('materialsOptional'))
    body.materials = Object.values(picked);
  return body;
}

/**
 * Posting the result needs the applicant's full phone and address on the waybill: opening the
 * form reveals them (each view audited) instead of prefilling the masked values.
 */
async function revealedPostal(detail: CaseDetail): Promise<Partial<Values>> {
  if (detail.formData.delivery?.method !== 'post') return {};
  const [phone, address] = await Promise.all(
    (['postalPhone', 'postalAddress'] as const).map((field) =>
      detail.revealable.includes(field) ? revealField(detail.id, field) : Promise.resolve(undefined),
    ),
  );
  return { deliveryPhone: phone, address };
}

function initialValues(detail: CaseDetail, action: CaseAction): Partial<Values> {
  if (action === 'accept_with_gaps') {
    const gaps = detail.materials.filter((m) => m.gapAllowed && !m.supplied).map((m) => m.key);
    return { gaps, gapDeadline: dayjs().add(7, 'day') };
  }
  if (action === 'request_supplement') return { problems: [{ problem: '' }] };
  if (action === 'receive_originals') {
    const waiting = parcelsOf(detail).filter((p) => !p.receivedAt);
    return waiting.length === 1 ? { trackingNo: waiting[0]!.trackingNo } : {};
  }
  if (action === 'deliver') {
    const d = detail.formData.delivery;
    return { method: d?.method ?? 'window_pickup', recipient: d?.recipient };
  }
  return {};
}

/**
 * Buttons for the user's actions on the case; each opens its form and acts at the case's version.
 * While an action's request is on its way nothing else can be started, confirmed again or closed:
 * the answer decides what the page shows next. The dialog says which action it is for
 * (`data-action`) and when its opening animation has ended (`data-opened`): a click on a button
 * still zooming in can land beside it.
 */
export function ActionPanel({ me, detail }: { me: Me; detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updated = useCaseUpdated();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [opened, setOpened] = useState(false);
  const [picked, setPicked] = useState<PickedMaterials>({});
  const [prefill, setPrefill] = useState<Partial<Values>>({});
  const [form] = Form.useForm<Values>();
  const reveal = useWrite({ action: () => revealedPostal(detail), toast: true });
  const act = useWrite<{ action: CaseAction; body: ActionBody }, CaseDetail>({
    action: ({ action, body }) => actOnCase(detail, action, body),
    form,
    onSuccess: async (next, { action }) => {
      await updated(next);
      message.success(t('cases.staff.done', { action: t(`cases.action.${action}`) }));
      setOpen(null);
    },
  });
  const immediateWrite = useWrite<void, CaseDetail>({
    action: async () => {
      let next = await actOnCase(detail, 'approve');
      next = await actOnCase(next, 'conclude');
      return actOnCase(next, 'deliver', { method: 'window_pickup', sameVisit: true });
    },
    toast: true,
    onSuccess: async (next) => {
      await updated(next);
      message.success(t('cases.staff.immediateDone'));
    },
  });
  const busy = reveal.busy || act.busy || immediateWrite.busy;
  const actions = availableActions(me, detail);
  const roles = new Set(me.roles.map((r) => r.role));
  const immediate =
    detail.caseType === 'immediate' && detail.status === 'accepted' && roles.has('window_clerk');
  const held = detail.gaps.length > 0 && actions.includes('conclude');

  const start = async (action: CaseAction) => {
    setOpened(false);
    act.setProblem(null);
    setPicked({});
    setPrefill({});
    if (action === 'deliver') setPrefill((await reveal.run()) ?? {});
    setOpen(action);
  };
  const submit = (values: Values) => {
    if (open && !busy) void act.run({ action: open, body: bodyOf(open, values, picked) });
  };
  const concludeNow = () => {
    if (!busy) void immediateWrite.run();
  };

  if (actions.length === 0) return <Alert type="info" title={t('cases.staff.noActions')} />;
  return (
    <div data-testid="case-actions">
      {held ? <Alert type="warning" showIcon title={t('cases.detail.held')} className="case-block" /> : null}
      <Space wrap>
        {immediate ? (
          <Button type="primary" loading={busy} onClick={concludeNow} data-testid="action-immediate">
            {t('cases.staff.immediate')}
          </Button>
        ) : null}
        {actions.map((action) => (
          <Button
            key={action}
            danger={DANGER.includes(action)}
            type={action === actions[0] && !immediate ? 'primary' : 'default'}
            onClick={() => void start(action)}
            disabled={busy}
            autoInsertSpace={false}
            data-testid={`action-${action}`}
          >
            {t(`cases.action.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`cases.action.${open}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(null)}
        afterOpenChange={setOpened}
        closable={!busy}
        mask={{ closable: !busy }}
        keyboard={!busy}
        width={640}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'action-confirm' }}
        cancelButtonProps={{ disabled: busy }}
        wrapProps={{
          'data-testid': 'action-dialog',
          'data-action': open ?? undefined,
          'data-opened': opened,
        }}
      >
        <Form
          key={open ?? ''}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={open ? { ...initialValues(detail, open), ...prefill } : undefined}
          onFinish={submit}
          data-testid="action-form"
        >
          {open && !ACTION_FIELDS[open] ? (
            <p>
              {t('cases.staff.confirmAction', { action: t(`cases.action.${open}`), caseNo: detail.caseNo })}
            </p>
          ) : null}
          {open ? <ActionFields detail={detail} action={open} picked={picked} onPicked={setPicked} /> : null}
          {act.problem ? (
            <Alert type="error" showIcon title={act.problem} data-testid="action-error" />
          ) : null}
        </Form>
      </Modal>
    </div>
  );
}
