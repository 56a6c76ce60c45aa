const NUMBER = new Intl.NumberFormat('zh-CN');

/** A count with separators (12,345). */
export const count = (value: number) => NUMBER.format(value);

/** A share as a percentage with one decimal, without the sign; null (nothing counted) as “—”. */
export const percent = (share: number | null) => (share === null ? '—' : (share * 100).toFixed(1));
