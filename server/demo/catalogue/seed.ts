import type { ImplementationDocument } from '../../../common/catalogue/guide.ts';
import type { AuditContext } from '../../audit/index.ts';
import { type ImportItem, importImplementations, seedSynonyms } from '../../catalogue/index.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { findOrganisation, listHalls, listOrganisations } from '../../organisations/index.ts';
import type { DemoOrganisations } from '../organisations.ts';
import { basicCode, buildDocument, type DemoHalls, type HallRef, implementationCode } from './build.ts';
import { CIVIL_AFFAIRS } from './civil-affairs.ts';
import { CITY_MANAGEMENT, HOUSING_CONSTRUCTION } from './construction.ts';
import { CULTURE_TOURISM, EDUCATION } from './culture-education.ts';
import { DEMO_FORMS } from './forms/index.ts';
import { HEALTH } from './health.ts';
import { HUMAN_RESOURCES } from './human-resources.ts';
import { MARKET_REGULATION } from './market.ts';
import { MEDICAL_INSURANCE } from './medical-insurance.ts';
import { POLICE } from './police.ts';
import { PLANNING, REAL_ESTATE } from './property.ts';
import type { DemoRegion, DepartmentMatters } from './spec.ts';
import { TAX } from './tax.ts';
import { ECOLOGY_ENVIRONMENT, TRANSPORT } from './transport-environment.ts';

/** The demo catalogue, department by department. */
export const DEMO_CATALOGUE: DepartmentMatters[] = [
  MARKET_REGULATION,
  POLICE,
  TAX,
  HUMAN_RESOURCES,
  MEDICAL_INSURANCE,
  REAL_ESTATE,
  PLANNING,
  HOUSING_CONSTRUCTION,
  CITY_MANAGEMENT,
  CIVIL_AFFAIRS,
  HEALTH,
  TRANSPORT,
  ECOLOGY_ENVIRONMENT,
  EDUCATION,
  CULTURE_TOURISM,
];

const DISTRICT_NAMES: Record<Exclude<DemoRegion, '610100'>, string> = {
  '610102': '新城区',
  '610103': '碑林区',
};
/** A department whose district offices are branches of the city body, not of the district. */
const CITY_BRANCHES = new Set(['不动产登记中心']);
const BEILIN_CENTRE = '碑林区政务服务中心';

type Implementer = { id: string; name: string; creditCode: string };

async function implementer(db: DbOrTx, id: string): Promise<Implementer> {
  const org = await findOrganisation(db, id);
  if (!org?.creditCode) throw new Error(`demo organisation ${id} has no credit code`);
  return { id: org.id, name: org.name, creditCode: org.creditCode };
}

async function demoHalls(db: DbOrTx, orgs: DemoOrganisations): Promise<DemoHalls> {
  const halls = await listHalls({ db, filter: { region: '610100', subtree: true } });
  const ref = (id: string): HallRef => {
    const hall = halls.find((h) => h.id === id);
    if (!hall) throw new Error(`demo hall ${id} not found`);
    return { id: hall.id, name: hall.name, address: hall.address, hours: hall.openingHours };
  };
  const city = ref(orgs.cityHall);
  return {
    city,
    district: ref(orgs.districtHall),
    street: ref(orgs.streetHall),
    otherStreets: orgs.otherStreetHalls.map(ref),
    communities: orgs.communityHalls.map(ref),
    // 碑林区 has no hall of the platform yet: its guides give the centre's address.
    beilin: {
      id: null,
      name: '碑林区政务服务大厅',
      address: '陕西省西安市碑林区南关正街88号',
      hours: city.hours,
    },
  };
}

/** The guide with the matter's application form, when the demo has one (forms/index.ts). */
function withForm(document: ImplementationDocument): ImplementationDocument {
  const form = DEMO_FORMS[document.name];
  return form ? { ...document, form } : document;
}

/** Every implementation of the demo catalogue, ready for `importImplementations`. */
export async function demoCatalogueItems(db: DbOrTx, orgs: DemoOrganisations): Promise<ImportItem[]> {
  const halls = await demoHalls(db, orgs);
  const [beilin] = (await listOrganisations({ db, filter: { q: BEILIN_CENTRE, kind: 'service_centre' } }))
    .items;
  if (!beilin) throw new Error(`the demo organisations lack ${BEILIN_CENTRE}`);
  const centres: Record<Exclude<DemoRegion, '610100'>, Implementer> = {
    '610102': await implementer(db, orgs.districtCentre),
    '610103': await implementer(db, beilin.id),
  };
  const items: ImportItem[] = [];
  for (const { department, sector, matters } of DEMO_CATALOGUE) {
    const departmentId = orgs.departments[department];
    if (!departmentId) throw new Error(`the demo organisations lack ${department}`);
    const cityDepartment = await implementer(db, departmentId);
    matters.forEach((spec, index) => {
      const regions = spec.regions ?? ['610100'];
      const code = basicCode(spec.type, sector, index + 1);
      const basicMatter = {
        code,
        name: spec.name,
        matterType: spec.type,
        exercisingLevel: spec.level ?? (regions.includes('610100') ? 'city' : 'county'),
        legalBasis: spec.basis.map(([name, article, text]) => ({ name, article, text })),
      } as const;
      for (const region of regions) {
        const district = region === '610100' ? null : DISTRICT_NAMES[region];
        const org =
          district && !CITY_BRANCHES.has(department)
            ? centres[region as keyof typeof centres]
            : cityDepartment;
        const office = !district
          ? department
          : CITY_BRANCHES.has(department)
            ? `${department}${district.slice(0, 2)}分中心`
            : `${district}${department}`;
        items.push({
          basicMatter: { ...basicMatter, legalBasis: [...basicMatter.legalBasis] },
          code: implementationCode(org.creditCode, code, region),
          organisationId: org.id,
          regionCode: region,
          document: withForm(
            buildDocument({ spec, region, department, implementer: org.name, office, halls }),
          ),
        });
      }
    });
  }
  return items;
}

/** Loads and publishes the demo catalogue and the search synonyms (inside the demo transaction). */
export async function seedDemoCatalogue(options: {
  db: DbOrTx;
  audit: AuditContext;
  orgs: DemoOrganisations;
}): Promise<{ implementations: number }> {
  const { db, audit, orgs } = options;
  await seedSynonyms(db);
  const items = await demoCatalogueItems(db, orgs);
  const result = await importImplementations({ db, audit, items, publish: true });
  return { implementations: result.published };
}
