/** The UI strings of the region settings page in Simplified Chinese (the `regionSettings` section). */
export const regionSettingsZh = {
  intro:
    '本地区未设置的项目沿用上级地区的设置，上级也未设置的按国家规定的默认值执行。修改后对之后产生的评价、回访和 12345 工单生效。',
  region: '地区',
  own: '本地区设置',
  inheritedFrom: '继承自 {{name}}',
  defaults: '默认',
  restore: '恢复继承',
  restored: '保存后恢复为 {{value}}（{{from}}）',
  save: '保存设置',
  saved: '已保存',
  reload: '重新加载',
  conflict: '设置已被他人修改。请重新加载后再修改。',
  weightsSum: '权重合计 {{sum}}',
  version: '{{name}} · 版本 {{version}}',
};

/** A message of the region settings page. */
export type RegionSettingsKey = keyof typeof regionSettingsZh;
