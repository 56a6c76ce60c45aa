/**
 * The resident ID card reader (二代证阅读器) of a kiosk, behind one interface. Vendors' readers
 * are driven by a small service on the kiosk itself (usually HTTP or WebSocket on localhost);
 * `LocalServiceReader` talks to such a service, `SimulatedReader` stands in for a reader on a
 * development machine or in a demonstration. Which one a kiosk uses is set at /kiosk/setup.
 */

/** What a reader reads from the card's chip (GB/T 11643 holder data; the photo is not kept). */
export type IdCard = {
  name: string;
  sex: '男' | '女';
  ethnicity: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or 长期 */
  validUntil: string;
};

export type CardListener = (present: boolean) => void;

export interface IdCardReader {
  /** Waits until a card is placed on the reader and reads it. Rejects when `signal` aborts. */
  read(signal?: AbortSignal): Promise<IdCard>;
  /** Is a card on the reader now? */
  readonly cardPresent: boolean;
  /** Calls `listener` when a card is placed (true) or taken away (false); returns the unsubscribe. */
  onCardChange(listener: CardListener): () => void;
  /** Stops talking to the reader. */
  close(): void;
}

export type ReaderConfig =
  | { kind: 'simulated' }
  /** A vendor's reader service on the kiosk, e.g. http://127.0.0.1:19196/readcard */
  | { kind: 'local_service'; url: string };

const aborted = () => new DOMException('The read was cancelled', 'AbortError');

/** A base that keeps the present/removed state and the waiting readers. */
abstract class CardState {
  #present = false;
  #listeners = new Set<CardListener>();

  get cardPresent(): boolean {
    return this.#present;
  }

  onCardChange(listener: CardListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  protected setPresent(present: boolean): void {
    if (present === this.#present) return;
    this.#present = present;
    for (const listener of this.#listeners) listener(present);
  }
}

/**
 * A reader operated by hand: `place(card)` puts a card on it, `remove()` takes it away. A read
 * waits for a card placed after it began, as a real reader waits for the next card.
 */
export class SimulatedReader extends CardState implements IdCardReader {
  #waiting = new Set<(card: IdCard) => void>();

  read(signal?: AbortSignal): Promise<IdCard> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      const take = (card: IdCard) => {
        this.#waiting.delete(take);
        resolve(card);
      };
      this.#waiting.add(take);
      signal?.addEventListener('abort', () => {
        this.#waiting.delete(take);
        reject(aborted());
      });
    });
  }

