import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { withCreditCheckCharacter } from '../../../common/identity.ts';
import { hashPassword } from '../../accounts/index.ts';
import type { DbOrTx } from '../../core/db/client.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力成浩宇博欣怡晨';
const TRADE = [
  '秦川',
  '长安',
  '曲江',
  '雁塔',
  '未央',
  '浐灞',
  '古都',
  '丝路',
  '大唐',
  '终南',
  '渭水',
  '骊山',
];
const BUSINESS = [
  '商贸',
  '科技',
  '餐饮',
  '建设',
  '物流',
  '文化',
  '医药',
  '食品',
  '信息',
  '装饰',
  '旅游',
  '教育',
];
const DISTRICTS = ['610102', '610103', '610104', '610111', '610112', '610113', '610114', '610116'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const BIRTH_DAYS = 18_000;

/** A resident ID number with its GB 11643 check character. */
function idNumber(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return first17 + '10X98765432'[sum % 11];
}

/** The n-th generated person: a Xi'an ID number (distinct for distinct n) and a name. */
export function generatedPerson(n: number): { login: string; displayName: string } {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % BIRTH_DAYS) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const serial = String(100 + Math.floor(n / BIRTH_DAYS)).padStart(3, '0');
  const district = DISTRICTS[n % DISTRICTS.length]!;
  const surname = SURNAMES[n % SURNAMES.length]!;
  const given = GIVEN[(n * 7) % GIVEN.length]! + (n % 3 === 0 ? '' : GIVEN[(n * 13 + 5) % GIVEN.length]!);
  return { login: idNumber(`${district}${date}${serial}`), displayName: surname + given };
}

/** The n-th generated company: a credit code (distinct for distinct n) and a name. */
export function generatedCompany(n: number): { login: string; displayName: string } {
  const trade = TRADE[n % TRADE.length]!;
  const business = BUSINESS[Math.floor(n / TRADE.length) % BUSINESS.length]!;
  const round = Math.floor(n / (TRADE.length * BUSINESS.length));
  return {
    login: withCreditCheckCharacter(`91610113MA${String(n).padStart(7, '0')}`),
    displayName: `西安${trade}${business}${round ? `第${round + 1}` : ''}有限公司`,
  };
}

/**
 * Creates `persons` people and `companies` companies who file the generated cases (never the demo's
 * own applicants: a login already taken is left out) and the temporary table gen_applicants
 * (kind, k, id) numbering each kind from 0. They sign in with no known password. Returns the counts.
 */
export async function createApplicants(
  db: DbOrTx,
  counts: { persons: number; companies: number },
): Promise<{ person: number; company: number }> {
  const rows = [
    ...Array.from({ length: counts.persons }, (_, n) => ({ kind: 'person', ...generatedPerson(n) })),
    ...Array.from({ length: counts.companies }, (_, n) => ({ kind: 'company', ...generatedCompany(n) })),
  ];
  const passwordHash = await hashPassword(randomUUID());
  await db.execute(sql`CREATE TEMP TABLE gen_applicants (kind text, k integer, id uuid)`);
  await db.execute(sql`
    WITH added AS (
      INSERT INTO accounts (kind, login, display_name, password_hash)
      SELECT kind, login, display_name, ${passwordHash}
      FROM json_to_recordset(${JSON.stringify(rows.map((r) => ({ kind: r.kind, login: r.login, display_name: r.displayName })))}::json)
        AS a(kind text, login text, display_name text)
      ON CONFLICT (kind, login) DO NOTHING
      RETURNING kind, login, id)
    INSERT INTO gen_applicants
    SELECT kind, (row_number() OVER (PARTITION BY kind ORDER BY login) - 1)::int, id FROM added`);
  await db.execute(sql`ALTER TABLE gen_applicants ADD PRIMARY KEY (kind, k)`);
  const { rows: added } = await db.execute<{ kind: string; n: number }>(sql`
    SELECT kind, count(*)::int AS n FROM gen_applicants GROUP BY kind`);
  const of = (kind: string) => added.find((r) => r.kind === kind)?.n ?? 0;
  return { person: of('person'), company: of('company') };
}

export const DROP_APPLICANTS = sql`DROP TABLE IF EXISTS gen_applicants`;
