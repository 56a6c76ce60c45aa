import { withCreditCheckCharacter } from '../../common/identity.ts';
import type { AuditContext } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import {
  createHall,
  createOrganisation,
  createWindow,
  type OrganisationInput,
} from '../organisations/index.ts';
import { loadRegions } from '../regions/index.ts';

export type DemoOrganisations = {
  cityCentre: string;
  districtCentre: string;
  streetCentre: string;
  communityStation: string;
  /** Id by short name: '市场监管局' … (the city's departments) */
  departments: Record<string, string>;
  /** 西安市市场监督管理局新城分局: the bureau's branch for 新城区, a department under it. */
  marketBranch: string;
  cityHall: string;
  districtHall: string;
  streetHall: string;
  /** The halls of the 民乐 and 红会 community stations of 西一路街道. */
  communityHalls: string[];
  /** The halls of the other street centres of 新城区 (解放门, 自强路, 中山门, 韩森寨). */
  otherStreetHalls: string[];
};

/** The city departments of 西安市: short name → full name. */
const CITY_DEPARTMENTS: [string, string][] = [
  ['市场监管局', '西安市市场监督管理局'],
  ['公安局', '西安市公安局'],
  ['税务局', '国家税务总局西安市税务局'],
  ['人社局', '西安市人力资源和社会保障局'],
  ['住建局', '西安市住房和城乡建设局'],
  ['自然资源和规划局', '西安市自然资源和规划局'],
  ['不动产登记中心', '西安市不动产登记中心'],
  ['卫健委', '西安市卫生健康委员会'],
  ['民政局', '西安市民政局'],
  ['医保局', '西安市医疗保障局'],
  ['交通局', '西安市交通运输局'],
  ['生态环境局', '西安市生态环境局'],
  ['城管局', '西安市城市管理和综合执法局'],
  ['教育局', '西安市教育局'],
  ['文旅局', '西安市文化和旅游局'],
];

/** Departments with a dedicated window (专窗) in the city hall. */
const CITY_DEDICATED = ['公安局', '不动产登记中心', '税务局', '人社局', '医保局', '市场监管局'];

const WEEKDAY_HOURS = '周一至周五 9:00—12:00，13:00—17:00（法定节假日除外）';
/** Street and community stations open on Saturday mornings for those who work in the week. */
const STATION_HOURS =
  '周一至周五 9:00—12:00，14:00—17:30；周六 9:00—12:00 延时服务（社保、医保、居住证）；法定节假日除外';

/** WGS-84 positions of the demo halls (degrees), for 身边的政务服务站. */
const POSITIONS = {
  city: [34.3396, 108.9419],
  district: [34.2668, 108.9964],
  street: [34.2712, 108.9533],
  minle: [34.2676, 108.9614],
  honghui: [34.2741, 108.9498],
} as const;

/** More street centres of 新城区 with a hall each: region, name, address, phone, position. */
const XINCHENG_STREETS: [string, string, string, string, number, number][] = [
  [
    '610102005',
    '解放门街道',
    '陕西省西安市新城区解放路与西五路十字东北角',
    '029-87413526',
    34.2748,
    108.9632,
  ],
  ['610102006', '自强路街道', '陕西省西安市新城区自强东路245号', '029-86253417', 34.2872, 108.9547],
  ['610102003', '中山门街道', '陕西省西安市新城区东新街388号', '029-87437715', 34.2669, 108.9712],
  ['610102004', '韩森寨街道', '陕西省西安市新城区韩森东路12号', '029-82524106', 34.2631, 109.0078],
];

/**
 * 西安市政务服务中心 with the fifteen city departments (and the market-supervision bureau's 新城分局),
 * the 新城区 and 碑林区 centres, the
 * 西一路街道 centre of 新城区 with two community stations, the city, district, street and station halls (each
 * with its position), and four more street centres of 新城区 with their halls.
 */
