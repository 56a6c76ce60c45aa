import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText, qrImages, renderPage, showsQrCode } from '../testing/pdf.ts';
import { certificateRows, renderCertificatePdf } from './pdf.ts';
import type { CertificateView } from './types.ts';

const LICENCE: CertificateView = {
  id: '00000000-0000-4000-8000-000000000001',
  typeCode: 'spjyxkz',
  typeName: '食品经营许可证',
  number: 'JY36101020012345',
  holderKind: 'company',
  holderLogin: '91610102MA00000280',
  holderName: '西安秦味餐饮管理有限公司',
  data: {
    name: '西安秦味餐饮管理有限公司',
    creditCode: '91610102MA00000280',
    legalRepresentative: '王建国',
    address: '陕西省西安市新城区解放路 108 号',
    premises: '陕西省西安市新城区解放路 108 号一层',
    category: '餐饮服务经营者（中型餐馆）',
    scope: '热食类食品制售；冷食类食品制售；自制饮品制售（不含自酿酒）；预包装食品（含冷藏冷冻食品）销售',
  },
  fields: [
    { key: 'name', label: '经营者名称', public: true },
    { key: 'creditCode', label: '统一社会信用代码', public: true },
    { key: 'legalRepresentative', label: '法定代表人', public: true },
    { key: 'address', label: '住所', public: false },
    { key: 'premises', label: '经营场所', public: true },
    { key: 'category', label: '主体业态', public: true },
    { key: 'scope', label: '经营项目', public: true },
  ],
  issuerId: '00000000-0000-4000-8000-0000000000aa',
  issuerName: '西安市新城区市场监督管理局',
  issuedAt: '2025-03-03T02:15:00.000Z',
  validUntil: '2030-03-02',
  status: 'issued',
  verificationCode: 'Q7K2M9X4P8R3T6W1',
  caseId: null,
  layout: {},
};
const VERIFY_URL = `https://ywtb.example.cn/verify/${LICENCE.verificationCode}`;

test('the rows are the type’s fields in order, the holder when no field names it, and the validity', () => {
  const rows = certificateRows(LICENCE);
  assert.deepEqual(
    rows.map((row) => row.label),
    ['经营者名称', '统一社会信用代码', '法定代表人', '住所', '经营场所', '主体业态', '经营项目', '有效期限'],
  );
  assert.deepEqual(rows.at(-1), { label: '有效期限', value: '2025年3月3日 至 2030年3月2日' });
  const person = certificateRows({
    ...LICENCE,
    holderKind: 'person',
    holderName: '李娜',
    fields: [{ key: 'rooms', label: '房屋用途', public: true }],
    data: {},
    validUntil: null,
  });
  assert.deepEqual(person, [
    { label: '持证人', value: '李娜' },
    { label: '房屋用途', value: '—' },
    { label: '有效期限', value: '2025年3月3日 起长期有效' },
  ]);
  const prominent = certificateRows({ ...LICENCE, layout: { prominent: ['creditCode'] } });
  assert.deepEqual(prominent[0], { label: '统一社会信用代码', value: '91610102MA00000280', prominent: true });
});

