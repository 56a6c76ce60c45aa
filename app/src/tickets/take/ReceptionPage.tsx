import './take.css';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useWrite } from '../../api/mutation.ts';
import { useMyHalls } from '../../appointments/staff/api.ts';
import { HallPicker } from '../../appointments/staff/HallPicker.tsx';
import { useMe } from '../../auth/session.ts';
import { takePath, useCategories } from './api.ts';
import { TicketSlip } from './TicketSlip.tsx';
import type { TakeTicketBody, Ticket } from './types.ts';

type Values = { categoryId?: string; personName?: string; phone?: string; priority: '' | 'green' | 'agent' };

/** /workbench/reception — 取号台: the reception desk takes a number for a person, 绿色通道 or 帮办代办 if need be. */
export function ReceptionPage() {
  const { t } = useTranslation();
  const [hallId, setHallId] = useState<string>();
  return (
    <div data-testid="reception-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('ticketTake.reception.title')}</Typography.Title>
        <HallPicker value={hallId} onChange={setHallId} />
      </div>
      {hallId ? <Desk key={hallId} hallId={hallId} /> : null}
    </div>
  );
}

function Desk({ hallId }: { hallId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const categories = useCategories(hallId);
  const { data: me } = useMe();
  const hallName = useMyHalls(me ?? undefined).data?.items.find((h) => h.id === hallId)?.name;
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const { run, busy, problem } = useWrite<TakeTicketBody, Ticket>({
    action: (body) => api.post<Ticket>(takePath(hallId), body),
    form,
    onSuccess: (taken) => {
      setTicket(taken);
      form.resetFields();
    },
  });
  const submit = (v: Values) =>
    void run({
      categoryId: v.categoryId!,
      ...(v.personName?.trim() ? { personName: v.personName.trim() } : {}),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.priority ? { priority: v.priority } : {}),
    });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card>
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ priority: '' }}
            onFinish={submit}
            data-testid="reception-form"
          >
            <Form.Item
              name="categoryId"
              label={t('ticketTake.reception.category')}
              rules={[
                {
                  required: true,
                  message: t('common.required', { label: t('ticketTake.reception.category') }),
                },
              ]}
            >
              <Select
                data-testid="reception-category"
                loading={categories.isPending}
                options={(categories.data ?? [])
                  .filter((c) => c.active)
                  .map((c) => ({ value: c.id, label: `${c.letter} · ${c.name}` }))}
              />
            </Form.Item>
            <Form.Item name="personName" label={t('ticketTake.reception.name')}>
              <Input maxLength={50} data-testid="reception-name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('ticketTake.reception.phone')}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('ticketTake.reception.phoneInvalid') }]}
            >
              <Input inputMode="tel" maxLength={11} data-testid="reception-phone" />
            </Form.Item>
            <Form.Item name="priority" label={t('ticketTake.reception.priority')}>
              <Radio.Group
                optionType="button"
                data-testid="reception-priority"
                options={[
                  { value: '', label: t('ticketTake.reception.none') },
                  { value: 'green', label: t('ticketTake.priority.green') },
                  { value: 'agent', label: t('ticketTake.priority.agent') },
                ]}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="reception-take">
              {t('ticketTake.reception.take')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        {ticket ? (
          <div className="ticket-print-area" data-testid="reception-ticket">
            <TicketSlip ticket={ticket} hallName={hallName} slip />
            <div className="ticket-hint ticket-no-print" style={{ marginTop: 12 }}>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('ticketTake.print')}
              </Button>
            </div>
          </div>
        ) : null}
      </Col>
    </Row>
  );
}
