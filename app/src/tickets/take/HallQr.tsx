import './take.css';
import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The address a hall's QR code opens: taking a number there on a phone. */
export const takeUrlOf = (hallId: string) => `${window.location.origin}/halls/${hallId}/take`;

/** 扫码取号: a printable QR code of the hall's phone page for taking a number. */
export function HallQrButton({ hall }: { hall: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [image, setImage] = useState<string | null>(null);
  const url = takeUrlOf(hall.id);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void QRCode.toDataURL(url, { width: 480, margin: 1, errorCorrectionLevel: 'M' }).then((data) => {
      if (live) setImage(data);
    });
    return () => {
      live = false;
    };
  }, [open, url]);
  return (
    <>
      <Button size="small" icon={<QrcodeOutlined />} onClick={() => setOpen(true)} data-testid="hall-qr">
        {t('ticketTake.hallQr')}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        title={t('ticketTake.hallQr')}
        footer={
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('ticketTake.printQr')}
          </Button>
        }
      >
        <div className="hall-qr ticket-print-area" data-testid="hall-qr-code">
          <Typography.Title level={3}>{hall.name}</Typography.Title>
          <Typography.Title level={4}>{t('ticketTake.hallQr')}</Typography.Title>
          {image ? <img src={image} alt={url} /> : null}
          <Typography.Text copyable>{url}</Typography.Text>
          <Typography.Text type="secondary">{t('ticketTake.hallQrHint')}</Typography.Text>
        </div>
      </Modal>
    </>
  );
}
