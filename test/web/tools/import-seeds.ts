/**
 * One-off conversion of the five seeds (../shared/seeds: flattened page text + expected records) into
 * the structured report documents under data/demo-web/reports/. Run again only if the seeds change:
 *   node --import tsx test/web/tools/import-seeds.ts [/path/to/shared]
 *
 * The prose comes from the seed text; the tables come from the seed's expected record. Where the
 * flattened text could not fix a cell's column (the seed's expected record leaves such rows out),
 * the column is chosen here so the rendered table is complete and consistent; those choices are
 * listed in SEED_TABLES below and the written JSON is the truth from then on.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationsTable, CellValue } from '../../../parsers/record.ts';
import { APPLICANT_COLUMNS } from '../../../parsers/record.ts';
import type { Block, ReportDoc, ReportTruth, TableStyle } from '../content/model.ts';
import { DEFAULT_STYLE } from '../content/model.ts';
import { applicationRows, withComputedFlags } from '../content/truth.ts';

const shared = process.argv[2] ?? '/work/shared';
const outDir = join(import.meta.dirname, '../../../data/demo-web/reports');

type Row = [CellValue, CellValue, CellValue, CellValue, CellValue, CellValue, CellValue];
const _ = null;
const blank: Row = [_, _, _, _, _, _, _];

function table(rows: Record<string, Row>, template: '2019' | '2021'): ApplicationsTable {
  const out: ApplicationsTable = {};
  for (const key of applicationRows(template)) {
    const r = rows[key] ?? blank;
    out[key] = Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, r[i]])) as Record<(typeof APPLICANT_COLUMNS)[number], CellValue>;
  }
  return out;
}

/** Seed 000 (长治 2019): the 4 non-natural values of each row placed as commercial/research/nonprofit/other. */
const SEED_000_APPS = table({
  r1: [156, 21, 1, 2, _, 1, 181], r2: [1, _, _, _, _, _, 1],
  'r3.1': [91, 18, 1, 1, _, 1, 112], 'r3.2': [2, _, _, _, _, _, 2],
  'r3.3.1': [2, _, _, _, _, _, 2], 'r3.3.2': [1, _, _, _, _, _, 1], 'r3.3.4': [9, 1, _, _, _, _, 10],
  'r3.3.5': [1, _, _, _, _, _, 1], 'r3.3.6': [6, _, _, 1, _, _, 7], 'r3.3.8': [2, _, _, _, _, _, 2],
  'r3.4.1': [26, 2, _, _, _, _, 28], 'r3.4.2': [2, _, _, _, _, _, 2], 'r3.4.3': [4, _, _, _, _, _, 4],
  'r3.5.1': [4, _, _, _, _, _, 4], 'r3.5.2': [3, _, _, _, _, _, 3], 'r3.6': [4, _, _, _, _, _, 4],
  'r3.7': [157, 21, 1, 2, _, 1, 182],
}, '2019');

/** Seed 001 (景德镇 2019): the single 0 of a row stands in the first (自然人) column. */
const zeroNatural: Row = [0, _, _, _, _, _, _];
const SEED_001_APPS = table({
  r1: zeroNatural, r2: zeroNatural, 'r3.1': zeroNatural, 'r3.2': zeroNatural, 'r3.6': zeroNatural,
  'r3.7': zeroNatural, r4: zeroNatural,
}, '2019');

interface SeedPlan {
  file: string;
  date: string;
  truth: Partial<ReportTruth>;
  style: Partial<TableStyle>;
}

const PLANS: SeedPlan[] = [
  { file: '000_f3087ba688e4ebc2', date: '2020-03-05', truth: { applications: SEED_000_APPS },
    style: { parens: 'half', change: 'chinese', rowSuffix: '(市本级)', procurementUnit: '万元' } },
  { file: '001_b8ee9625f2e300c7', date: '2020-01-20',
    truth: { title: '景德镇市陶瓷局2019年政府信息公开工作年度报告', agency: '景德镇市陶瓷局', publishedOn: '2020-01-20',
      applications: SEED_001_APPS },
    style: { parens: 'half', totalLabel: '合计', upheldLabel: '结果维护', splitHeaders: true, procurementUnit: 'none', cellMarkup: 'word' } },
  { file: '002_85b1cd000e56671f', date: '2022-02-09', truth: { publishedOn: '2022-02-09', writtenOn: null },
    style: { spacedLabels: true, splitHeaders: true } },
  { file: '003_81dd061a659bf16a', date: '2024-01-16', truth: { publishedOn: '2024-01-16' },
    style: { splitHeaders: true, cellMarkup: 'plain' } },
  { file: '004_b8f27916e8f9841a', date: '2016-12-30', truth: { writtenOn: null }, style: {} },
];

