import { desc, inArray, sql } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation, type OrganisationRow } from '../organisations/index.ts';
import { findRegion, type Region } from '../regions/index.ts';
import { diffDocuments } from './diff.ts';
import { denormalised, implementationCodeProblems, placementProblems } from './implementations.ts';
import { indexPublishedVersion } from './search-index.ts';
import { type BasicMatterInput, basicMatterProblems, normaliseBasicMatter } from './service.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';
import { documentProblems, missingElements } from './validation.ts';
import { publishVersion, updateVersionRow } from './versions.ts';

/** One implementation to import, with the basic matter it implements (matched by code). */
export type ImportItem = {
  basicMatter: BasicMatterInput;
  code: string;
  organisationId: string;
  regionCode: string;
  document: ImplementationDocument;
};

/** A problem of one item; `item` is its index in the list, `field` a path within the item. */
export type ImportError = { item: number; field: string; problem: string };

export type ImportResult = { imported: number; created: number; updated: number; published: number };

type Logged = { id: string; code: string; versionNo: number };
type VersionRow = typeof implementationVersions.$inferSelect;
type Existing = { id: string; basicMatterId: string; organisationId: string; versions: VersionRow[] };

async function loadPlaces(tx: Tx, items: ImportItem[]) {
  // One query at a time: a transaction's connection runs them in turn anyway.
  const orgs = new Map<string, OrganisationRow | null>();
  for (const id of new Set(items.map((i) => i.organisationId))) orgs.set(id, await findOrganisation(tx, id));
  const regionCodes = new Set(items.map((i) => i.regionCode));
  for (const org of orgs.values()) if (org) regionCodes.add(org.regionCode);
  const regions = new Map<string, Region | null>();
  for (const code of regionCodes) regions.set(code, await findRegion(tx, code));
  return { orgs, regions };
}

async function loadExisting(tx: Tx, codes: string[]): Promise<Map<string, Existing>> {
  const rows = await tx
    .select()
    .from(implementations)
    .where(inArray(implementations.code, codes))
    .for('update');
  const versions = rows.length
    ? await tx
        .select()
        .from(implementationVersions)
        .where(
          inArray(
            implementationVersions.implementationId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(implementationVersions.versionNo))
    : [];
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: r.id,
        basicMatterId: r.basicMatterId,
        organisationId: r.organisationId,
        versions: versions.filter((v) => v.implementationId === r.id),
      },
    ]),
  );
}

/**
 * Imports implementations (and the basic matters they need) all or nothing. Every item is checked
 * first — codes, placement, document rules and, when publishing, completeness — and any problem
 * refuses the whole import with the list of problems (400 catalogue.import_invalid, details.errors).
 * Basic matters are matched by code: missing ones are created, existing ones are used as they are.
 * An implementation whose code exists gets its open draft replaced or a new version; with `publish`
 * every imported version is published at once (used for loading reviewed data).
 */
export async function importImplementations(options: {
  db: DbOrTx;
  audit: AuditContext;
  items: ImportItem[];
  publish: boolean;
}): Promise<ImportResult> {
  const { audit, publish } = options;
  const items = options.items.map((item) => ({
    ...item,
    code: item.code.trim().toUpperCase(),
    basicMatter: normaliseBasicMatter(item.basicMatter),
  }));
  return options.db
    .transaction(async (tx) => {
      const errors: ImportError[] = [];
      const fail = (item: number, field: string, problem: string) => errors.push({ item, field, problem });
      const basicCodes = [...new Set(items.map((i) => i.basicMatter.code))];
      const known = new Map(
        (basicCodes.length
          ? await tx.select().from(basicMatters).where(inArray(basicMatters.code, basicCodes))
          : []
        ).map((b) => [b.code, b]),
      );
      const existing = items.length
        ? await loadExisting(tx, [...new Set(items.map((i) => i.code))])
        : new Map();
      const { orgs, regions } = await loadPlaces(tx, items);
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const basic = known.get(item.basicMatter.code);
        if (!basic)
          for (const p of basicMatterProblems(item.basicMatter, 'basicMatter.')) fail(i, p.field, p.problem);
        for (const p of implementationCodeProblems(item.code)) fail(i, p.field, p.problem);
        if (seen.has(item.code)) fail(i, 'code', `实施编码“${item.code}”在导入数据中重复`);
        seen.add(item.code);
        const org = orgs.get(item.organisationId);
        for (const p of placementProblems(
          org,
          org ? regions.get(org.regionCode) : null,
          regions.get(item.regionCode),
        )) {
          fail(i, p.field, p.problem);
        }
        const current = existing.get(item.code);
        if (current && current.organisationId !== item.organisationId) {
          fail(i, 'code', '该实施编码已属于其他实施部门');
        } else if (current && basic && current.basicMatterId !== basic.id) {
          fail(i, 'basicMatter.code', '该实施清单已对应其他基本目录事项');
        }
        const docProblems = documentProblems(item.document);
        for (const p of docProblems) fail(i, p.field, p.problem);
        if (publish && !docProblems.length) {
          const legalBasis = basic ? basic.legalBasis : item.basicMatter.legalBasis;
          for (const m of missingElements(item.document, legalBasis)) fail(i, m.field, m.problem);
        }
      });
      if (errors.length) {
        throw new AppError('catalogue.import_invalid', {
          params: { count: errors.length },
          details: { errors },
        });
      }
      return write(tx, audit, items, known, existing, publish);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('resource.conflict');
      throw error;
    });
}

