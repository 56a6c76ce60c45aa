import type { FormDefinition } from '../../../../common/forms/schema.ts';
import {
  address,
  choice,
  creditCode,
  dateRange,
  fixed,
  idNumber,
  money,
  phone,
  promiseSection,
  required,
  section,
  TRUE_COPY,
  table,
  text,
  yesNo,
} from './fields.ts';

/*
 * The application forms of the 不动产登记中心's registrations, after the 不动产登记申请书 (自然资源部).
 * Keys of values the 不动产权证书 and 不动产登记证明 print are their field keys.
 */

const UNIT_NUMBER = {
  pattern: '[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}',
  patternMessage: '不动产单元号为28位，如：610102001001GB00001F00010001',
  patternMessageEn: '28 characters, such as 610102001001GB00001F00010001',
};
const propertyHelp = '持有不动产权证书的，已按证书带出';

/** The property as the holder's 不动产权证书 gives it (the keys the new certificate prints). */
const property = (withRights: boolean) => [
  address('location', '坐落', 'Location', {
    ...required,
    ...fixed,
    binding: 'certificate:bdcqz.location',
    help: propertyHelp,
  }),
  text('unitNumber', '不动产单元号', 'Property unit number', {
    ...required,
    ...fixed,
    binding: 'certificate:bdcqz.unitNumber',
    validation: UNIT_NUMBER,
  }),
  ...(withRights
    ? [
        text('rightType', '权利类型', 'Kind of right', {
          ...required,
          ...fixed,
          binding: 'certificate:bdcqz.rightType',
          help: '如：国有建设用地使用权/房屋所有权',
        }),
        text('rightNature', '权利性质', 'Nature of the right', {
          ...required,
          ...fixed,
          binding: 'certificate:bdcqz.rightNature',
          help: '如：出让/市场化商品房',
        }),
        text('use', '用途', 'Use', {
          ...required,
          ...fixed,
          binding: 'certificate:bdcqz.use',
          help: '如：城镇住宅用地/住宅',
        }),
        text('area', '面积', 'Area', {
          ...required,
          ...fixed,
          binding: 'certificate:bdcqz.area',
          help: '如：共有宗地面积3500.00㎡/房屋建筑面积89.50㎡',
        }),
        text('term', '使用期限', 'Term', {
          ...required,
          ...fixed,
          binding: 'certificate:bdcqz.term',
          help: '如：2008年05月20日起2078年05月19日止',
        }),
      ]
    : []),
];

/**
 * 不动产登记申请书 (转移登记): the property as on the seller's 不动产权证书, the seller, the buyers and
 * their share, the sale. The property's keys and `coOwnership` print on the buyer's 不动产权证书.
 */
const PROPERTY_TRANSFER: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('property', '不动产情况', 'Property', [
      ...property(true),
      text('certificateNumber', '原不动产权证书号', 'Current certificate number', {
        ...required,
        help: '如：陕（2020）西安市不动产权第0123456号',
      }),
    ]),
    section('seller', '转让方（登记义务人）', 'Seller', [
      text('sellerName', '转让方姓名（名称）', 'Seller', {
        ...required,
        binding: 'certificate:bdcqz.name',
      }),
      idNumber('sellerIdNumber', '转让方身份证号码', 'Seller ID number', {
        ...required,
        binding: 'certificate:bdcqz.idNumber',
      }),
      phone('sellerPhone', '转让方联系电话', 'Seller phone', { ...required }),
    ]),
    section('buyers', '受让方（登记权利人）', 'Buyers', [
      table(
        'buyers',
        '受让方',
        'Buyers',
        [
          text('name', '姓名（名称）', 'Name', { ...required }),
          idNumber('idNumber', '身份证号码', 'ID number', { ...required }),
          phone('phone', '联系电话', 'Phone', { ...required }),
          text('share', '份额', 'Share', {
            help: '按份共有的填写，如：50%',
            validation: { pattern: '[0-9]{1,3}(\\.[0-9]{1,2})?%', patternMessage: '份额填写百分比，如：50%' },
          }),
        ],
        { ...required, validation: { minItems: 1, maxItems: 10 } },
      ),
      choice('coOwnership', '共有情况', 'Co-ownership', ['单独所有', '共同共有', '按份共有'], {
        ...required,
      }),
    ]),
    section('sale', '交易情况', 'Sale', [
      text('contractNumber', '存量房买卖合同网签备案号', 'Contract filing number', { ...required }),
      money('price', '成交价格（元）', 'Price (yuan)', { ...required, validation: { min: 1 } }),
      yesNo('taxPaid', '契税已缴纳', 'Deed tax paid', { ...required }),
      choice('delivery', '领证方式', 'How to receive it', ['电子证照', '窗口领取', '邮寄到家'], {
        ...required,
      }),
      address('mailAddress', '邮寄地址', 'Postal address', {
        shownWhen: { field: 'delivery', equals: '邮寄到家' },
        ...required,
      }),
    ]),
    promiseSection(`${TRUE_COPY}申请人承诺不动产不存在查封、异议等限制转移的情形。`),
  ],
};

/** 不动产登记申请书 (抵押权首次登记): the property, the mortgagor, the mortgagee, the debt. */
const MORTGAGE: FormDefinition = {
  covers: ['sqs'],
  sections: [
    section('property', '抵押不动产', 'Property', [
      ...property(false),
      text('certificateNumber', '不动产权证书号', 'Certificate number', { ...required }),
    ]),
    section('parties', '抵押当事人', 'Parties', [
      text('obligor', '抵押人（登记义务人）', 'Mortgagor', {
        ...required,
        binding: 'certificate:bdcqz.name',
      }),
      idNumber('obligorIdNumber', '抵押人身份证号码', 'Mortgagor ID number', {
        ...required,
        binding: 'certificate:bdcqz.idNumber',
      }),
      text('mortgagee', '抵押权人（登记权利人）', 'Mortgagee', {
        ...required,
        help: '如：中国建设银行股份有限公司西安分行',
      }),
      creditCode('mortgageeCode', '抵押权人统一社会信用代码', 'Mortgagee credit code', { ...required }),
      text('debtor', '债务人', 'Debtor', { ...required }),
    ]),
    section('debt', '抵押情况', 'Mortgage', [
      choice('kind', '抵押方式', 'Kind', ['一般抵押', '最高额抵押'], { ...required }),
      money('amount', '被担保主债权数额（元）', 'Secured debt (yuan)', {
        shownWhen: { field: 'kind', equals: '一般抵押' },
        ...required,
        validation: { min: 1 },
      }),
      money('maxAmount', '最高债权额（元）', 'Maximum amount (yuan)', {
        shownWhen: { field: 'kind', equals: '最高额抵押' },
        ...required,
        validation: { min: 1 },
      }),
      dateRange('term', '债务履行期限', 'Term of the debt', { ...required }),
      yesNo('noTransfer', '约定禁止或限制转让抵押不动产', 'Transfer restricted by agreement'),
    ]),
    promiseSection(TRUE_COPY),
  ],
};

export const PROPERTY_FORMS: Record<string, FormDefinition> = {
  '不动产转移登记（二手房买卖）': PROPERTY_TRANSFER,
  不动产抵押权首次登记: MORTGAGE,
};
