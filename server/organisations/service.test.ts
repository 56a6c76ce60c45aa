import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import {
  createOrganisation,
  listOrganisations,
  type OrganisationInput,
  organisationScope,
  setOrganisationActive,
  updateOrganisation,
} from './service.ts';
import { fails, withDemoOrganisations } from './testing.ts';

const fixture = withDemoOrganisations('orgs-test');
const { audit } = fixture;

let serial = 0;
const code = () => withCreditCheckCharacter(`11610103MC${String(++serial).padStart(7, '0')}`);
const department = (over: Partial<OrganisationInput> = {}): OrganisationInput => ({
  name: '碑林区市场监督管理局',
  shortName: '市场监管局',
  kind: 'department',
  regionCode: '610103',
  creditCode: code(),
  ...over,
});

const { auditOf } = fixture;

test('the demo has the city centre, fifteen departments and the district, street and community offices', async () => {
  assert.equal(Object.keys(fixture.demo.departments).length, 15);
  const city = await listOrganisations({
    db: fixture.db,
    filter: { region: '610100', kind: 'department', limit: 100 },
  });
  assert.equal(city.total, 15);
  assert.ok(city.items.some((o) => o.name === '西安市市场监督管理局' && o.shortName === '市场监管局'));
  assert.equal(city.items[0]!.regionName, '西安市');
  const codes = new Set(city.items.map((o) => o.creditCode));
  assert.equal(codes.size, 15);
  assert.ok([...codes].every((c) => c?.startsWith('11') || c?.startsWith('12')));

  const street = await organisationScope(fixture.db, fixture.demo.streetCentre);
  assert.equal(street.regionPath, '610000/610100/610102/610102001');
  const station = await organisationScope(fixture.db, fixture.demo.communityStation);
  assert.ok(station.regionPath.startsWith(`${street.regionPath}/`));
});

test('listing by region: the region alone or its whole subtree, by kind and by name', async () => {
  const onlyCity = await listOrganisations({ db: fixture.db, filter: { region: '610100', limit: 100 } });
  assert.ok(onlyCity.items.every((o) => o.regionCode === '610100'));
  const subtree = await listOrganisations({
    db: fixture.db,
    filter: { region: '610100', subtree: true, limit: 100 },
  });
  assert.equal(
    subtree.total,
    onlyCity.total + 10,
    'two district centres, five street centres, two stations, the market-supervision branch',
  );
  const xincheng = await listOrganisations({ db: fixture.db, filter: { region: '610102', subtree: true } });
  assert.deepEqual(xincheng.items.map((o) => o.kind).sort(), [
    'community_station',
    'community_station',
    'department',
    'service_centre',
    ...Array(5).fill('street_centre'),
  ]);
  const byName = await listOrganisations({ db: fixture.db, filter: { q: '医疗保障' } });
  assert.deepEqual(
    byName.items.map((o) => o.name),
    ['西安市医疗保障局'],
  );
  await assert.rejects(
    listOrganisations({ db: fixture.db, filter: { region: '619999' } }),
    fails('validation.region_code', 'region'),
  );
});

test('create checks the credit code, the region, the kind’s level and the parent', async () => {
  const created = await createOrganisation({ db: fixture.db, audit, input: department() });
  assert.equal(created.regionName, '碑林区');
  assert.equal((await auditOf(created.id, 'organisation.create')).length, 1);

  const bad: [Partial<OrganisationInput>, string, string][] = [
    [{ creditCode: '11610103MC0000001A' }, 'validation.credit_code', 'creditCode'],
    [{ creditCode: created.creditCode }, 'resource.duplicate', 'creditCode'],
    [{ regionCode: '619999' }, 'validation.region_code', 'regionCode'],
    [{ kind: 'street_centre' }, 'validation.field', 'regionCode'],
    [{ kind: 'community_station', regionCode: '610102001' }, 'validation.field', 'regionCode'],
    [{ parentId: '00000000-0000-4000-8000-000000000000' }, 'validation.field', 'parentId'],
    // A 新城区 office cannot sit under a 碑林区 one.
    [{ regionCode: '610102', parentId: created.id }, 'validation.field', 'parentId'],
    [{ name: '  ' }, 'validation.field', 'name'],
  ];
  for (const [over, errorCode, field] of bad) {
    await assert.rejects(
      createOrganisation({ db: fixture.db, audit, input: department(over) }),
      fails(errorCode, field),
      JSON.stringify(over),
    );
  }
  // A lower-case credit code is the same code.
  await assert.rejects(
    createOrganisation({
      db: fixture.db,
      audit,
      input: department({ creditCode: created.creditCode!.toLowerCase() }),
    }),
    fails('resource.duplicate', 'creditCode'),
  );
});

test('update needs the current version, records before and after, and refuses cycles', async () => {
  const org = await createOrganisation({
    db: fixture.db,
    audit,
    input: department({ name: '碑林区民政局' }),
  });
  const updated = await updateOrganisation({
    db: fixture.db,
    audit,
    id: org.id,
    input: { version: org.version, phone: '029-88886666', name: '西安市碑林区民政局' },
  });
  assert.equal(updated.version, org.version + 1);
  assert.equal(updated.phone, '029-88886666');
  const [record] = await auditOf(org.id, 'organisation.update');
  assert.deepEqual(record?.summary, {
    before: { name: '碑林区民政局', phone: null },
    after: { name: '西安市碑林区民政局', phone: '029-88886666' },
  });
  await assert.rejects(
    updateOrganisation({ db: fixture.db, audit, id: org.id, input: { version: org.version, phone: '1' } }),
    fails('resource.conflict'),
  );
  // The city centre cannot be placed under its own district centre.
  const city = (await listOrganisations({ db: fixture.db, filter: { q: '西安市政务服务中心' } })).items[0]!;
  await assert.rejects(
    updateOrganisation({
      db: fixture.db,
      audit,
      id: fixture.demo.cityCentre,
      input: { version: city.version, parentId: fixture.demo.districtCentre, regionCode: '610102' },
    }),
    fails('validation.field', 'parentId'),
  );
});

test('deactivation is refused while active sub-organisations or halls remain', async () => {
  const station = await createOrganisation({
    db: fixture.db,
    audit,
    input: { name: '西一路街道广场社区便民服务站', kind: 'community_station', regionCode: '610102001004' },
  });
  const withHall = (await listOrganisations({ db: fixture.db, filter: { region: '610102001001' } }))
    .items[0]!;
  await assert.rejects(
    setOrganisationActive({
      db: fixture.db,
      audit,
      id: withHall.id,
      version: withHall.version,
      active: false,
    }),
    fails('resource.in_use'),
    'the 民乐 station runs a hall',
  );
  const done = await setOrganisationActive({
    db: fixture.db,
    audit,
    id: station.id,
    version: station.version,
    active: false,
  });
  assert.equal(done.active, false);
  assert.equal((await auditOf(station.id, 'organisation.deactivate')).length, 1);
  const street = (await listOrganisations({ db: fixture.db, filter: { region: '610102001' } })).items[0]!;
  await assert.rejects(
    setOrganisationActive({ db: fixture.db, audit, id: street.id, version: street.version, active: false }),
    fails('resource.in_use'),
  );
});
