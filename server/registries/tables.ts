import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 人口库: the population base, one row per resident ID number. A shared data source from which
 * applications are filled in (居民身份证 of a person, the legal representative of a company).
 */
export const registryPersons = pgTable(
  'registry_persons',
  {
    idNumber: text('id_number').primaryKey(),
    name: text('name').notNull(),
    /** male | female (from the ID number's 17th digit) */
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    ethnicity: text('ethnicity').notNull().default(''),
    address: text('address').notNull(),
    phone: text('phone'),
    /** Region (GB/T 2260) of the registered residence (户籍地). */
    regionCode: text('region_code').notNull(),
    /** demo | import */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_persons_name_idx').on(t.name)],
);

/** 法人库: the legal-entity base, one row per unified social credit code (营业执照 data). */
export const registryCompanies = pgTable(
  'registry_companies',
  {
    creditCode: text('credit_code').primaryKey(),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    /** Resident ID number of the legal representative, when known. */
    legalRepresentativeIdNumber: text('legal_representative_id_number'),
    /** 有限责任公司, 个体工商户, … */
    companyType: text('company_type').notNull(),
    registeredAddress: text('registered_address').notNull(),
    /** In words as on the licence, e.g. 100万元人民币. */
    registeredCapital: text('registered_capital').notNull().default(''),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    businessScope: text('business_scope').notNull().default(''),
    /** 存续 | 在业 | 吊销 | 注销 */
    status: text('status').notNull(),
    regionCode: text('region_code').notNull(),
    /** demo | import */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_companies_name_idx').on(t.name)],
);
