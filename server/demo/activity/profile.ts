/**
 * The shape of a year of case activity, after seed 000 (西安市人民政府政务服务中心关于报送2017年工作
 * 总结及2018年工作安排的报告), with the other seeds where it gives no figure. Each value names the
 * sentence it comes from, or says that it is chosen.
 *
 * - 即办件 56 % of the cases: "市、区(县、开发区)两级政务中心平均实现即办件占政务服务事项总数的56%"
 *   (a share of matters in the report; here the share of cases, as the issue asks).
 * - Regions: "各进驻部门窗口共办结政务服务事项51282" (city centre, Jan–Oct) against "市、区(县、开发区)
 *   两级1—10月共办理576.3万件" over some twenty districts and development zones: a district's centre
 *   handles about five times the city centre's cases, so city : 新城区 : 碑林区 = 1 : 5 : 5.
 * - Channels: the report names the four ends ("实体端…PC端、移动端、自助端") and 网上预审 without
 *   shares; seed 004 "48%实现了'零跑腿'" sets the cases without a visit, so online (45 %) and
 *   agents (5 %, "帮办代办": 干部跑路取代群众跑路) file without a visit; counter 40 %, kiosk 10 %
 *   (chosen, "税务部门投入大量自助报税设备").
 * - Visits: "'最多跑一次'事项…超过政务服务事项的70%" is a lower bound; seed 004 "全市88%的审批服务
 *   事项实现了'只跑一次腿'" gives 88 % with at most one visit. A counter or kiosk filing is one
 *   visit; a supplement handed in at the window one more; collecting the result at a window one
 *   more (half of the counter's promised cases, a quarter of the kiosk's, a tenth online).
 * - Timing: seed 001 "承诺件提前办结率达91%" and "在承诺时限内办结率达98%以上": of the promised
 *   cases 91 % conclude before the promised deadline (working days used uniform below the promise),
 *   7 % on the deadline day, 2 % one to three working days late. Immediate cases conclude on the day
 *   of acceptance (0 working days used). "审批时限较法定时限平均压缩46.8%" is the promised limit
 *   against the legal one: the catalogue's promise (compressionWorking), not drawn here; cases that
 *   keep their promises compress more than their promises do.
 * - 补正: "材料不全的一次性告知" is the practice; 5 % of the cases get one supplement notice (chosen).
 * - 容缺受理: "推行容缺受理…未央区15个部门51个事项实行容缺受理": 10 % of the promised cases of
 *   matters with a material that may be missing are accepted without it (chosen share), the material
 *   handed in before conclusion.
 * - 告知承诺: no figure in the seeds; 30 % of the promised cases of matters that allow it (chosen).
 * - Materials: "申报材料整体已压缩10%" counts materials abolished, not reused; a material the
 *   catalogue takes from data (e-certificate, an earlier case, the department) is taken from it for
 *   95 % of the cases filed online, at a kiosk or by an agent and 80 % at a counter (chosen).
 * - Forms: a generated case files no application form (a case page shows what was filed, and the
 *   prefill rate counts the forms filed), so the prefill rate is that of the cases filed for real.
 * - Ratings: "市民群众对政务服务工作满意率达到96.5%": 3.5 % of the ratings are 差评 (1 or 2); a
 *   quarter of the cases are not rated in time and get the default 基本满意 (chosen); seed 001
 *   "对群众投诉查处率达100%": every 差评 is rectified, 95 % in time (chosen).
 */
export type Channel = 'online' | 'counter' | 'kiosk' | 'agent';
export const CHANNELS: readonly Channel[] = ['online', 'counter', 'kiosk', 'agent'];

export type ActivityProfile = {
  /** Share of cases of immediate matters (即办件). */
  immediateShare: number;
  /** Share of cases by channel (sums to 1). */
  channels: Record<Channel, number>;
  /** Promised cases: before the deadline, on the deadline day, late (sums to 1). */
  promisedOutcome: { early: number; onDeadline: number; late: number };
  /** Share of cases with one supplement notice (补正) before acceptance. */
  supplementShare: number;
  /** Share of the promised cases of matters with a material that may be missing accepted with gaps. */
  gapShare: number;
  /** Share of the promised cases of matters allowing it approved on a signed promise (告知承诺). */
  promiseShare: number;
  /** Share of promised cases whose result is collected at a window, by channel (one more visit). */
  pickup: Record<Channel, number>;
  /** Share of the materials available from data that are taken from it, by channel. */
  reuse: Record<Channel, number>;
  /** Calendar days from filing online to acceptance: 1, 2 or 3, with these shares. */
  onlineLag: [number, number, number];
  ratings: {
    /** Share of concluded cases not rated in time (a default 基本满意 a week after conclusion). */
    defaultShare: number;
    /** Levels 1…5 of the ratings given (sums to 1). */
    levels: [number, number, number, number, number];
    /** Share of 差评 rectified within the due day (the others later). */
    rectifiedInTime: number;
  };
  /** Weight of each region's published matters (region code → weight); regions left out get none. */
  regions: Record<string, number>;
};

/** Of the ratings given (three quarters), 4.67 % are 差评: 3.5 % of all, 96.5 % satisfied. */
const GIVEN_LEVELS: [number, number, number, number, number] = [0.0167, 0.03, 0.06, 0.19, 0.7033];

export const XIAN_PROFILE: ActivityProfile = {
  immediateShare: 0.56,
  channels: { online: 0.45, counter: 0.4, kiosk: 0.1, agent: 0.05 },
  promisedOutcome: { early: 0.91, onDeadline: 0.07, late: 0.02 },
  supplementShare: 0.05,
  gapShare: 0.1,
  promiseShare: 0.3,
  pickup: { online: 0.1, counter: 0.5, kiosk: 0.25, agent: 0 },
  reuse: { online: 0.95, counter: 0.8, kiosk: 0.95, agent: 0.95 },
  onlineLag: [0.7, 0.2, 0.1],
  ratings: { defaultShare: 0.25, levels: GIVEN_LEVELS, rectifiedInTime: 0.95 },
  regions: { '610100': 1, '610102': 5, '610103': 5 },
};

/** The seed figures the generated year is read back against (bench:xian, the generator's test). */
export const SEED_FIGURES = {
  /** 即办件占比 (seed 000). */
  immediateShare: 0.56,
  /** 承诺时限压缩率 (seed 000): a promise of the catalogue. */
  compression: 0.468,
  /** 最多跑一次: seed 000 "超过70%", seed 004 88 %. */
  atMostOneVisitShare: 0.88,
  /** 零跑腿 (seed 004). */
  zeroVisitShare: 0.48,
  /** 在承诺时限内办结率达98%以上 (seed 001), over the promised cases. */
  promisedOnTimeRate: 0.98,
  /** 满意率 (seed 000). */
  satisfaction: 0.965,
} as const;
