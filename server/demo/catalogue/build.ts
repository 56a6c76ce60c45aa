import type {
  CaseType,
  Channel,
  DeliveryOption,
  MatterType,
  RealisationMode,
  Theme,
} from '../../../common/catalogue/elements.ts';
import type { ImplementationDocument, Place, Step } from '../../../common/catalogue/guide.ts';
import type { DemoRegion, MatterSpec } from './spec.ts';

/** A hall of the demo organisations, as the guides cite it. */
export type HallRef = { id: string | null; name: string; address: string; hours: string };
export type DemoHalls = {
  city: HallRef;
  district: HallRef;
  street: HallRef;
  beilin: HallRef;
  /** The other street halls of 新城区 and the community stations' halls (就近办). */
  otherStreets: HallRef[];
  communities: HallRef[];
};

/** Departments with a dedicated window (专窗) in the halls; the others are served at the comprehensive windows. */
const CITY_DEDICATED = new Set(['公安局', '不动产登记中心', '税务局', '人社局', '医保局', '市场监管局']);
/** Person themes also served at the street centres (就近办). */
const NEARBY_THEMES = new Set<Theme>(['employment', 'social_security', 'medical', 'household', 'retirement']);
/** Person themes also served at the community stations (社区代办). */
const COMMUNITY_THEMES = new Set<Theme>(['social_security', 'medical', 'retirement']);

/** The first two digits of a basic code: the matter type (GB/T 39554.1 事项类型). */
const TYPE_CODES: Record<MatterType, string> = {
  licensing: '01',
  levy: '04',
  benefit: '05',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  other_power: '10',
  public_service: '20',
};

/** 基本编码: type (2) + department sector (2) + serial (2) — the main item — then sub-item 001 and business item 000. */
export function basicCode(type: MatterType, sector: string, serial: number): string {
  return `${TYPE_CODES[type]}${sector}${String(serial).padStart(2, '0')}001000`;
}

/** 实施编码: the implementing organisation's credit code, the basic code and the region's last three digits. */
export function implementationCode(creditCode: string, basic: string, region: DemoRegion): string {
  return `${creditCode}${basic}${region.slice(3)}`;
}

function steps(caseType: CaseType, promised: number, department: string): Step[] {
  const office = `${department}业务科室`;
  if (caseType === 'immediate') {
    return [
      {
        name: 'accept',
        role: '综合受理窗口工作人员',
        days: 0,
        description: '核验身份和材料，材料齐全、符合法定形式的当场受理',
      },
      { name: 'review', role: `${office}审核人员`, days: 0, description: '当场审查申请材料' },
      { name: 'decide', role: `${office}负责人`, days: 0, description: '当场作出决定' },
      { name: 'conclude', role: '综合出件窗口工作人员', days: 0, description: '当场办结并发放办理结果' },
    ];
  }
  const conclude = promised >= 5 ? 1 : 0;
  const review = Math.max(1, Math.floor(promised * 0.6));
  const decide = Math.max(0, promised - review - conclude);
  const list: Step[] = [
    {
      name: 'accept',
      role: '综合受理窗口工作人员',
      days: 0,
      description: '材料齐全的当场受理并出具受理通知书；不齐全的一次性告知需补正的全部内容',
    },
    { name: 'review', role: `${office}承办人`, days: review, description: '审查申请材料，需要时组织核查' },
    {
      name: 'decide',
      role: `${department}分管负责人`,
      days: decide,
      description: '作出准予或不予许可（确认）的决定',
    },
    {
      name: 'conclude',
      role: '综合出件窗口工作人员',
      days: conclude,
      description: '制作办理结果，通知申请人领取或寄递',
    },
  ];
  if (caseType === 'escalated') {
    list[2] = { ...list[2]!, role: '上级主管部门', description: '报上级主管部门审批后作出决定' };
  }
  return list;
}

