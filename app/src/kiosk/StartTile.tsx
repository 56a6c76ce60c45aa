import './start-tile.css';
import { RightOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

type Props = {
  icon: ReactNode;
  name: string;
  hint?: string;
  /** Red for taking a number, blue for the rest. */
  tone?: 'blue' | 'red';
  /** The smaller tile below the card prompt, without a card read. */
  plain?: boolean;
  testId: string;
  onClick: () => void;
};

/** A large tile of the kiosk's start screen: its icon, name, an optional hint and an arrow. */
export function StartTile({ icon, name, hint, tone = 'blue', plain = false, testId, onClick }: Props) {
  return (
    <button
      type="button"
      className={`kiosk-tile is-${tone}${plain ? ' is-plain' : ''}`}
      onClick={onClick}
      data-testid={testId}
    >
      <span className="kiosk-tile-icon">{icon}</span>
      <span>
        <span className="kiosk-tile-name">{name}</span>
        {hint ? <span className="kiosk-tile-hint">{hint}</span> : null}
      </span>
      <RightOutlined className="kiosk-tile-arrow" />
    </button>
  );
}
