import { withCreditCheckCharacter } from '../../common/identity.ts';
import type { CertificateField } from '../../server/certificates/index.ts';

/** Holders and field values of the generated certificates: plausible, distinct, deterministic in n. */

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫博宇浩然子轩雨欣思远晨阳佳怡',
];
const SHOP_NAMES = [...'秦汉唐长安丰泰鼎盛华兴宏远恒昌瑞祥广源新锐博创德润金辉正通鸿运'];
const TRADES = [
  '科技',
  '餐饮管理',
  '商贸',
  '建筑工程',
  '物流',
  '医药',
  '文化传媒',
  '食品',
  '环保科技',
  '旅游',
  '教育咨询',
  '物业管理',
];
const DISTRICTS = ['新城区', '碑林区', '莲湖区', '雁塔区', '未央区', '灞桥区', '长安区', '高陵区'];
const ROADS = [
  '长乐中路',
  '东大街',
  '南二环西段',
  '丈八东路',
  '凤城八路',
  '纺织城正街',
  '雁塔北路',
  '含光路',
];
const DISTRICT_CODES = ['610102', '610103', '610104', '610111', '610112', '610113', '610116', '610117'];

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

/** 91610100MB… credit codes with a valid GB 32100 check character, distinct for distinct n < 10^7. */
export const companyLogin = (n: number) =>
  withCreditCheckCharacter(`91610100MB${String(n).padStart(7, '0')}`);

export const companyName = (n: number) =>
  `西安${pick(SHOP_NAMES, n)}${pick(SHOP_NAMES, Math.floor(n / SHOP_NAMES.length) + 7)}${pick(TRADES, Math.floor(n / 3))}有限公司`;

export const personName = (n: number) =>
  `${pick(SURNAMES, n)}${pick(GIVEN, Math.floor(n / SURNAMES.length))}${n % 3 ? pick(GIVEN, n * 7 + 3) : ''}`;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number (GB 11643) born 1950–2005 in a 西安 district, distinct for distinct n < 20,000,000. */
export function personLogin(n: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10);
  const serial = String(Math.floor(n / 20_000) % 1000).padStart(3, '0');
  const first17 = `${pick(DISTRICT_CODES, Math.floor(n / 20_000_000))}${day.replaceAll('-', '')}${serial}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return first17 + ID_CHECK[sum % 11];
}

const address = (n: number) => `陕西省西安市${pick(DISTRICTS, n)}${pick(ROADS, n >> 3)}${(n % 300) + 1}号`;
const date = (n: number, from = 1990, years = 30) =>
  new Date(Date.UTC(from, 0, 1) + (n % (years * 365)) * 86_400_000).toISOString().slice(0, 10);

/** A value of a field the issuer fills in (not one the type takes from the holder, issuer or dates). */
export function fieldValue(field: CertificateField, n: number): string {
  const k = field.key;
  if (/address|location|premises|warehouse|place|site/i.test(k)) return address(n);
  if (/Date$|On$|At$/.test(k)) return date(n);
  if (/name$|Name$|legalRepresentative|householder|obligor/.test(k)) return personName(n * 31 + 5);
  if (/idNumber$|IdNumber$/.test(k)) return personLogin(n * 17 + 11);
  if (k === 'sex') return n % 2 ? '男' : '女';
  if (k === 'ethnicity') return '汉';
  if (k === 'plateNumber')
    return `陕A${String.fromCharCode(65 + (n % 26))}${String(n % 10000).padStart(4, '0')}`;
  if (k === 'area') return `${(n % 900) + 60}平方米`;
  if (k === 'registeredCapital') return `${(n % 50) * 100 + 100}万元`;
  if (k === 'businessTerm' || k === 'term') return '长期';
  if (/[Cc]ode$|[Nn]umber$|vin/.test(k))
    return `${k.slice(0, 2).toUpperCase()}${String(n).padStart(10, '0')}`;
  if (/scope|Scope|category/.test(k))
    return `${pick(TRADES, n)}相关经营；${pick(TRADES, n + 5)}服务（依法须经批准的项目，经相关部门批准后方可开展经营活动）`;
  return `${field.label}${(n % 97) + 1}`;
}
