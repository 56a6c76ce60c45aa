import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { todayInChina } from '../../server/calendar/service.ts';
import {
  type CertificateField,
  type CertificateRow,
  certificateNumberCounters,
  certificates,
  certificateTypes,
  decryptPrivateKey,
  newVerificationCode,
  sealKeys,
  signedFormOf,
  type ValidityRule,
  validityInMonths,
  validUntilFor,
} from '../../server/certificates/index.ts';
import { loadConfig } from '../../server/core/config.ts';
import { signCertificate } from '../../server/core/crypto/signed.ts';
import type { Db } from '../../server/core/db/client.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { findOrganisation } from '../../server/organisations/service.ts';
import { companyLogin, companyName, fieldValue, personLogin, personName } from './values.ts';

export const BENCH_PASSWORD = 'bench-pass-2026';
const BATCH = 1000;
const DAY = 86_400_000;
/** Certificates are issued over the last six years. */
const HISTORY_DAYS = 6 * 365;
/** Certificates per generated holder (each of a different type): companies hold more than persons. */
const PER_COMPANY = 15;
const PER_PERSON = 10;
/** Share of the library that is revoked, in per mille. */
const REVOKED_PER_MILLE = 20;

export type IssuingType = {
  id: string;
  code: string;
  name: string;
  holderKind: 'person' | 'company';
  fields: CertificateField[];
  validity: ValidityRule;
  organisationId: string;
  issuerName: string;
  regionCode: string;
};

export type BenchCertificates = {
  certificates: number;
  companies: number;
  persons: number;
  types: IssuingType[];
  /** The company that holds 20 current certificates and signs in for the prefill. */
  holder: { login: string; name: string; certificates: number };
  /** The published matter with the most company certificate types among its materials. */
  prefill: { implementationId: string; matterName: string; types: string[] };
  ms: Record<string, number>;
};

type Key = { id: string; publicKey: string; privateKey: string };

async function issuingTypes(db: Db): Promise<{ types: IssuingType[]; keys: Map<string, Key> }> {
  const keys = new Map<string, Key>();
  for (const k of await db.select().from(sealKeys).where(isNull(sealKeys.validTo))) {
    const privateKey = decryptPrivateKey(k.privateKeyEncrypted, k.id, k.organisationId);
    keys.set(k.organisationId, { id: k.id, publicKey: k.publicKey, privateKey });
  }
  const types: IssuingType[] = [];
  for (const t of await db.select().from(certificateTypes).orderBy(certificateTypes.code)) {
    const organisation = t.organisationId ? await findOrganisation(db, t.organisationId) : null;
    if (!organisation || !keys.has(organisation.id)) continue;
    types.push({
      id: t.id,
      code: t.code,
      name: t.name,
      holderKind: t.holderKind as 'person' | 'company',
      fields: t.fields as CertificateField[],
      validity: { years: t.validityYears, months: t.validityMonths },
      organisationId: organisation.id,
      issuerName: organisation.name,
      regionCode: organisation.regionCode,
    });
  }
  return { types, keys };
}

async function prefillMatter(db: Db): Promise<BenchCertificates['prefill']> {
  const [row] = (
    await db.execute<{ id: string; name: string; types: string[] }>(sql`
      SELECT i.id, v.document->>'name' AS name, array_agg(DISTINCT t.name ORDER BY t.name) AS types
      FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id
      CROSS JOIN jsonb_array_elements(v.document->'materials') m
      JOIN certificate_types t
        ON t.holder_kind = 'company'
       AND (t.name = coalesce(nullif(m->>'certificateType', ''), m->>'name')
            OR t.aliases ? coalesce(nullif(m->>'certificateType', ''), m->>'name'))
      GROUP BY i.id, v.document->>'name'
      ORDER BY count(DISTINCT t.name) DESC, i.region_code, i.id LIMIT 1`)
  ).rows;
  if (!row) throw new Error('no published matter takes a company certificate as a material');
  return { implementationId: row.id, matterName: row.name, types: row.types };
}