function places(spec: MatterSpec, region: DemoRegion, shortName: string, halls: DemoHalls): Place[] {
  const at = (hall: HallRef, window: string): Place => ({
    hallId: hall.id,
    name: hall.name,
    window,
    address: hall.address,
    hours: hall.hours,
  });
  if (region === '610100') {
    return [at(halls.city, CITY_DEDICATED.has(shortName) ? `${shortName}专窗` : '综合受理窗口（1—6号）')];
  }
  if (region === '610103') return [at(halls.beilin, '综合受理窗口')];
  const list = [
    at(halls.district, shortName === '不动产登记中心' ? '不动产登记专窗（4号）' : '综合受理窗口（1—2号）'),
  ];
  if (spec.object !== 'company' && spec.themes.some((t) => NEARBY_THEMES.has(t))) {
    const window = spec.themes.includes('social_security') ? '社保医保综合窗口' : '综合受理窗口';
    list.push(at(halls.street, window), ...halls.otherStreets.map((hall) => at(hall, window)));
    if (spec.themes.some((t) => COMMUNITY_THEMES.has(t))) {
      list.push(...halls.communities.map((hall) => at(hall, '综合受理窗口')));
    }
  }
  return list;
}

const CHANNELS: Record<RealisationMode, Channel[]> = {
  fully_online: ['online', 'mobile', 'counter'],
  at_most_once: ['online', 'counter', 'mobile'],
  on_the_spot: ['counter', 'kiosk'],
  more_visits: ['counter', 'online'],
};
const VISITS: Record<RealisationMode, number> = {
  fully_online: 0,
  at_most_once: 1,
  on_the_spot: 1,
  more_visits: 2,
};

/** The full guide of one implementation of a matter in one region. */
export function buildDocument(options: {
  spec: MatterSpec;
  region: DemoRegion;
  /** Short name of the city department whose matter this is (市场监管局 …). */
  department: string;
  /** Full name of the implementing organisation. */
  implementer: string;
  /** Who handles the steps, e.g. 新城区市场监管局. */
  office: string;
  halls: DemoHalls;
}): ImplementationDocument {
  const { spec, region, department, implementer, office, halls } = options;
  const local = region === '610100' ? {} : (spec.local ?? {});
  const [legal, promised] = local.limits ?? spec.limits;
  const mode = local.mode ?? spec.mode;
  const caseType = local.caseType ?? spec.caseType ?? (promised === 0 ? 'immediate' : 'promised');
  const unit = spec.unit ?? 'working_days';
  const [resultType, resultName] = spec.result;
  const delivery: DeliveryOption[] =
    resultType === 'filing_receipt' || resultType === 'other'
      ? ['electronic', 'window_pickup']
      : ['window_pickup', 'post'];
  if (mode === 'fully_online' && !delivery.includes('electronic')) delivery.push('electronic');
  const placeList = places(spec, region, department, halls);
  return {
    name: spec.name,
    serviceObject: spec.object,
    acceptanceConditions: spec.conditions,
    caseType,
    legalLimit: { value: legal, unit },
    promisedLimit: { value: promised, unit },
    specialProcedures: (spec.procedures ?? []).map(([kind, maxDays, notes]) => ({ kind, maxDays, notes })),
    visitsRequired: mode === 'more_visits' ? Math.max(2, spec.visits ?? 2) : VISITS[mode],
    realisationMode: mode,
    channels: CHANNELS[mode],
    promiseAllowed: spec.promise ?? false,
    fees: spec.fees ?? [],
    steps: steps(caseType, promised, office),
    places: placeList,
    consultation: `${placeList[0]!.name}${placeList[0]!.window}；12345政务服务便民热线；${implementer}`,
    complaint: '12345政务服务便民热线；政务服务大厅“办不成事”反映窗口；“好差评”评价渠道',
    result: { type: resultType, name: resultName },
    delivery,
    themes: spec.themes,
    keywords: spec.keywords,
    materials: spec.materials,
  };
}
