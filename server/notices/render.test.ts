import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText, qrImages, showsQrCode } from '../testing/pdf.ts';
import { progressUrl, renderNotice } from './render.ts';
import { blockText, chineseDate, noticeContent } from './texts.ts';
import { type CaseView, NOTICE_KINDS } from './types.ts';

const VIEW: CaseView = {
  caseNo: '610102-20250301-000123',
  queryCode: 'K7P4QX',
  matterName: '食品经营许可（新办）',
  applicantName: '西安秦味餐饮管理有限公司',
  issuerName: '西安市新城区市场监督管理局',
  placeName: '西安市新城区政务服务中心',
  submittedAt: '2025-02-28T17:30:00Z',
  issuedOn: '2025-03-03',
  acceptedOn: '2025-03-03',
  promisedDeadline: '2025-03-14',
  legalDeadline: '2025-03-31',
  problems: [
    { material: '营业执照', problem: '复印件不清晰，请重新提交' },
    { material: '经营场所平面布局图', problem: '未标明食品加工操作区域' },
  ],
  supplementDeadline: '2025-03-10',
  reason: '申请事项依法不属于本机关职权范围。',
  legalBasis: ['《食品经营许可和备案管理办法》第十二条'],
  reconsiderationBody: '西安市新城区人民政府',
  result: { name: '食品经营许可证', number: 'JY36101020012345', validUntil: '2030-03-13' },
  particulars: [
    { label: '经营场所', text: '西安市新城区东大街8号一层' },
    { label: '主体业态', text: '餐饮服务经营者' },
    {
      label: '经营项目',
      text: '热食类食品制售、冷食类食品制售（不含烧卤熟肉）、自制饮品制售、散装食品销售（含冷藏冷冻食品）、特殊食品销售（保健食品）',
    },
  ],
  delivery: 'window_pickup',
};

/** All the text of a notice's body, tables included. */
function textOf(kind: (typeof NOTICE_KINDS)[number], view: CaseView = VIEW): string {
  const content = noticeContent(kind, view);
  return [content.title, ...content.blocks.map(blockText)].join('\n');
}

test('dates are written the Chinese way, timestamps as their day in China', () => {
  assert.equal(chineseDate('2025-03-14'), '2025年3月14日');
  assert.equal(chineseDate('2025-02-28T17:30:00Z'), '2025年3月1日');
});

test('the acceptance notice gives the promised and legal deadlines and any 容缺 materials', () => {
  const text = textOf('acceptance');
  assert.match(text, /^受理通知书/);
  assert.match(text, /2025年3月1日提交的“食品经营许可（新办）”申请/);
  assert.match(text, /决定予以受理/);
  assert.match(text, /承诺办结日期 2025年3月14日/);
  assert.match(text, /法定办结日期 2025年3月31日/);
  assert.doesNotMatch(text, /容缺/);
  const withGaps = textOf('acceptance', { ...VIEW, gaps: ['食品安全管理制度'], gapDeadline: '2025-03-10' });
  assert.match(withGaps, /1 项材料按容缺受理方式先行受理，请于2025年3月10日前补齐/);
  assert.match(withGaps, /1 食品安全管理制度/);
});

test('the supplement notice lists every problem, numbered, in one notice', () => {
  const text = textOf('supplement');
  assert.match(text, /一次性告知.*共 2 项/);
  assert.match(text, /1 营业执照 复印件不清晰，请重新提交/);
  assert.match(text, /2 经营场所平面布局图 未标明食品加工操作区域/);
  assert.match(text, /请于2025年3月10日前一次性补正/);
  assert.match(textOf('supplement', { ...VIEW, supplementDeadline: null }), /请一次性补正/);
  assert.match(text, /西安市新城区政务服务中心/);
  assert.throws(() => noticeContent('supplement', { ...VIEW, problems: [] }), /needs the list of problems/);
});

test('non-acceptance and denial give the reason, the legal basis and the remedies', () => {
  const refusal = textOf('non_acceptance');
  assert.match(
    refusal,
    /申请事项依法不属于本机关职权范围。根据《食品经营许可和备案管理办法》第十二条的规定，决定不予受理/,
  );
  assert.match(refusal, /六十日内向西安市新城区人民政府申请行政复议/);
  assert.match(refusal, /六个月内依法向人民法院提起行政诉讼/);
  const denial = textOf('denial');
  assert.match(denial, /不予行政许可决定书/);
  assert.match(denial, /《中华人民共和国行政许可法》第三十八条第二款/);
  assert.match(denial, /行政复议/);
  assert.throws(() => noticeContent('denial', { ...VIEW, reason: null }), /needs a reason/);
});

