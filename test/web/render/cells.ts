/**
 * Prints cell values the way report authors do. Each printed form maps back to exactly one record
 * value under record.md's conventions (empty/`/`/`—` -> null, 增/减 and +/- signs, 元 -> 万元 / 10000).
 */
import type { CellValue } from '../../../parsers/record.ts';
import type { TableStyle } from '../content/model.ts';

function digits(n: number, style: TableStyle): string {
  let s = String(n);
  if (style.thousands && Math.abs(n) >= 1000) {
    const [int, frac] = s.split('.');
    s = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  if (style.fullWidthDigits) s = s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return s;
}

export function count(v: CellValue | undefined, style: TableStyle): string {
  return v === null || v === undefined ? style.empty : digits(v, style);
}

/** 2019 本年增/减. */
export function change(v: CellValue | undefined, style: TableStyle): string {
  if (v === null || v === undefined) return style.empty;
  if (v === 0 || style.change === 'plain') return digits(v, style);
  if (style.change === 'signed') return v > 0 ? `+${digits(v, style)}` : `-${digits(-v, style)}`;
  return v > 0 ? `增${digits(v, style)}` : `减${digits(-v, style)}`;
}

/** An amount the record holds in 万元, printed in the unit the style says. */
export function money(v: CellValue | undefined, style: TableStyle): string {
  if (v === null || v === undefined) return style.empty;
  switch (style.procurementUnit) {
    case '万元':
      return `${digits(v, style)}万元`;
    case '元':
      return `${digits(Math.round(v * 10000 * 100) / 100, style)}元`;
    default:
      return digits(v, style);
  }
}

/** 自然人 -> 自 然 人 for the padded-label style (short labels only, as editors do). */
export function label(text: string, style: TableStyle): string {
  const t = style.parens === 'half' ? text.replace(/（/g, '(').replace(/）/g, ')') : text;
  return style.spacedLabels && /^[\u4e00-\u9fff]{2,3}$/.test(t) ? t.split('').join(' ') : t;
}
