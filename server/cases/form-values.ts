import type { FormField } from '../../common/forms/schema.ts';
import { validateForm } from '../../common/forms/validate.ts';
import { canonicalJson } from '../core/crypto/signed.ts';

/*
 * A value the platform holds (a certificate's text, a base record, an earlier form) made to fit
 * one field of a form, or nothing: 智能预填 never offers a value its field would refuse.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ARABIC = /^(\d+(?:\.\d+)?)(万|亿)?$/;

/** A number written in Chinese numerals (伍佰万, 一亿三千万), or null. */
function chineseNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
      seen = true;
    } else if (ch in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[ch]!;
      digit = 0;
      seen = true;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = 0;
      digit = 0;
    } else return null;
  }
  return seen ? total + section + digit : null;
}

/**
 * An amount in yuan as a licence or a base writes it: 500万元人民币, 伍佰万元整, 1,000,000元, 12.5万元;
 * null when the text is no amount.
 */
export function amountInYuan(text: string): number | null {
  const bare = text.replace(/[\s,，]/g, '').replace(/(人民币|元整|圆整|元|圆|整)/g, '');
  if (bare === '') return null;
  const arabic = ARABIC.exec(bare);
  if (arabic) {
    const unit = arabic[2] === '亿' ? 100_000_000 : arabic[2] === '万' ? 10_000 : 1;
    return Math.round(Number(arabic[1]) * unit * 100) / 100;
  }
  return chineseNumber(bare);
}

/** 2019-06-18 or 2019年6月18日 as an ISO day; else the text. */
function isoDay(text: string): string {
  const m = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

/** The option of a choice field a given value names: by its value, else by its label. */
function option(field: FormField, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const options = field.options ?? [];
  return (options.find((o) => o.value === text) ?? options.find((o) => o.label === text))?.value;
}

/** The value as the field takes it (a number for money, an option's value for a choice …), or undefined. */
function shaped(field: FormField, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (field.type) {
    case 'number':
    case 'money':
      if (typeof value === 'number') return value;
      return typeof value === 'string' ? (amountInYuan(value) ?? undefined) : undefined;
    case 'date':
      return typeof value === 'string' ? isoDay(value.trim()) : undefined;
    case 'choice':
      return option(field, value);
    case 'multiChoice': {
      const items = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(/[、；;,，]/).filter((s) => s.trim() !== '')
          : [];
      const chosen = items.map((item) => option(field, item));
      return chosen.length > 0 && chosen.every((c) => c !== undefined) ? chosen : undefined;
    }
    case 'yesNo':
      if (typeof value === 'boolean') return value;
      return value === '是' ? true : value === '否' ? false : undefined;
    case 'table':
      return Array.isArray(value) ? value : undefined;
    case 'file':
      // A file is handed in by whoever submits: one taken from elsewhere would not be theirs.
      return undefined;
    default:
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  }
}

/** The field alone, without what ties it to the rest of the form (conditions, required). */
function alone(field: FormField): FormField {
  const { shownWhen: _s, requiredWhen: _r, required: _q, ...rest } = field;
  if (!rest.columns) return rest;
  return {
    ...rest,
    columns: rest.columns.map(({ shownWhen: _cs, requiredWhen: _cr, ...column }) => column),
  };
}

/**
 * The value a field would keep of a given one (as validateForm cleans it), or undefined when the
 * field refuses it: a choice value must be an option, an amount must parse, a date must exist.
 */
export function fitValue(field: FormField, value: unknown): unknown {
  const candidate = shaped(field, value);
  if (candidate === undefined) return undefined;
  const check = validateForm(
    { sections: [{ key: 's', title: 's', fields: [alone(field)] }] },
    { [field.key]: candidate },
  );
  return check.ok ? check.values[field.key] : undefined;
}

/** Whether two values of a field are the same (keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