/** Back to full-width punctuation: the seed text was NFKC-flattened, the pages it came from were not. */
function fullWidth(s: string): string {
  const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };
  return s.replace(/[,;:!?()]/g, (ch, i: number) => {
    const before = s[i - 1] ?? '';
    const after = s[i + 1] ?? '';
    if (/[0-9A-Za-z.@]/.test(before) && /[0-9A-Za-z]/.test(after) && ch !== '(' && ch !== ')') return ch;
    return map[ch] ?? ch;
  });
}

const CHROME = /天气|欢迎光临|当前位置|^日期:|字号|^用户登录$|^还没有账号|^立即注册$|扫一扫|^附件:?$|^- |\||^\[来源|公网安备|ICP备/;

function bodyFrom(text: string, title: string | null): Block[] {
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, '').replace(/^\s+/, '')).filter(Boolean);
  const body: Block[] = [];
  let skipping = false;
  for (const line of lines) {
    if (line.startsWith('二、主动公开政府信息情况')) {
      body.push({ kind: 'h', text: fullWidth(line) }, { kind: 'table', table: 'active' });
      skipping = true;
      continue;
    }
    if (line.startsWith('三、收到和处理政府信息公开申请情况')) {
      body.push({ kind: 'h', text: fullWidth(line) }, { kind: 'table', table: 'applications' });
      skipping = true;
      continue;
    }
    if (line.startsWith('四、政府信息公开行政复议')) {
      body.push({ kind: 'h', text: fullWidth(line) }, { kind: 'table', table: 'reviewLitigation' });
      skipping = true;
      continue;
    }
    if (skipping && !line.startsWith('五、')) continue;
    skipping = false;
    if (CHROME.test(line) || line === title) continue;
    const text = fullWidth(line);
    if ((/^[一二三四五六七八九十]+、/.test(line) && line.length < 40 && !line.includes('。')) || /^引\s*言$/.test(line)) {
      body.push({ kind: 'h', text });
    } else if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) {
      const prev = body[body.length - 1];
      if (prev?.kind === 'p' && prev.text.length < 24 && !prev.text.includes('。')) prev.align = 'right';
      body.push({ kind: 'p', text, align: 'right' });
    } else {
      body.push({ kind: 'p', text });
    }
  }
  return body;
}

mkdirSync(outDir, { recursive: true });
for (const [i, plan] of PLANS.entries()) {
  const text = readFileSync(join(shared, 'seeds', `${plan.file}.txt`), 'utf8');
  const expected = JSON.parse(readFileSync(join(shared, 'seeds/expected', `${plan.file}.json`), 'utf8')) as Partial<ReportTruth>;
  const base: ReportTruth = {
    isReport: true, title: null, year: null, agency: null, publisher: null, indexNumber: null,
    documentNumber: null, writtenOn: null, publishedOn: null, template: 'unknown',
    active: {}, applications: {}, reviewLitigation: {}, flags: [],
  };
  const truth = withComputedFlags({ ...base, ...expected, ...plan.truth });
  const doc: ReportDoc & { source: string } = {
    id: `seed-${String(i).padStart(3, '0')}`,
    source: `seeds/${plan.file}.txt`,
    date: plan.date,
    truth,
    style: { ...DEFAULT_STYLE, ...plan.style },
    body: bodyFrom(text, truth.title),
  };
  writeFileSync(join(outDir, `${doc.id}.json`), JSON.stringify(doc, null, 1) + '\n');
  console.log(doc.id, truth.title, truth.flags.join(','), `${doc.body.length} blocks`);
}
