import { Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_CARDS, type IdCard, type SimulatedReader } from './reader.ts';
import './messages.ts';

/** A card for a typed name and number: birth date and sex follow from the number. */
function typedCard(name: string, idNumber: string): IdCard {
  const number = idNumber.trim().toUpperCase();
  const digits = number.slice(6, 14);
  return {
    name: name.trim() || '测试居民',
    sex: Number(number[16]) % 2 === 1 ? '男' : '女',
    ethnicity: '汉',
    birthDate: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`,
    address: '',
    idNumber: number,
    issuingAuthority: '',
    validFrom: '2020-01-01',
    validUntil: '长期',
  };
}

/** The hand-operated stand-in for an ID card reader (模拟刷身份证), shown only with the simulated reader. */
export function SimulatorPanel({ reader }: { reader: SimulatedReader }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState(reader.cardPresent);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  useEffect(() => reader.onCardChange(setPresent), [reader]);

  const place = (card: IdCard) => {
    // A real card is lifted before the next one is laid down.
    reader.remove();
    reader.place(card);
  };
  return (
    <section
      className="kiosk-simulator"
      data-testid="kiosk-simulator"
      aria-label={t('kiosk.simulator.title')}
    >
      <div className="kiosk-simulator-head">
        <strong>{t('kiosk.simulator.title')}</strong>
        <span data-testid="kiosk-card-present">
          {present ? t('kiosk.simulator.present') : t('kiosk.simulator.absent')}
        </span>
      </div>
      <div className="kiosk-simulator-cards">
        {DEMO_CARDS.map((card) => (
          <Button
            key={card.idNumber}
            size="large"
            onClick={() => place(card)}
            data-testid="kiosk-simulate-card"
          >
            {t('kiosk.simulator.place', { name: card.name })}
          </Button>
        ))}
      </div>
      <div className="kiosk-simulator-manual">
        <Input
          size="large"
          placeholder={t('kiosk.simulator.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="kiosk-simulate-name"
        />
        <Input
          size="large"
          placeholder={t('kiosk.simulator.idNumber')}
          value={idNumber}
          maxLength={18}
          onChange={(e) => setIdNumber(e.target.value)}
          data-testid="kiosk-simulate-number"
        />
        <Button
          size="large"
          disabled={idNumber.trim().length !== 18}
          onClick={() => place(typedCard(name, idNumber))}
          data-testid="kiosk-simulate-typed"
        >
          {t('kiosk.simulator.manual')}
        </Button>
        <Button size="large" disabled={!present} onClick={() => reader.remove()}>
          {t('kiosk.simulator.remove')}
        </Button>
      </div>
    </section>
  );
}
