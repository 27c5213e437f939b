/**
 * Text normalisation shared by every stage that compares Chinese labels.
 * Portals mix full- and half-width forms, pad labels with spaces (`自 然 人`), split them with line
 * breaks (`商业<br>企业`) and write `1、` for `1.`; labels are compared only after `labelKey`.
 */

/** Full-width ASCII variants (！..～) and the ideographic space -> their ASCII forms. */
const FULL_WIDTH_RE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  // Most text has no full-width ASCII at all: skip the per-character replacement then.
  if (!FULL_WIDTH_RE.test(s)) return s;
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const SPACE_RE = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

/** Collapse whitespace runs (including &nbsp; and zero-width characters) to one space and trim. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RE, ' ').trim();
}

/** A label as compared: half-width, no whitespace at all, `、`→`.`, Chinese brackets → ASCII. */
export function labelKey(s: string): string {
  return toHalfWidth(s)
    .replace(SPACE_RE, '')
    .replace(/[、．]/g, '.')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[“”"'‘’]/g, '');
}

/** Chinese numerals 〇..九 as digits, for years written `二〇一九年`. */
export function chineseDigitsToArabic(s: string): string {
  const map: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  return s.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (m) => [...m].map((c) => map[c]).join(''));
}
