import type { DbOrTx } from '../core/db/client.ts';
import { faqEntries } from '../hotline/index.ts';

/** Knowledge-base entries of 西安市 the 12345 operators answer 咨询 from. */
const FAQ = [
  {
    question: '居住证怎么办理？',
    answer:
      '在西安市居住半年以上、有合法稳定就业、住所或连续就读的，可携带身份证、居住证明到居住地社区警务室或派出所申领居住证，也可在“西安公安”网上申请。',
    keywords: '居住证,暂住证,居住登记',
  },
  {
    question: '灵活就业人员怎么缴纳养老保险？',
    answer:
      '西安市户籍或持居住证的灵活就业人员，可携带身份证到户籍地或居住地街道（镇）社保所登记，也可在陕西社会保险网上服务平台办理参保登记，按月或按年缴费。',
    keywords: '养老保险,社保,灵活就业,个体',
  },
  {
    question: '营业执照办理需要多长时间？',
    answer:
      '材料齐全、符合法定形式的，市场监管部门当场或 1 个工作日内核发营业执照；可在陕西省市场主体登记服务平台全程网上办理。',
    keywords: '营业执照,个体工商户,公司注册,开办企业',
  },
  {
    question: '新生儿怎么办理户口登记？',
    answer:
      '出生后一个月内，由监护人携带《出生医学证明》、父母双方户口簿和身份证、结婚证到父亲或母亲户口所在地派出所申报出生登记。',
    keywords: '新生儿,出生,落户,上户口',
  },
  {
    question: '住房公积金怎么提取？',
    answer:
      '购房、租房、退休等情形可申请提取。可登录西安住房公积金管理中心网上服务大厅或“手机公积金”办理，也可到各管理部窗口办理。',
    keywords: '公积金,提取,租房,购房',
  },
];

/** Adds the FAQ entries of 西安市 (610100). */
export async function seedDemoHotline(options: { db: DbOrTx }): Promise<void> {
  await options.db.insert(faqEntries).values(FAQ.map((entry) => ({ ...entry, regionCode: '610100' })));
}
