/**
 * One-off conversion of ../shared/data/portals.csv (150 real portals) into data/portals.csv, the list
 * users start from:
 *   node --import tsx test/web/tools/convert-portals.ts [/path/to/shared/data/portals.csv]
 * Columns: name, level, province, region_code, homepage, report_columns, example_report_url, example_year.
 * region_code is filled only where it is certain (the provincial-level governments, GB/T 2260 codes);
 * everything else is left empty rather than guessed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROVINCE_CODES: Record<string, string> = {
  北京: '110000', 天津: '120000', 河北: '130000', 山西: '140000', 内蒙古: '150000', 辽宁: '210000', 吉林: '220000',
  黑龙江: '230000', 上海: '310000', 江苏: '320000', 浙江: '330000', 安徽: '340000', 福建: '350000', 江西: '360000',
  山东: '370000', 河南: '410000', 湖北: '420000', 湖南: '430000', 广东: '440000', 广西: '450000', 海南: '460000',
  重庆: '500000', 四川: '510000', 贵州: '520000', 云南: '530000', 西藏: '540000', 陕西: '610000', 甘肃: '620000',
  青海: '630000', 宁夏: '640000', 新疆: '650000',
};

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c !== ''));
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function main(): void {
  const source = process.argv[2] ?? '/work/shared/data/portals.csv';
  const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
  const col = (name: string) => (header ?? []).indexOf(name);
  const get = (r: string[], name: string) => r[col(name)] ?? '';
  const out = [['name', 'level', 'province', 'region_code', 'homepage', 'report_columns', 'example_report_url', 'example_year'].join(',')];
  for (const r of rows) {
    const level = get(r, 'level');
    const code = level === 'province' && /人民政府$/.test(get(r, 'name')) ? PROVINCE_CODES[get(r, 'province')] ?? '' : '';
    out.push([get(r, 'name'), level, get(r, 'province'), code, get(r, 'homepage'), get(r, 'report_column'), get(r, 'example_report_url'), get(r, 'example_year')].map(cell).join(','));
  }
  const target = join(import.meta.dirname, '../../../data/portals.csv');
  writeFileSync(target, `${out.join('\n')}\n`);
  console.log(`wrote ${rows.length} portals to ${target}`);
}

if (process.argv[1]?.endsWith('convert-portals.ts')) main();
