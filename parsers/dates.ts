/**
 * Dates as printed on portals -> ISO `YYYY-MM-DD`. A date needs explicit separators between year,
 * month and day: garbled prints such as `20161230日` or `2021926` are ambiguous and give null,
 * because a wrong date is worse than none.
 */
import { toHalfWidth } from './normalize.ts';

const DATE_RE = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})(?!\d)/;

export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = DATE_RE.exec(toHalfWidth(text));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
