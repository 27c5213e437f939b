/**
 * Composes report documents for agencies and years that have no seed: tables that balance (unless a
 * break is asked for), prose that quotes the same numbers, and the truth the expected JSON is made of.
 */
import type { ActiveTable, ApplicationsTable, CellValue, Flag, ReviewLitigationTable, OutcomeBlock } from '../../../parsers/record.ts';
import { APPLICANT_COLUMNS, REVIEW_BLOCKS } from '../../../parsers/record.ts';
import { DEFAULT_STYLE } from './model.ts';
import type { ReportDoc, ReportTruth, TableStyle } from './model.ts';
import { Random } from './random.ts';
import { OUTCOME_ROWS_2019, OUTCOME_ROWS_2021, withComputedFlags } from './truth.ts';
import { modernBody, pre2019Body } from './prose.ts';

export type Scale = 'large' | 'medium' | 'small' | 'zero';
/** Deliberate arithmetic faults, as real reports have them (templates.md §3, §4). */
export type Break = 'balance' | 'rowTotal' | 'reviewTotal';

export interface ComposeSpec {
  id: string;
  agency: string;
  year: number;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  seed: number;
  scale: Scale;
  /** The portal the report is published on, quoted in the preamble. */
  site: { name: string; host: string };
  title?: string;
  publisher?: string | null;
  indexNumber?: string | null;
  documentNumber?: string | null;
  writtenOn?: string | null;
  /** false: the page prints no publication date (publishedOn null). */
  showPublished?: boolean;
  breaks?: Break[];
  /** Leave zero cells of 表三 blank (so they are null, not 0). */
  blankZeros?: boolean;
  style?: Partial<TableStyle>;
  /** Pre-2019 only: add the old 政府信息公开情况统计表 (a table that is none of the official three). */
  appendix?: boolean;
  flags?: Flag[];
}

export function templateFor(year: number): '2021' | '2019' | 'pre2019' {
  return year <= 2018 ? 'pre2019' : year <= 2020 ? '2019' : '2021';
}

const SCALE: Record<Scale, { apps: number; decisions: number; docs: number }> = {
  large: { apps: 260, decisions: 30000, docs: 40 },
  medium: { apps: 60, decisions: 4000, docs: 12 },
  small: { apps: 8, decisions: 300, docs: 3 },
  zero: { apps: 0, decisions: 0, docs: 0 },
};

const OUTCOME_WEIGHTS: Record<string, number> = {
  'r3.1': 36, 'r3.2': 14, 'r3.3.1': 0.5, 'r3.3.2': 1, 'r3.3.3': 0.5, 'r3.3.4': 3, 'r3.3.5': 2, 'r3.3.6': 4,
  'r3.3.7': 1, 'r3.3.8': 2, 'r3.4.1': 20, 'r3.4.2': 3, 'r3.4.3': 3, 'r3.5.1': 3, 'r3.5.2': 3,
  'r3.5.3': 0.5, 'r3.5.4': 1, 'r3.5.5': 1, 'r3.6': 3, 'r3.6.1': 2, 'r3.6.2': 0.5, 'r3.6.3': 1,
};

function applications(rng: Random, scale: Scale, template: '2019' | '2021'): ApplicationsTable {
  const base = SCALE[scale].apps;
  const six = APPLICANT_COLUMNS.slice(0, 6);
  const r1 = six.map((_, i) => {
    if (base === 0) return 0;
    if (i === 0) return Math.max(1, Math.round(base * (0.6 + rng.next() * 0.8)));
    if (i === 1) return rng.int(0, Math.ceil(base / 8));
    return rng.chance(0.35) ? rng.int(1, Math.max(1, Math.ceil(base / 60))) : 0;
  });
  const r2 = r1.map((n) => (n > 0 && rng.chance(0.5) ? rng.int(0, Math.ceil(n * 0.06)) : 0));
  const r4 = r1.map((n, i) => (n > 0 && rng.chance(0.5) ? rng.int(0, Math.ceil((n + (r2[i] ?? 0)) * 0.05)) : 0));
  const done = r1.map((n, i) => n + (r2[i] ?? 0) - (r4[i] ?? 0));
  const outcomes = template === '2019' ? OUTCOME_ROWS_2019 : OUTCOME_ROWS_2021;
  const weights = outcomes.map((r) => OUTCOME_WEIGHTS[r] ?? 1);
  const grid = new Map<string, number[]>(outcomes.map((r) => [r, six.map(() => 0)]));
  done.forEach((n, col) => {
    for (let k = 0; k < n; k++) (grid.get(outcomes[rng.weighted(weights)] as string) as number[])[col]! += 1;
  });
  const row = (xs: number[]) => {
    const total = xs.reduce((a, b) => a + b, 0);
    return Object.fromEntries([...six.map((c, i) => [c, xs[i] ?? 0]), ['total', total]]) as Record<(typeof APPLICANT_COLUMNS)[number], CellValue>;
  };
  const table: ApplicationsTable = { r1: row(r1), r2: row(r2) };
  for (const r of outcomes) table[r] = row(grid.get(r) as number[]);
  table['r3.7'] = row(done);
  table.r4 = row(r4);
  return table;
}

