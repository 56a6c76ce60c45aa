/** The strings of the statistics page and how its figures are computed (计算方法), loaded with the page. */
export const statisticsZh = {
  title: '事项统计',
  subtitle: '已发布事项的办理时限、跑动次数和网办情况',
  matters: '事项数',
  atMostOnce: '“最多跑一次”占比',
  fullyOnline: '全程网办占比',
  immediate: '即办件占比',
  compressionWorking: '承诺时限压缩率（工作日）',
  compressionNatural: '承诺时限压缩率（自然日）',
  compressionOver: '{{count}} 项事项',
  visits: '平均到现场次数',
  byDepartment: '按部门',
  byRegion: '按区划',
  department: '部门',
  region: '区划',
  chartShares: '各部门“最多跑一次”与全程网办占比',
  allRegions: '全部区划',
  method: {
    title: '计算方法',
    scope: '以下各项按所选区划（含下级区划）已发布的实施清单计算，反映事项承诺，不是办件实际用时。',
    matters: '已发布的实施清单事项数。',
    atMostOnce: '实现方式为全程网办、最多跑一次或即办的事项数 ÷ 事项数。',
    fullyOnline: '实现方式为全程网办的事项数 ÷ 事项数。',
    immediate: '办件类型为即办件的事项数 ÷ 事项数。',
    compressionWorking:
      'Σ（法定时限 − 承诺时限）÷ Σ 法定时限，计入以工作日计、法定时限大于 0 的事项；不是各事项压缩率的平均数。',
    compressionNatural: '同上，计入以自然日计的事项；自然日与工作日分别计算，不相加。',
    visits: '各事项要求到现场的次数之和 ÷ 事项数。',
    reduction:
      '材料减免率按所选区划已提交的办件计算：免提交材料数 ÷（免提交材料数 + 提交材料数）；申请人上传过文件的材料计为提交。',
  },
};