  place(card: IdCard): void {
    this.setPresent(true);
    for (const take of [...this.#waiting]) take(card);
  }

  remove(): void {
    this.setPresent(false);
  }

  close(): void {
    this.#waiting.clear();
  }
}

/** Field names used by common reader services for the same data, first match wins. */
const VENDOR_FIELDS: Record<keyof IdCard, string[]> = {
  name: ['name', 'Name', 'partyName', 'xm'],
  sex: ['sex', 'Sex', 'gender', 'xb'],
  ethnicity: ['ethnicity', 'nation', 'Nation', 'Folk', 'mz'],
  birthDate: ['birthDate', 'born', 'Born', 'birthday', 'bornDay', 'csrq'],
  address: ['address', 'Address', 'certAddress', 'zz'],
  idNumber: ['idNumber', 'IDCardNo', 'certNumber', 'cardno', 'code', 'gmsfhm'],
  issuingAuthority: ['issuingAuthority', 'GrantDept', 'signingOrganization', 'police', 'qfjg'],
  validFrom: ['validFrom', 'UserLifeBegin', 'effectedDate', 'validStart', 'yxqqsrq'],
  validUntil: ['validUntil', 'UserLifeEnd', 'expiredDate', 'validEnd', 'yxqjzrq'],
};

/** 19900307 / 1990.03.07 / 1990-03-07 → 1990-03-07; 长期 stays. */
function isoDate(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 8
    ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
    : value.trim();
}

/** A vendor service's answer as an IdCard, or null when it holds no card. */
export function cardFromVendor(data: unknown): IdCard | null {
  if (!data || typeof data !== 'object') return null;
  const source = data as Record<string, unknown>;
  const nested = ['data', 'result', 'card'].map((k) => source[k]).find((v) => v && typeof v === 'object');
  const fields = (nested ?? source) as Record<string, unknown>;
  const pick = (key: keyof IdCard) => {
    const name = VENDOR_FIELDS[key].find((n) => typeof fields[n] === 'string' && fields[n] !== '');
    return name ? String(fields[name]).trim() : '';
  };
  const idNumber = pick('idNumber').toUpperCase();
  const name = pick('name');
  if (!idNumber || !name) return null;
  const sex = pick('sex');
  return {
    name,
    sex: sex === '2' || sex.startsWith('女') ? '女' : '男',
    ethnicity: pick('ethnicity'),
    birthDate: isoDate(pick('birthDate')),
    address: pick('address'),
    idNumber,
    issuingAuthority: pick('issuingAuthority'),
    validFrom: isoDate(pick('validFrom')),
    validUntil: pick('validUntil').includes('长期') ? '长期' : isoDate(pick('validUntil')),
  };
}

/**
 * A vendor's reader service on the kiosk, polled over HTTP. A read returns the first card seen
 * after the reader was empty, so a card left on the reader is not read twice. The service's
 * origin must be allowed by the page's Content-Security-Policy (connect-src).
 */
export class LocalServiceReader extends CardState implements IdCardReader {
  readonly url: string;
  readonly intervalMs: number;
  #emptySinceLastRead = true;
  #closed = false;

  constructor(url: string, intervalMs = 700) {
    super();
    this.url = url;
    this.intervalMs = intervalMs;
  }

  async #poll(signal?: AbortSignal): Promise<IdCard | null> {
    try {
      const response = await fetch(this.url, { signal, cache: 'no-store' });
      if (!response.ok) return null;
      return cardFromVendor(await response.json());
    } catch (error) {
      if (signal?.aborted) throw aborted();
      void error;
      return null;
    }
  }

  async read(signal?: AbortSignal): Promise<IdCard> {
    while (!this.#closed) {
      if (signal?.aborted) throw aborted();
      const card = await this.#poll(signal);
      this.setPresent(card !== null);
      if (!card) this.#emptySinceLastRead = true;
      else if (this.#emptySinceLastRead) {
        this.#emptySinceLastRead = false;
        return card;
      }
      await new Promise((r) => setTimeout(r, this.intervalMs));
    }
    throw aborted();
  }

  close(): void {
    this.#closed = true;
  }
}

export function createReader(config: ReaderConfig): IdCardReader {
  return config.kind === 'local_service' ? new LocalServiceReader(config.url) : new SimulatedReader();
}

/** Demonstration residents for the simulated reader (the first is the demo applicant account). */
export const DEMO_CARDS: IdCard[] = [
  {
    name: '李秀兰',
    sex: '女',
    ethnicity: '汉',
    birthDate: '1949-12-31',
    address: '北京市朝阳区建国路 88 号',
    idNumber: '11010519491231002X',
    issuingAuthority: '北京市公安局朝阳分局',
    validFrom: '2010-06-01',
    validUntil: '长期',
  },
  {
    name: '王小明',
    sex: '男',
    ethnicity: '汉',
    birthDate: '1990-03-07',
    address: '陕西省西安市新城区解放路 166 号',
    idNumber: '610102199003071238',
    issuingAuthority: '西安市公安局新城分局',
    validFrom: '2016-05-01',
    validUntil: '2036-05-01',
  },
  {
    name: '马丽娟',
    sex: '女',
    ethnicity: '回',
    birthDate: '1985-11-22',
    address: '陕西省西安市莲湖区北院门 12 号',
    idNumber: '610104198511220023',
    issuingAuthority: '西安市公安局莲湖分局',
    validFrom: '2019-08-15',
    validUntil: '2039-08-15',
  },
];