export async function seedDemoOrganisations(options: {
  db: DbOrTx;
  audit: AuditContext;
}): Promise<DemoOrganisations> {
  const { db, audit } = options;
  await loadRegions({ db, roots: ['610100'] });

  let serial = 0;
  /** Distinct valid codes: 11 for government bodies (机关), 12 for public institutions (事业单位). */
  const creditCode = (kind: '11' | '12', region: string) =>
    withCreditCheckCharacter(`${kind}${region.slice(0, 6)}MB${String(++serial).padStart(7, '0')}`);
  const organisation = async (input: OrganisationInput) =>
    (await createOrganisation({ db, audit, input })).id;

  const cityCentre = await organisation({
    name: '西安市政务服务中心',
    shortName: '市政务服务中心',
    kind: 'service_centre',
    regionCode: '610100',
    creditCode: creditCode('12', '610100'),
    phone: '029-12345',
    address: '陕西省西安市未央区凤城八路109号',
  });
  const departments: Record<string, string> = {};
  for (const [shortName, name] of CITY_DEPARTMENTS) {
    departments[shortName] = await organisation({
      name,
      shortName,
      kind: 'department',
      regionCode: '610100',
      creditCode: creditCode(shortName === '不动产登记中心' ? '12' : '11', '610100'),
      phone: '029-12345',
    });
  }
  const districtCentre = await organisation({
    name: '新城区政务服务中心',
    shortName: '新城区政务服务中心',
    kind: 'service_centre',
    regionCode: '610102',
    parentId: cityCentre,
    creditCode: creditCode('12', '610102'),
    phone: '029-87451234',
    address: '陕西省西安市新城区长乐中路128号',
  });
  await organisation({
    name: '碑林区政务服务中心',
    shortName: '碑林区政务服务中心',
    kind: 'service_centre',
    regionCode: '610103',
    parentId: cityCentre,
    creditCode: creditCode('12', '610103'),
    phone: '029-87654321',
    address: '陕西省西安市碑林区南关正街88号',
  });
  const streetCentre = await organisation({
    name: '新城区西一路街道便民服务中心',
    shortName: '西一路街道便民服务中心',
    kind: 'street_centre',
    regionCode: '610102001',
    parentId: districtCentre,
    creditCode: creditCode('12', '610102'),
    phone: '029-87271234',
    address: '陕西省西安市新城区西一路218号',
  });
  const communityStation = await organisation({
    name: '西一路街道民乐社区便民服务站',
    shortName: '民乐社区便民服务站',
    kind: 'community_station',
    regionCode: '610102001001',
    parentId: streetCentre,
    creditCode: creditCode('12', '610102'),
    address: '陕西省西安市新城区民乐园小区内',
  });
  const honghuiStation = await organisation({
    name: '西一路街道红会社区便民服务站',
    shortName: '红会社区便民服务站',
    kind: 'community_station',
    regionCode: '610102001003',
    parentId: streetCentre,
    creditCode: creditCode('12', '610102'),
    address: '陕西省西安市新城区红会路',
  });
  // The bureau's branch in 新城区 (created last, so the other organisations keep their credit codes):
  // the day-to-day supervisor (日常监督管理机构) of the licences it issues for premises there.
  const marketBranch = await organisation({
    name: '西安市市场监督管理局新城分局',
    shortName: '新城分局',
    kind: 'department',
    regionCode: '610102',
    parentId: departments.市场监管局,
    creditCode: creditCode('11', '610102'),
    phone: '029-12315',
  });

  const hall = async (
    organisationId: string,
    name: string,
    address: string,
    phone: string,
    [latitude, longitude]: readonly [number, number],
    openingHours = WEEKDAY_HOURS,
  ) =>
    (
      await createHall({
        db,
        audit,
        input: { organisationId, name, address, openingHours, phone, latitude, longitude },
      })
    ).id;
  const windows = async (hallId: string, list: [string, string, string | null][]) => {
    for (const [number, name, department] of list) {
      await createWindow({
        db,
        audit,
        hallId,
        input: department
          ? { number, name, kind: 'dedicated', departmentId: departments[department]! }
          : { number, name, kind: 'comprehensive' },
      });
    }
  };

  const cityHall = await hall(
    cityCentre,
    '西安市政务服务大厅',
    '陕西省西安市未央区凤城八路109号',
    '029-12345',
    POSITIONS.city,
  );
  await windows(cityHall, [
    ...[1, 2, 3, 4, 5, 6].map((n): [string, string, null] => [`0${n}`, `综合受理窗口${n}`, null]),
    ['07', '综合出件窗口', null],
    ['08', '咨询导办窗口', null],
    ...CITY_DEDICATED.map((d, i): [string, string, string] => [
      String(9 + i).padStart(2, '0'),
      `${d}专窗`,
      d,
    ]),
  ]);
  const districtHall = await hall(
    districtCentre,
    '新城区政务服务大厅',
    '陕西省西安市新城区长乐中路128号',
    '029-87451234',
    POSITIONS.district,
  );
  await windows(districtHall, [
    ['01', '综合受理窗口1', null],
    ['02', '综合受理窗口2', null],
    ['03', '综合出件窗口', null],
    ['04', '不动产登记专窗', '不动产登记中心'],
  ]);
  const streetHall = await hall(
    streetCentre,
    '西一路街道便民服务大厅',
    '陕西省西安市新城区西一路218号',
    '029-87271234',
    POSITIONS.street,
    STATION_HOURS,
  );
  await windows(streetHall, [
    ['01', '综合受理窗口', null],
    ['02', '社保医保综合窗口', null],
  ]);
  const communityHalls = [
    await hall(
      communityStation,
      '民乐社区便民服务站',
      '陕西省西安市新城区民乐园小区 12 号楼一层',
      '029-87215530',
      POSITIONS.minle,
      STATION_HOURS,
    ),
    await hall(
      honghuiStation,
      '红会社区便民服务站',
      '陕西省西安市新城区红会路 36 号',
      '029-87284406',
      POSITIONS.honghui,
      STATION_HOURS,
    ),
  ];
  for (const hallId of communityHalls) await windows(hallId, [['01', '综合受理窗口', null]]);
  const otherStreetHalls: string[] = [];
  for (const [regionCode, street, address, phone, latitude, longitude] of XINCHENG_STREETS) {
    const centre = await organisation({
      name: `新城区${street}便民服务中心`,
      shortName: `${street}便民服务中心`,
      kind: 'street_centre',
      regionCode,
      parentId: districtCentre,
      creditCode: creditCode('12', '610102'),
      phone,
      address,
    });
    const streetHallId = await hall(
      centre,
      `${street}便民服务大厅`,
      address,
      phone,
      [latitude, longitude],
      STATION_HOURS,
    );
    await windows(streetHallId, [
      ['01', '综合受理窗口', null],
      ['02', '社保医保综合窗口', null],
    ]);
    otherStreetHalls.push(streetHallId);
  }

  return {
    cityCentre,
    districtCentre,
    streetCentre,
    communityStation,
    departments,
    marketBranch,
    cityHall,
    districtHall,
    streetHall,
    communityHalls,
    otherStreetHalls,
  };
}
