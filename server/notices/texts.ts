import { type CaseView, NOTICE_TITLES, type NoticeKind } from './types.ts';

/** A piece of a notice's body, in reading order. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'facts'; pairs: [label: string, value: string][] }
  /** Lines `label：text` under the paragraph before them, a long text wrapping beside its label. */
  | { type: 'lines'; lines: [label: string, text: string][] }
  | { type: 'table'; headers: string[]; widths: number[]; rows: string[][] };

export type NoticeContent = { title: string; numberWord: string; blocks: Block[] };

/** A block as plain text: facts as `label value …`, a table's and the lines' rows one a line. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'facts':
      return block.pairs.flat().join(' ');
    case 'lines':
      return block.lines.map(([label, text]) => `${label}：${text}`).join('\n');
    case 'table':
      return block.rows.map((r) => r.join(' ')).join('\n');
  }
}

const LICENSING_LAW = '《中华人民共和国行政许可法》';

/** '2025-03-14' → '2025年3月14日'; a timestamp is shown as its day in China. */
export function chineseDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDay(new Date(value));
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The ISO date of an instant in China time. */
export function chinaDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

const orDash = (value: string | null | undefined) => (value ? value : '—');
const dateOrDash = (value: string | null | undefined) => (value ? chineseDate(value) : '—');
const paragraph = (text: string): Block => ({ type: 'paragraph', text });

function need<T>(value: T | null | undefined, what: string, kind: NoticeKind): T {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`a ${kind} notice needs ${what}`);
  }
  return value;
}

/** 你（单位）于2025年3月1日提交的“食品经营许可”申请 */
const opening = (view: CaseView) =>
  `你（单位）于${chineseDate(view.submittedAt)}提交的“${view.matterName}”申请`;

const cite = (view: CaseView, provision: string) =>
  view.licensing === false ? '' : `根据${LICENSING_LAW}${provision}的规定，`;

/** Administrative reconsideration within 60 days, litigation within six months. */
function rights(view: CaseView): Block {
  const body = view.reconsiderationBody || '本机关所属的本级人民政府';
  return paragraph(
    `如对本决定不服，可以自收到本通知书之日起六十日内向${body}申请行政复议，` +
      '也可以自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。',
  );
}

function basisText(view: CaseView, fallback: string): string {
  const basis = (view.legalBasis ?? []).filter(Boolean);
  if (basis.length) return `根据${basis.join('、')}的规定，`;
  return cite(view, fallback);
}

function acceptance(view: CaseView): Block[] {
  const blocks: Block[] = [
    paragraph(
      `${opening(view)}，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式，` +
        `${cite(view, '第三十二条第一款第（五）项')}决定予以受理。`,
    ),
    {
      type: 'facts',
      pairs: [
        ['受理日期', dateOrDash(view.acceptedOn)],
        ['受理机关', view.issuerName],
        ['承诺办结日期', dateOrDash(view.promisedDeadline)],
        ['法定办结日期', dateOrDash(view.legalDeadline)],
      ],
    },
  ];
  if (view.promisedDeadline) {
    blocks.push(
      paragraph(
        `本事项承诺于${chineseDate(view.promisedDeadline)}前办结（按工作日计算，法定节假日不计入）。` +
          '依法需要听证、检验、检测、鉴定或者专家评审的，所需时间不计算在办理期限内，本机关将另行书面告知。',
      ),
    );
  }
  const gaps = view.gaps ?? [];
  if (gaps.length) {
    blocks.push(
      paragraph(
        `以下 ${gaps.length} 项材料按容缺受理方式先行受理，请于${dateOrDash(view.gapDeadline)}前补齐。` +
          '补齐前审查照常进行，但审批结果暂不出具：',
      ),
      {
        type: 'table',
        headers: ['序号', '容缺材料'],
        widths: [0.1, 0.9],
        rows: gaps.map((name, i) => [String(i + 1), name]),
      },
    );
  }
  return blocks;
}

function nonAcceptance(view: CaseView): Block[] {
  const reason = need(view.reason, 'a reason', 'non_acceptance');
  return [
    paragraph(
      `${opening(view)}，经审查，${reason.replace(/[。；;.]+$/, '')}。` +
        `${basisText(view, '第三十二条第一款')}决定不予受理。`,
    ),
    rights(view),
  ];
}

