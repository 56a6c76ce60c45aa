import { asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { maskIdNumber, maskPhone } from '../../common/identity.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import type { CompanyRecord, PersonRecord } from './rows.ts';
import { registryCompanies, registryPersons } from './tables.ts';

export type { CompanyRecord, PersonRecord } from './rows.ts';

/** The resident of an ID number in the population base (人口库), or null. */
export async function findPerson(db: DbOrTx, idNumber: string): Promise<PersonRecord | null> {
  const [row] = await db
    .select()
    .from(registryPersons)
    .where(eq(registryPersons.idNumber, idNumber.toUpperCase()));
  if (!row) return null;
  return {
    idNumber: row.idNumber,
    name: row.name,
    sex: row.sex as PersonRecord['sex'],
    birthDate: row.birthDate,
    ethnicity: row.ethnicity,
    address: row.address,
    phone: row.phone,
    regionCode: row.regionCode,
  };
}

/** The legal entity of a credit code in the legal-entity base (法人库), or null. */
export async function findCompany(db: DbOrTx, creditCode: string): Promise<CompanyRecord | null> {
  const [row] = await db
    .select()
    .from(registryCompanies)
    .where(eq(registryCompanies.creditCode, creditCode.toUpperCase()));
  if (!row) return null;
  const { source: _source, updatedAt: _updatedAt, ...record } = row;
  return record;
}

const BATCH = 500;

/** Adds or replaces residents (by ID number), in the caller's transaction. */
export async function upsertPersons(
  tx: Tx,
  records: PersonRecord[],
  source: 'demo' | 'import',
): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    await tx
      .insert(registryPersons)
      .values(records.slice(i, i + BATCH).map((r) => ({ ...r, source })))
      .onConflictDoUpdate({
        target: registryPersons.idNumber,
        set: {
          name: sql`excluded.name`,
          sex: sql`excluded.sex`,
          birthDate: sql`excluded.birth_date`,
          ethnicity: sql`excluded.ethnicity`,
          address: sql`excluded.address`,
          phone: sql`excluded.phone`,
          regionCode: sql`excluded.region_code`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Adds or replaces legal entities (by credit code), in the caller's transaction. */
export async function upsertCompanies(
  tx: Tx,
  records: CompanyRecord[],
  source: 'demo' | 'import',
): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    await tx
      .insert(registryCompanies)
      .values(records.slice(i, i + BATCH).map((r) => ({ ...r, source })))
      .onConflictDoUpdate({
        target: registryCompanies.creditCode,
        set: {
          name: sql`excluded.name`,
          legalRepresentative: sql`excluded.legal_representative`,
          legalRepresentativeIdNumber: sql`excluded.legal_representative_id_number`,
          companyType: sql`excluded.company_type`,
          registeredAddress: sql`excluded.registered_address`,
          registeredCapital: sql`excluded.registered_capital`,
          establishedOn: sql`excluded.established_on`,
          businessScope: sql`excluded.business_scope`,
          status: sql`excluded.status`,
          regionCode: sql`excluded.region_code`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export type RegistryListFilter = { q?: string; limit: number; offset: number };

/** By part of the name or by the whole number. */
function matching(q: string | undefined, name: AnyPgColumn, key: AnyPgColumn): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(name, like), eq(key, text.toUpperCase()));
}

/**
 * Residents for the administrators' page, found by name or by the whole ID number: ID numbers,
 * phones and addresses masked (the full record is used only to fill in applications).
 */
export async function listPersons(db: DbOrTx, filter: RegistryListFilter) {
  const where = matching(filter.q, registryPersons.name, registryPersons.idNumber);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(registryPersons)
      .where(where)
      .orderBy(asc(registryPersons.idNumber))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(registryPersons).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      idNumber: maskIdNumber(r.idNumber),
      name: r.name,
      sex: r.sex,
      birthYear: r.birthDate.slice(0, 4),
      address: maskAddress(r.address),
      phone: r.phone ? maskPhone(r.phone) : null,
      regionCode: r.regionCode,
      source: r.source,
      updatedAt: r.updatedAt,
    })),
  };
}

/** Legal entities for the administrators' page (public register data: nothing masked but the representative's ID). */
export async function listCompanies(db: DbOrTx, filter: RegistryListFilter) {
  const where = matching(filter.q, registryCompanies.name, registryCompanies.creditCode);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(registryCompanies)
      .where(where)
      .orderBy(asc(registryCompanies.creditCode))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(registryCompanies).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      creditCode: r.creditCode,
      name: r.name,
      legalRepresentative: r.legalRepresentative,
      companyType: r.companyType,
      registeredAddress: r.registeredAddress,
      establishedOn: r.establishedOn,
      status: r.status,
      regionCode: r.regionCode,
      source: r.source,
      updatedAt: r.updatedAt,
    })),
  };
}

/** 西安市新城区长乐中路**** : keeps the beginning of an address. */
export function maskAddress(address: string): string {
  const keep = Math.min(9, Math.max(0, address.length - 4));
  return `${address.slice(0, keep)}${'*'.repeat(Math.min(6, address.length - keep))}`;
}

/** How many records each base holds. */
export async function registryCounts(db: DbOrTx): Promise<{ persons: number; companies: number }> {
  const [[persons], [companies]] = await Promise.all([
    db.select({ n: count() }).from(registryPersons),
    db.select({ n: count() }).from(registryCompanies),
  ]);
  return { persons: persons?.n ?? 0, companies: companies?.n ?? 0 };
}