function review(rng: Random, scale: Scale): ReviewLitigationTable {
  const max = scale === 'large' ? 8 : scale === 'medium' ? 3 : scale === 'small' ? 1 : 0;
  const out: ReviewLitigationTable = {};
  for (const block of REVIEW_BLOCKS) {
    const parts = [0, 0, 0, 0].map((_, i) => (max && rng.chance(i === 3 ? 0.3 : 0.6) ? rng.int(0, max) : 0));
    const [upheld, corrected, other, pending] = parts as [number, number, number, number];
    out[block] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending } satisfies OutcomeBlock;
  }
  return out;
}

function money(rng: Random, max: number, decimals: number): number {
  const scaleBy = 10 ** decimals;
  return Math.round(rng.next() * max * scaleBy) / scaleBy;
}

function active(rng: Random, scale: Scale, template: '2019' | '2021', government: boolean, yuan: boolean): ActiveTable {
  const { decisions, docs } = SCALE[scale];
  const n = (max: number) => (max <= 0 ? 0 : rng.int(0, max));
  const regs = government && scale === 'large' ? 3 : 0;
  if (template === '2021') {
    return {
      regulations: { issued: n(regs), repealed: n(regs > 0 ? 1 : 0), inForce: government && regs ? rng.int(8, 40) : 0 },
      normativeDocuments: { issued: n(docs), repealed: n(Math.ceil(docs / 3)), inForce: docs ? rng.int(docs, docs * 6) : 0 },
      licensing: { decisions: n(decisions * 1.5) },
      penalty: { decisions: n(decisions) },
      coercion: { decisions: n(Math.ceil(decisions / 200)) },
      fees: { amount: decisions ? money(rng, decisions / 4, rng.pick([0, 2, 2, 4])) : 0 },
    };
  }
  const made = n(docs);
  const items = (max: number) => ({ previousItems: n(max), change: max ? rng.int(-Math.ceil(max / 10), Math.ceil(max / 3)) : 0, decisions: n(decisions) });
  const amountYuan = decisions ? rng.int(1000, decisions * 200) * 100 + (rng.chance(0.5) ? rng.int(1, 99) : 0) : 0;
  return {
    regulations: { made: n(regs), published: n(regs), total: regs ? rng.int(5, 30) : 0 },
    normativeDocuments: { made, published: made, total: docs ? rng.int(docs, docs * 6) : 0 },
    licensing: items(decisions ? 300 : 0),
    otherServices: items(decisions ? 120 : 0),
    penalty: items(decisions ? 2000 : 0),
    coercion: items(decisions ? 120 : 0),
    fees: { previousItems: n(decisions ? 40 : 0), change: decisions ? rng.int(-3, 3) : 0 },
    // Amounts printed in 元 are divided by 10000 exactly as a reader of the page would.
    procurement: { items: n(decisions ? 600 : 0), amount: yuan ? amountYuan / 10000 : Math.round(amountYuan / 100) / 100 },
  };
}

function applyBreaks(apps: ApplicationsTable, rev: ReviewLitigationTable, breaks: Break[]): void {
  for (const b of breaks) {
    if (b === 'balance' && apps.r1) { apps.r1.natural = (apps.r1.natural ?? 0) + 1; apps.r1.total = (apps.r1.total ?? 0) + 1; }
    if (b === 'rowTotal' && apps['r3.1']) apps['r3.1'].total = (apps['r3.1'].total ?? 0) + 1;
    if (b === 'reviewTotal' && rev.review) rev.review.total = (rev.review.total ?? 0) + 1;
  }
}

function blankOutZeros(apps: ApplicationsTable): void {
  for (const row of Object.values(apps)) {
    if (!row) continue;
    for (const c of APPLICANT_COLUMNS) if (row[c] === 0) row[c] = null;
  }
}

export function composeReport(spec: ComposeSpec): ReportDoc {
  const rng = new Random(spec.seed);
  const template = templateFor(spec.year);
  const style: TableStyle = { ...DEFAULT_STYLE, ...spec.style };
  const title = spec.title ?? `${spec.agency}${spec.year}年政府信息公开工作年度报告`;
  const government = /人民政府|^.{2,6}[区县市]$/.test(spec.agency);
  const flags: Flag[] = [...(spec.flags ?? [])];
  let truth: ReportTruth = {
    isReport: true, title, year: spec.year, agency: spec.agency, publisher: spec.publisher ?? null,
    indexNumber: spec.indexNumber ?? null, documentNumber: spec.documentNumber ?? null,
    writtenOn: spec.writtenOn ?? null, publishedOn: spec.showPublished === false ? null : spec.date,
    template, active: {}, applications: {}, reviewLitigation: {}, flags,
  };
  if (template === 'pre2019') {
    return { id: spec.id, truth: withComputedFlags(truth), style, date: spec.date, body: pre2019Body(spec, rng) };
  }
  const apps = applications(rng, spec.scale, template);
  const rev = review(rng, spec.scale);
  const act = active(rng, spec.scale, template, government, style.procurementUnit === '元');
  if (template === '2019' && style.procurementUnit === 'none') flags.push('unit-missing');
  const body = modernBody(spec, rng, template, apps, act);
  applyBreaks(apps, rev, spec.breaks ?? []);
  if (spec.blankZeros) blankOutZeros(apps);
  truth = { ...truth, active: act, applications: apps, reviewLitigation: rev, flags };
  return { id: spec.id, truth: withComputedFlags(truth), style, date: spec.date, body };
}
