import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { organisations } from '../organisations/tables.ts';

/**
 * The key of the cases table (cases/tables.ts), declared by name only, for the foreign keys of a
 * certificate issued with a case and of an authorisation for a case: the cases module depends on
 * certificates, not the other way round. Not a table of this module (db/schema.ts leaves it out).
 */
const caseKeys = pgTable('cases', { id: uuid('id').primaryKey() });

/**
 * 证照类型: the catalogue of certificate types (营业执照, 食品经营许可证 …) with the fields a
 * certificate of the type carries, its validity rule and hints for the rendered document.
 */
export const certificateTypes = pgTable('certificate_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short code used in numbers, e.g. 'yyzz'. */
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  /** Other names of the type used as results in the catalogue ('营业执照（变更后）'). */
  aliases: jsonb('aliases').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** person | company */
  holderKind: text('holder_kind').notNull(),
  /** The organisation that usually issues it (the case's department issues when a case concludes). */
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** CertificateField[] in display order. */
  fields: jsonb('fields').notNull(),
  /**
   * Validity from the issue date: years plus months (临时居民身份证: 3 months); both null: valid
   * without limit (长期).
   */
  validityYears: integer('validity_years'),
  validityMonths: integer('validity_months'),
  /**
   * Which current certificate of the same holder a new one supersedes: null none, [] any of the
   * type (one per holder), [keys] the one with the same values of these fields.
   */
  supersedeBy: jsonb('supersede_by').$type<string[] | null>(),
  /** CertificateLayout: hints for the rendered document. */
  layout: jsonb('layout').notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 电子印章密钥: one SM2 key pair per issuing organisation in use at a time. A rotated key is
 * retired (valid_to set) but kept, so that every certificate it signed still verifies.
 */
export const sealKeys = pgTable(
  'seal_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    algorithm: text('algorithm').notNull().default('SM2'),
    /** Uncompressed public key in hex (04‖x‖y). */
    publicKey: text('public_key').notNull(),
    /** The private key encrypted with the key derived from SEAL_KEY_SECRET: v1.iv.tag.ciphertext. */
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the key is retired by a rotation. */
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [uniqueIndex('seal_keys_one_active_uq').on(t.organisationId).where(sql`${t.validTo} IS NULL`)],
);

/**
 * 电子证照: one issued certificate. What is signed is the canonical form of the certificate
 * (see signed.ts) built from these columns, so a changed byte in any of them fails verification.
 * The status is not signed: it changes when the certificate is superseded or revoked.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => certificateTypes.id),
    /** The type's code and name when issued (signed). */
    typeCode: text('type_code').notNull(),
    typeName: text('type_name').notNull(),
    number: text('number').notNull().unique(),
    /** person | company */
    holderKind: text('holder_kind').notNull(),
    /** ID number or credit code, upper-cased. */
    holderLogin: text('holder_login').notNull(),
    holderName: text('holder_name').notNull(),
    holderAccountId: uuid('holder_account_id').references(() => accounts.id),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    issuerName: text('issuer_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** issued | changed | revoked (expired is computed from valid_until) */
    status: text('status').notNull().default('issued'),
    verificationCode: text('verification_code').notNull().unique(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => sealKeys.id),
    /** SM2 signature (DER, hex) over the canonical form. */
    signature: text('signature').notNull(),
    caseId: uuid('case_id').references(() => caseKeys.id),
    /** The certificate this one replaced (its status is then 'changed'), and the one that replaced it. */
    supersedes: uuid('supersedes'),
    supersededBy: uuid('superseded_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => accounts.id),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('certificates_holder_idx').on(t.holderKind, t.holderLogin, t.status),
    index('certificates_organisation_idx').on(t.organisationId, t.issuedAt),
    index('certificates_case_idx').on(t.caseId),
  ],
);

/**
 * 用证授权: a holder lets a case or an organisation use one certificate until a day.
 * Revocable; a revoked or expired authorisation no longer opens the holder's look-up.
 */
export const certificateAuthorisations = pgTable(
  'certificate_authorisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => accounts.id),
    caseId: uuid('case_id').references(() => caseKeys.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Last day (China time) on which the authorisation holds. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('certificate_authorisations_certificate_idx').on(t.certificateId),
    index('certificate_authorisations_organisation_idx').on(t.organisationId),
  ],
);

/** The last certificate number drawn per prefix (type code, region, year). */
export const certificateNumberCounters = pgTable('certificate_number_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});