test('the approval names the licence, how it is delivered, and warns about a false promise', () => {
  const text = textOf('approval');
  assert.match(text, /决定准予行政许可/);
  assert.match(text, /食品经营许可证 证件编号 JY36101020012345/);
  assert.match(text, /到西安市新城区政务服务中心综合出件窗口领取/);
  assert.doesNotMatch(text, /告知承诺/);
  const promised = textOf('approval', {
    ...VIEW,
    onPromise: true,
    delivery: 'post',
    deliveryAddress: '解放路1号',
  });
  assert.match(promised, /告知承诺.*撤销本决定/);
  assert.match(promised, /邮政寄递送达，收件地址：解放路1号/);
  const service = textOf('acceptance', { ...VIEW, licensing: false });
  assert.doesNotMatch(service, /行政许可法/, 'no licensing law for matters that are not licences');
});

test('the approval quotes what it approves, line by line; without particulars it reads as before', async () => {
  const text = textOf('approval');
  assert.match(
    text,
    /决定准予行政许可。\n准予许可的内容如下：\n经营场所：西安市新城区东大街8号一层\n主体业态：餐饮服务经营者\n经营项目：热食类食品制售、/,
  );
  for (const kind of ['acceptance', 'supplement', 'denial'] as const) {
    assert.doesNotMatch(textOf(kind), /经营场所：/, `${kind}: no particulars`);
  }
  for (const particulars of [undefined, []]) {
    const plain = textOf('approval', { ...VIEW, particulars });
    assert.doesNotMatch(plain, /准予许可的内容|经营场所/);
    assert.match(plain, /决定准予行政许可。\n许可证件名称 食品经营许可证/);
  }
  const pdf = await renderNotice({ kind: 'approval', caseView: VIEW, origin: 'http://localhost' });
  const printed = pdfText(pdf);
  for (const p of VIEW.particulars!) {
    assert.ok(printed.includes(`${p.label}：${p.text}`), `the PDF prints ${p.label}:\n${printed}`);
  }
  const long = {
    ...VIEW,
    particulars: [{ label: '经营项目', text: '热食类食品制售、'.repeat(60) }],
  };
  const wrapped = await renderNotice({ kind: 'approval', caseView: long, origin: 'http://localhost' });
  assert.ok(
    pdfText(wrapped).includes(`经营项目：${'热食类食品制售、'.repeat(60)}`),
    'a long text wraps, all of it printed',
  );
});

test('every notice is a PDF with the Chinese font embedded as a subset and a QR code to the progress page', async () => {
  const url = progressUrl('https://ywtb.example.cn/', VIEW.caseNo, VIEW.queryCode);
  assert.equal(url, 'https://ywtb.example.cn/progress?caseNo=610102-20250301-000123&code=K7P4QX');
  for (const kind of NOTICE_KINDS) {
    const pdf = await renderNotice({ kind, caseView: VIEW, origin: 'https://ywtb.example.cn/' });
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF'), kind);
    assert.match(text, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/, `${kind}: a subset of Noto Sans SC`);
    assert.match(text, /\/FontFile3/, `${kind}: the font program is embedded`);
    assert.ok(pdf.length < 300_000, `${kind}: a subset, not the 8 MB font (${pdf.length} bytes)`);
    assert.match(text, /\/Count 1\b/, `${kind}: fits on one page`);
    const images = qrImages(pdf);
    assert.equal(images.length, 1, `${kind}: one QR code`);
    assert.ok(showsQrCode(images[0]!, url), `${kind}: the QR code opens the progress page`);
    assert.ok(!showsQrCode(images[0]!, progressUrl('https://ywtb.example.cn', VIEW.caseNo, 'OTHER1')));
  }
});

test('a long list of problems runs over pages and still ends with the QR code', async () => {
  const problems = Array.from({ length: 40 }, (_, i) => ({
    material: `材料${i + 1}`,
    problem: '签字页缺少申请人签名，请由法定代表人签字并加盖公章后重新提交',
  }));
  const pdf = await renderNotice({
    kind: 'supplement',
    caseView: { ...VIEW, problems },
    origin: 'http://localhost',
  });
  const pages = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
  assert.ok(pages >= 2, `${pages} pages`);
  assert.equal(qrImages(pdf).length, 1);
});