function supplement(view: CaseView): Block[] {
  const problems = need(view.problems, 'the list of problems', 'supplement');
  const place = view.placeName ? `，或携带至${view.placeName}提交` : '，或到受理窗口提交';
  return [
    paragraph(
      `${opening(view)}，经审查，申请材料不齐全或者不符合法定形式。` +
        `${cite(view, '第三十二条第一款第（四）项')}现一次性告知你（单位）需要补正的全部内容（共 ${problems.length} 项）：`,
    ),
    {
      type: 'table',
      headers: ['序号', '材料名称', '存在的问题及补正要求'],
      widths: [0.08, 0.32, 0.6],
      rows: problems.map((p, i) => [String(i + 1), p.material, p.problem]),
    },
    paragraph(
      `${view.supplementDeadline ? `请于${chineseDate(view.supplementDeadline)}前` : '请'}一次性补正上述全部内容。补正材料可登录一网通办平台在线提交${place}。` +
        '以上为需要补正的全部内容，本机关不再要求补正其他材料；补正后材料齐全、符合法定形式的，本机关将予以受理。' +
        '逾期未补正的，视为放弃本次申请。',
    ),
  ];
}

function approval(view: CaseView): Block[] {
  const accepted = view.acceptedOn ? `，本机关于${chineseDate(view.acceptedOn)}受理` : '';
  const blocks: Block[] = [
    paragraph(
      `${opening(view)}${accepted}。经审查，申请符合法定条件、标准，` +
        `${cite(view, '第三十八条第一款')}决定准予行政许可。`,
    ),
  ];
  const particulars = (view.particulars ?? []).filter((p) => p.label && p.text);
  if (particulars.length) {
    blocks.push(paragraph('准予许可的内容如下：'), {
      type: 'lines',
      lines: particulars.map((p) => [p.label, p.text]),
    });
  }
  if (view.result) {
    blocks.push({
      type: 'facts',
      pairs: [
        ['许可证件名称', view.result.name],
        ['证件编号', orDash(view.result.number)],
        ['有效期至', dateOrDash(view.result.validUntil)],
        ['发证机关', view.issuerName],
      ],
    });
  }
  if (view.onPromise) {
    blocks.push(
      paragraph(
        '本决定依据你（单位）作出的告知承诺作出。本机关将对承诺内容进行核查，发现承诺不实的，' +
          '将依法撤销本决定，并将不实承诺记入信用记录，在记录解除前不再适用告知承诺方式办理。',
      ),
    );
  }
  if (view.delivery === 'post') {
    blocks.push(paragraph(`许可证件将通过邮政寄递送达，收件地址：${orDash(view.deliveryAddress)}。`));
  } else if (view.delivery === 'window_pickup') {
    blocks.push(
      paragraph(`请持本决定书及有效身份证件到${view.placeName || '政务服务中心'}综合出件窗口领取许可证件。`),
    );
  }
  return blocks;
}

function denial(view: CaseView): Block[] {
  const reason = need(view.reason, 'a reason', 'denial');
  const law = view.licensing === false ? '' : `及${LICENSING_LAW}第三十八条第二款`;
  const basis = (view.legalBasis ?? []).filter(Boolean);
  const grounds = basis.length ? `根据${basis.join('、')}${law}的规定，` : cite(view, '第三十八条第二款');
  return [
    paragraph(
      `${opening(view)}${view.acceptedOn ? `，本机关于${chineseDate(view.acceptedOn)}受理` : ''}。` +
        `经审查，${reason.replace(/[。；;.]+$/, '')}，不符合法定条件、标准。${grounds}决定不予行政许可。`,
    ),
    rights(view),
  ];
}

const BODIES: Record<NoticeKind, (view: CaseView) => Block[]> = {
  acceptance,
  non_acceptance: nonAcceptance,
  supplement,
  approval,
  denial,
};

/** The word of the document number: 受字〔2025〕第 … 号. */
const NUMBER_WORDS: Record<NoticeKind, string> = {
  acceptance: '受字',
  non_acceptance: '不受字',
  supplement: '补字',
  approval: '准字',
  denial: '不准字',
};

/** What a notice of this kind says about this case. */
export function noticeContent(kind: NoticeKind, view: CaseView): NoticeContent {
  const blocks = BODIES[kind](view);
  if (view.contactPhone) blocks.push(paragraph(`咨询电话：${view.contactPhone}`));
  return { title: NOTICE_TITLES[kind], numberWord: NUMBER_WORDS[kind], blocks };
}