test('a certificate renders as one A4 page in Chinese with its title, fields, issuer, seal and QR code', async () => {
  const pdf = await renderCertificatePdf({ certificate: LICENCE, verifyUrl: VERIFY_URL });
  const raw = pdf.toString('latin1');
  assert.ok(raw.startsWith('%PDF-') && raw.trimEnd().endsWith('%%EOF'));
  assert.match(raw, /\/Count 1\b/, 'one page');
  assert.match(raw, /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-(Regular|Bold)/, 'a subset of Noto Sans SC');
  assert.ok(pdf.length < 400_000, `a subset, not the whole font (${pdf.length} bytes)`);

  const text = pdfText(pdf);
  assert.match(text, /食品经营许可证/, 'the title');
  assert.match(text, /证照编号：JY36101020012345/);
  for (const value of Object.values(LICENCE.data)) {
    assert.ok(text.includes(value.replace(/\s/g, '')), `shows ${value}`);
  }
  assert.match(text, /发证机关：西安市新城区市场监督管理局/);
  assert.match(text, /发证日期：2025年3月3日/);
  assert.match(text, /有效期限：2025年3月3日至2030年3月2日/);
  assert.match(text, /扫码核验/);
  assert.match(text, /证照专用章/);
  assert.ok(text.includes(VERIFY_URL), 'the footer names the verification address');

  const images = qrImages(pdf);
  assert.equal(images.length, 1, 'one QR code');
  assert.ok(showsQrCode(images[0]!, VERIFY_URL), 'the QR code opens the verification page');
  assert.ok(!showsQrCode(images[0]!, 'https://ywtb.example.cn/verify/OTHER'));

  const { width, height, pixels } = renderPage(pdf);
  assert.ok(Math.abs(width / height - 595.28 / 841.89) < 0.01, `portrait A4 (${width}×${height})`);
  const dark = pixels.filter((v) => v < 128).length / pixels.length;
  assert.ok(dark > 0.02 && dark < 0.4, `ink on the page, not blank nor black (${(dark * 100).toFixed(1)}%)`);
});

test('the seal is red and stands over the issuer line at the bottom right', async () => {
  const pdf = await renderCertificatePdf({ certificate: LICENCE, verifyUrl: VERIFY_URL });
  const { width, height, pixels: body } = renderPage(pdf, { dpi: 36, colour: true });
  const isRed = (x: number, y: number) => {
    const i = (y * width + x) * 3;
    return body[i]! > 150 && body[i + 1]! < 110 && body[i + 2]! < 110;
  };
  const redIn = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = Math.floor(y0 * height); y < y1 * height; y++) {
      for (let x = Math.floor(x0 * width); x < x1 * width; x++) if (isRed(x, y)) n++;
    }
    return n;
  };
  assert.ok(redIn(0.6, 0.92, 0.7, 0.9) > 150, 'red ink where the seal is');
  assert.ok(redIn(0.08, 0.45, 0.7, 0.9) < 10, 'none by the QR code, inside the frame');
});

test('a revoked certificate says so across the page', async () => {
  const pdf = await renderCertificatePdf({
    certificate: { ...LICENCE, status: 'revoked' },
    verifyUrl: VERIFY_URL,
  });
  assert.match(pdfText(pdf), /已撤销/);
  assert.doesNotMatch(
    pdfText(await renderCertificatePdf({ certificate: LICENCE, verifyUrl: VERIFY_URL })),
    /已撤销/,
  );
});

test('many long fields still fit on one page', async () => {
  const fields = Array.from({ length: 16 }, (_, i) => ({
    key: `f${i}`,
    label: `登记事项${i + 1}`,
    public: true,
  }));
  const data = Object.fromEntries(
    fields.map((f) => [f.key, '依法须经批准的项目，经相关部门批准后方可开展经营活动'.repeat(2)]),
  );
  const pdf = await renderCertificatePdf({
    certificate: { ...LICENCE, fields, data },
    verifyUrl: VERIFY_URL,
  });
  assert.match(pdf.toString('latin1'), /\/Count 1\b/);
  const text = pdfText(pdf);
  assert.ok(text.includes('登记事项16'), 'the last field is there');
  assert.ok(text.includes('发证机关'), 'and the issuer');
});

test('a landscape type with its own title and accent renders on one landscape page', async () => {
  const pdf = await renderCertificatePdf({
    certificate: {
      ...LICENCE,
      typeName: '营业执照',
      layout: {
        orientation: 'landscape',
        title: '营业执照',
        subtitle: '（副本）',
        accent: '#1d4f91',
        prominent: ['creditCode'],
      },
    },
    verifyUrl: VERIFY_URL,
  });
  assert.match(pdf.toString('latin1'), /\/Count 1\b/);
  const { width, height } = renderPage(pdf);
  assert.ok(width > height, `landscape (${width}×${height})`);
  const text = pdfText(pdf);
  assert.match(text, /营业执照（副本）证照编号/);
  assert.match(text, /统一社会信用代码：91610102MA00000280经营者名称/);
  assert.ok(text.includes('发证机关：西安市新城区市场监督管理局'));
  assert.equal(qrImages(pdf).length, 1);
});