async function write(
  tx: Tx,
  audit: AuditContext,
  items: ImportItem[],
  known: Map<string, { id: string }>,
  existing: Map<string, Existing>,
  publish: boolean,
): Promise<ImportResult> {
  const now = new Date();
  const log = { created: [] as Logged[], updated: [] as Logged[] };
  const actorId = audit.actor?.accountId ?? null;
  const newBasics = [
    ...new Map(
      items.filter((i) => !known.has(i.basicMatter.code)).map((i) => [i.basicMatter.code, i.basicMatter]),
    ).values(),
  ];
  if (newBasics.length) {
    const created = await tx.insert(basicMatters).values(newBasics).returning();
    for (const b of created) known.set(b.code, b);
  }
  const fresh = items.filter((i) => !existing.has(i.code));
  let published = 0;
  if (fresh.length) {
    const created = await tx
      .insert(implementations)
      .values(
        fresh.map((i) => ({
          basicMatterId: known.get(i.basicMatter.code)!.id,
          code: i.code,
          organisationId: i.organisationId,
          regionCode: i.regionCode,
        })),
      )
      .returning({ id: implementations.id, code: implementations.code });
    const idOf = new Map(created.map((c) => [c.code, c.id]));
    const versions = await tx
      .insert(implementationVersions)
      .values(
        fresh.map((i) => ({
          implementationId: idOf.get(i.code)!,
          versionNo: 1,
          status: publish ? 'published' : 'draft',
          ...denormalised(i.document),
          createdBy: actorId,
          ...(publish ? { publishedAt: now, reviewedBy: actorId } : {}),
        })),
      )
      .returning({
        id: implementationVersions.id,
        implementationId: implementationVersions.implementationId,
      });
    if (publish) {
      await tx.execute(sql`
        UPDATE ${implementations} SET published_version_id = v.version_id, updated_at = ${now}
        FROM unnest(${sql.param(versions.map((v) => v.implementationId))}::uuid[],
                    ${sql.param(versions.map((v) => v.id))}::uuid[]) AS v(implementation_id, version_id)
        WHERE ${implementations.id} = v.implementation_id`);
      for (const v of versions) await indexPublishedVersion({ tx, versionId: v.id });
      published += versions.length;
    }
    for (const c of created) log.created.push({ id: c.id, code: c.code, versionNo: 1 });
  }
  let updated = 0;
  for (const item of items) {
    const current = existing.get(item.code);
    if (!current) continue;
    const outcome = await updateExisting(tx, item, current, publish, actorId, now);
    if (!outcome) continue;
    updated++;
    if (outcome.published) published++;
    log.updated.push({ id: current.id, code: item.code, versionNo: outcome.versionNo });
  }
  const result = { imported: fresh.length + updated, created: fresh.length, updated, published };
  if (result.imported || newBasics.length) {
    // One record for the whole import, naming what it created and changed: the trail stays readable, the import fast.
    await recordAudit(tx, audit, {
      action: 'catalogue.import',
      targetType: 'implementation',
      targetId: null,
      summary: { ...result, publish, basicMattersCreated: newBasics.map((b) => b.code), ...log },
    });
  }
  return result;
}

/** Brings an existing implementation to the imported document; null when nothing changes. */
async function updateExisting(
  tx: Tx,
  item: ImportItem,
  current: Existing,
  publish: boolean,
  actorId: string | null,
  now: Date,
): Promise<{ versionNo: number; published: boolean } | null> {
  const open = current.versions.find((v) => v.status === 'draft' || v.status === 'under_review');
  const live = current.versions.find((v) => v.status === 'published');
  let versionId: string;
  let versionNo: number;
  if (open) {
    const same = diffDocuments(open.document, item.document).length === 0;
    if (same && !publish) return null;
    await updateVersionRow(tx, open.id, {
      ...denormalised(item.document),
      status: 'draft',
      rev: open.rev + 1,
    });
    versionId = open.id;
    versionNo = open.versionNo;
  } else {
    if (live && diffDocuments(live.document, item.document).length === 0) return null;
    versionNo = (current.versions[0]?.versionNo ?? 0) + 1;
    const [created] = await tx
      .insert(implementationVersions)
      .values({
        implementationId: current.id,
        versionNo,
        status: 'draft',
        ...denormalised(item.document),
        createdBy: actorId,
      })
      .returning({ id: implementationVersions.id });
    versionId = created!.id;
  }
  if (publish) {
    await publishVersion({
      tx,
      implementationId: current.id,
      versionId,
      previousId: live?.id ?? null,
      reviewedBy: actorId,
      comment: null,
      at: now,
    });
  }
  return { versionNo, published: publish };
}
