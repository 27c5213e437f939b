/**
 * Cell values as record.md defines them: a printed number is a JSON number, an empty cell is null
 * (never 0), signs `增`/`减`/`+`/`-` are normalised, money is carried in 万元.
 */
import { toHalfWidth } from './normalize.ts';

/** Cell contents that mean "nothing printed here". */
const EMPTY_MARKS = /^(|\/|／|—+|–+|-+|－+|无|\\|、|\.|…+|——)$/;

export type MoneyUnit = '元' | '万元' | null;

export interface ParsedNumber {
  value: number | null;
  /** The unit printed in the cell itself, if any. */
  unit: MoneyUnit;
}

const NUMBER_RE = /^(增|减|增加|减少|\+|-|−)?\s*(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*(万元|元|件|条|项|个|人次|次)?$/;

function clean(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u200b]+/g, '').replace(/，/g, ',');
}

/** True when the cell holds a number or an empty mark, i.e. it is a value cell, not a label. */
export function isValueText(text: string): boolean {
  const t = clean(text);
  return EMPTY_MARKS.test(t) || NUMBER_RE.test(t);
}

/** True when the cell is blank or holds only an empty mark. */
export function isEmptyText(text: string): boolean {
  return EMPTY_MARKS.test(clean(text));
}

/** Parse one cell. Returns `undefined` when the text is not a number at all (a label). */
export function parseNumber(text: string): ParsedNumber | undefined {
  const t = clean(text);
  if (EMPTY_MARKS.test(t)) return { value: null, unit: null };
  const m = NUMBER_RE.exec(t);
  if (!m) return undefined;
  const magnitude = Number(m[2].replace(/,/g, ''));
  const negative = m[1] === '减' || m[1] === '减少' || m[1] === '-' || m[1] === '−';
  const unit: MoneyUnit = m[3] === '万元' ? '万元' : m[3] === '元' ? '元' : null;
  return { value: negative ? -magnitude : magnitude, unit };
}

/** 元 -> 万元 without binary noise (251000元 -> 25.1, not 25.099999999999998). */
export function yuanToWan(value: number): number {
  return Number((value / 10000).toFixed(10));
}