/** The values of a certificate the issuer fills in, completed as issueCertificate completes them. */
function dataOf(type: IssuingType, holder: { login: string; name: string }, issuedOn: string, n: number) {
  const validUntil = validUntilFor(issuedOn, type.validity);
  const facts = {
    holderName: holder.name,
    holderLogin: holder.login,
    issuer: type.issuerName,
    supervisor: type.issuerName,
    issuedOn,
    validUntil: validUntil ?? '长期',
  };
  const data: Record<string, string> = {};
  for (const field of type.fields)
    data[field.key] = field.source ? facts[field.source] : fieldValue(field, n);
  return { data, validUntil };
}

/**
 * Fills a fresh, migrated database with the demo data (certificate types and seal keys included) and
 * `count` certificates over the demo types: companies hold 15 each and persons 10 each, every one of a
 * different type, issued over the last six years (some therefore expired) and 2% revoked; one company
 * (signs in with BENCH_PASSWORD) holds 20 current certificates of different types, among them every
 * company type the prefill matter takes as a material. Each certificate is signed with its issuing
 * department's seal key by the certificates module's own code (the signed form of the row, SM2), so
 * verifying any of them is real work; rows are inserted 1,000 per statement. The generated library
 * has no audit records of its own.
 */
export async function generateBenchCertificates(options: {
  db: Db;
  count?: number;
  log?: (message: string) => void;
}): Promise<BenchCertificates> {
  const { db, count = 100_000, log = () => {} } = options;
  const ms: Record<string, number> = {};
  let clock = Date.now();
  const lap = (name: string) => {
    ms[name] = Date.now() - clock;
    log(`${name}: ${ms[name]} ms`);
    clock = Date.now();
  };
  await seedDemo(db, loadConfig());
  // A seal key verifies only what it signed while in use: the keys date from before the library.
  const now = Date.now();
  await db.update(sealKeys).set({ validFrom: new Date(now - (HISTORY_DAYS + 30) * DAY) });
  const { types, keys } = await issuingTypes(db);
  const prefill = await prefillMatter(db);
  const counters = new Map(
    (await db.select().from(certificateNumberCounters)).map((c) => [c.prefix, c.last] as const),
  );
  lap('demo data');

  const star = { login: companyLogin(0), name: '西安长安数字证照示范有限公司' };
  const [account] = (
    await db.execute<{ id: string }>(sql`
      INSERT INTO accounts (kind, login, display_name, password_hash, phone)
      VALUES ('company', ${star.login}, ${star.name}, ${await hashPassword(BENCH_PASSWORD)}, '13900000000')
      RETURNING id`)
  ).rows;
  const companyTypes = types.filter((t) => t.holderKind === 'company');
  const personTypes = types.filter((t) => t.holderKind === 'person');
  const lasting = (t: IssuingType) => (validityInMonths(t.validity) ?? Number.POSITIVE_INFINITY) >= 6;
  const starTypes = [
    ...companyTypes.filter((t) => prefill.types.includes(t.name)),
    ...companyTypes.filter((t) => !prefill.types.includes(t.name) && lasting(t)),
  ].slice(0, 20);
  const rest = Math.max(count - starTypes.length, 0);
  const companyCount = Math.ceil((rest * 0.6) / PER_COMPANY);
  const personCount = Math.ceil((rest - Math.ceil(rest * 0.6)) / PER_PERSON);

  let companyNext = 0;
  let personNext = 0;
  /** Certificate i: the star's first, then 3 in 5 to companies and 2 in 5 to persons. */
  const certificateOf = (i: number): CertificateRow => {
    let type: IssuingType;
    let holder: { login: string; name: string };
    let issuedAt: Date;
    if (i < starTypes.length) {
      type = starTypes[i]!;
      holder = star;
      issuedAt = new Date(now - (i * 3 + 1) * DAY - (i + 1) * 60_000);
    } else {
      const toCompany =
        i % 5 < 3 ? companyNext < companyCount * PER_COMPANY : personNext >= personCount * PER_PERSON;
      const c = toCompany ? companyNext++ : personNext++;
      const holders = toCompany ? companyCount : personCount;
      const list = toCompany ? companyTypes : personTypes;
      const h = c % holders;
      // Round r of a holder gets the type after the one of round r − 1: different types per holder.
      type = list[(Math.floor(c / holders) + h) % list.length]!;
      holder = toCompany
        ? { login: companyLogin(h + 1), name: companyName(h + 1) }
        : { login: personLogin(h * 37 + 1), name: personName(h) };
      issuedAt = new Date(now - (1 + ((i * 7919) % HISTORY_DAYS)) * DAY - (i % 480) * 60_000);
    }
    const issuedOn = todayInChina(issuedAt);
    const { data, validUntil } = dataOf(type, holder, issuedOn, i);
    const prefix = `${type.code.toUpperCase()}${type.regionCode.slice(0, 6)}${issuedOn.slice(0, 4)}`;
    const last = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, last);
    const key = keys.get(type.organisationId)!;
    const revoked = i >= starTypes.length && (i * 37) % 1000 < REVOKED_PER_MILLE;
    const row: CertificateRow = {
      id: randomUUID(),
      typeId: type.id,
      typeCode: type.code,
      typeName: type.name,
      number: `${prefix}${String(last).padStart(6, '0')}`,
      holderKind: type.holderKind,
      holderLogin: holder.login,
      holderName: holder.name,
      holderAccountId: holder === star ? account!.id : null,
      data,
      organisationId: type.organisationId,
      issuerName: type.issuerName,
      issuedAt,
      validUntil,
      status: revoked ? 'revoked' : 'issued',
      verificationCode: newVerificationCode(),
      keyId: key.id,
      signature: '',
      caseId: null,
      supersedes: null,
      supersededBy: null,
      revokedAt: revoked ? new Date(now) : null,
      revokedBy: null,
      revokeReason: revoked ? '压测数据：依法撤销' : null,
      createdAt: issuedAt,
    };
    row.signature = signCertificate(signedFormOf(row), key.privateKey, key.publicKey);
    return row;
  };

  let signing = 0;
  let inserting = 0;
  const total = starTypes.length + rest;
  for (let from = 0; from < total; from += BATCH) {
    let t = performance.now();
    const rows = Array.from({ length: Math.min(BATCH, total - from) }, (_, k) => certificateOf(from + k));
    signing += performance.now() - t;
    t = performance.now();
    await db.insert(certificates).values(rows);
    inserting += performance.now() - t;
    if (Math.floor((from + BATCH) / (total / 10)) > Math.floor(from / (total / 10)) && from + BATCH < total)
      log(`  ${from + BATCH} certificates`);
  }
  log(`built and signed in ${(signing / 1000).toFixed(1)} s, inserted in ${(inserting / 1000).toFixed(1)} s`);
  await db
    .insert(certificateNumberCounters)
    .values([...counters].map(([prefix, last]) => ({ prefix, last })))
    .onConflictDoUpdate({
      target: certificateNumberCounters.prefix,
      set: { last: sql`greatest(${certificateNumberCounters.last}, excluded.last)` },
    });
  await db.execute(sql`ANALYZE`);
  lap(`${total} certificates`);

  const [held] = (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(
        and(
          eq(certificates.holderLogin, star.login),
          eq(certificates.status, 'issued'),
          or(isNull(certificates.validUntil), gte(certificates.validUntil, todayInChina())),
          inArray(
            certificates.typeId,
            starTypes.map((t) => t.id),
          ),
        ),
      )
  ).map((r) => r.n);
  const [counts] = (
    await db.execute<{ n: number; c: number; p: number }>(sql`
      SELECT count(*)::int AS n,
             count(DISTINCT holder_login) FILTER (WHERE holder_kind = 'company')::int AS c,
             count(DISTINCT holder_login) FILTER (WHERE holder_kind = 'person')::int AS p
      FROM certificates`)
  ).rows;
  return {
    certificates: counts!.n,
    companies: counts!.c,
    persons: counts!.p,
    types,
    holder: { ...star, certificates: held ?? 0 },
    prefill,
    ms,
  };
}
