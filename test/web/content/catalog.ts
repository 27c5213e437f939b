/**
 * Which reports and distractors each portal publishes, in which column. Agencies and places other than
 * the seeds' are fictional (安澜市, 澜江省 …) so that no composed number is attributed to a real body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DistractorDoc, DistractorKind, ReportDoc } from './model.ts';
import { composeReport } from './compose.ts';
import type { ComposeSpec } from './compose.ts';
import { distractor } from './distractors.ts';
import type { Region } from './distractors.ts';
import { withComputedFlags } from './truth.ts';

export const DATA_DIR = join(import.meta.dirname, '../../../data/demo-web');

export function seed(n: number): ReportDoc {
  return JSON.parse(readFileSync(join(DATA_DIR, 'reports', `seed-${String(n).padStart(3, '0')}.json`), 'utf8')) as ReportDoc;
}

type Spec = Omit<ComposeSpec, 'site' | 'seed' | 'id'> & { seed?: number };

function composer(prefix: string, site: ComposeSpec['site']) {
  return (spec: Spec): ReportDoc => {
    const id = `${prefix}-${spec.agency}-${spec.year}`;
    let h = 7;
    for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
    return composeReport({ ...spec, site, id, seed: spec.seed ?? h });
  };
}

function distractors(region: Region, prefix: string, list: [DistractorKind, number, string][]): DistractorDoc[] {
  return list.map(([kind, year, date], i) => distractor(kind, region, year, date, `${prefix}-d${i}`));
}

/** The same report with its tables published as images: no table cells to read (table-missing). */
export function asImages(doc: ReportDoc, images: Record<'active' | 'applications' | 'reviewLitigation', string>): ReportDoc {
  const body = doc.body.map((b) => (b.kind === 'table' ? { kind: 'image' as const, src: images[b.table], alt: '' } : b));
  const truth = withComputedFlags({ ...doc.truth, active: {}, applications: {}, reviewLitigation: {}, flags: ['table-missing'] });
  return { ...doc, id: `${doc.id}-images`, body, truth };
}

/** A republished report: two cases moved from 予以公开 to 部分公开, with the correction noted. */
export function corrected(doc: ReportDoc, date: string): ReportDoc {
  const apps = structuredClone(doc.truth.applications);
  for (const col of ['natural', 'total'] as const) {
    const a = apps['r3.1'];
    const b = apps['r3.2'];
    if (a && b && typeof a[col] === 'number' && typeof b[col] === 'number') {
      a[col] = (a[col] as number) - 2;
      b[col] = (b[col] as number) + 2;
    }
  }
  const note = { kind: 'p' as const, text: `（本报告于${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日更正：第三部分表格中“予以公开”“部分公开”数据有误，已予更正。）` };
  return { ...doc, id: `${doc.id}-corrected`, body: [...doc.body, note], truth: withComputedFlags({ ...doc.truth, applications: apps }) };
}

export const REGIONS = {
  city: { name: '安澜市', office: '安澜市人民政府办公室' },
  district: { name: '临江区', office: '安澜市临江区人民政府办公室' },
  county: { name: '云溪县', office: '云溪县人民政府办公室' },
  oldtown: { name: '石港区', office: '石港区人民政府办公室' },
  bureau: { name: '安澜市', office: '安澜市自然资源和规划局办公室' },
  province: { name: '澜江省', office: '澜江省人民政府办公厅' },
} satisfies Record<string, Region>;

export function trsContent() {
  const c = composer('trs', { name: '安澜市人民政府', host: 'www.demo-city.gov.cn' });
  const gov = (year: number, date: string, more: Partial<Spec> = {}) => c({
    agency: '安澜市人民政府', year, date, scale: 'large', publisher: '安澜市人民政府办公室',
    indexNumber: `11990100MB0000001X/${Number(date.slice(0, 4))}-${String(year * 7 % 997).padStart(5, '0')}`, ...more,
  });
  const base2024 = gov(2024, '2025-03-07');
  return {
    city: [
      seed(0),
      gov(2016, '2017-03-28', { appendix: true }), gov(2017, '2018-03-29'), gov(2018, '2019-03-27'),
      gov(2019, '2020-03-10', { style: { change: 'signed', procurementUnit: '元' } }),
      gov(2020, '2021-03-09', { style: { change: 'chinese', procurementUnit: 'none' } }),
      gov(2021, '2022-03-08'), gov(2022, '2023-03-10', { breaks: ['balance'] }),
      gov(2023, '2024-03-08', { style: { thousands: true } }), base2024,
    ],
    late: gov(2025, '2026-03-06'),
    correctedBase: base2024,
    corrected: corrected(base2024, '2025-03-20'),
    departments: [
      c({ agency: '安澜市发展和改革委员会', year: 2023, date: '2024-01-26', scale: 'medium', publisher: '市发展改革委' }),
      c({ agency: '安澜市财政局', year: 2023, date: '2024-01-29', scale: 'medium', publisher: '市财政局', style: { cellMarkup: 'word' } }),
      c({ agency: '安澜市教育局', year: 2022, date: '2023-01-30', scale: 'medium', publisher: '市教育局', blankZeros: true }),
      c({ agency: '安澜市公安局', year: 2023, date: '2024-01-31', scale: 'medium', publisher: '市公安局', breaks: ['rowTotal'] }),
      c({ agency: '安澜市生态环境局', year: 2024, date: '2025-01-24', scale: 'small', publisher: '市生态环境局' }),
      c({ agency: '安澜市市场监督管理局', year: 2024, date: '2025-01-27', scale: 'medium', publisher: '市市场监管局', style: { parens: 'half' } }),
    ],
    departmentNotices: distractors(REGIONS.city, 'trs-bm', [['notice-prepare', 2024, '2024-12-20']]),
    news: distractors(REGIONS.city, 'trs-news', [['news', 2024, '2024-11-15'], ['statistics-annual', 2024, '2024-12-12'], ['other-report', 2024, '2025-03-20']]),
    notices: distractors(REGIONS.city, 'trs-tzgg', [['enterprise-annual', 2024, '2025-01-02'], ['assessment', 2023, '2024-04-10']]),
    budget: distractors(REGIONS.city, 'trs-cz', [['budget', 2023, '2024-08-30']]),
  };
}

export function hanwebContent() {
  const c = composer('hanweb', { name: '安澜市临江区人民政府', host: 'www.demo-district.gov.cn' });
  const gov = (year: number, date: string, more: Partial<Spec> = {}) =>
    c({ agency: '临江区人民政府', year, date, scale: 'medium', publisher: '区政府办', ...more });
  return {
    reports: [
      seed(2),
      gov(2019, '2020-02-18', { style: { procurementUnit: 'header', change: 'signed' } }), gov(2020, '2021-02-19'),
      gov(2021, '2022-02-18'), gov(2022, '2023-02-17', { style: { splitHeaders: true } }), gov(2023, '2024-02-20'),
      gov(2024, '2025-02-19', { breaks: ['reviewTotal'] }),
      c({ agency: '临江区城南街道办事处', year: 2023, date: '2024-01-30', scale: 'small', publisher: '城南街道' }),
      c({ agency: '临江区卫生健康局', year: 2024, date: '2025-01-22', scale: 'small', publisher: '区卫生健康局', blankZeros: true }),
    ],
    notices: distractors(REGIONS.district, 'hw-tz', [['notice-prepare', 2023, '2023-12-15'], ['enterprise-annual', 2024, '2025-01-03']]),
    news: distractors(REGIONS.district, 'hw-news', [['news', 2024, '2024-03-01']]),
    budget: distractors(REGIONS.district, 'hw-cz', [['budget', 2024, '2025-08-29']]),
  };
}

export function jiyueContent() {
  const c = composer('jiyue', { name: '云溪县人民政府', host: 'xxgk.demo-county.gov.cn' });
  const gov = (year: number, date: string, more: Partial<Spec> = {}) => c({
    agency: '云溪县人民政府', year, date, scale: 'medium', publisher: '云溪县人民政府办公室',
    indexNumber: `990121/${date.slice(0, 4)}-000${year % 10}1`, writtenOn: date, ...more,
  });
  return {
    reports: [
      seed(3),
      gov(2021, '2022-02-15'), gov(2022, '2023-02-16', { documentNumber: '云政办〔2023〕5号' }), gov(2023, '2024-02-18'),
      gov(2024, '2025-02-17', { style: { fullWidthDigits: true } }),
      c({ agency: '云溪县教育体育局', year: 2023, date: '2024-01-25', scale: 'small', publisher: '云溪县教育体育局', indexNumber: '990121-JT/2024-00004', writtenOn: '2024-01-24', breaks: ['balance'] }),
      c({ agency: '云溪县自然资源局', year: 2024, date: '2025-01-23', scale: 'zero', publisher: '云溪县自然资源局', indexNumber: '990121-ZR/2025-00002', writtenOn: '2025-01-23' }),
    ],
    notices: distractors(REGIONS.county, 'jy-tz', [['notice-prepare', 2024, '2024-12-18'], ['statistics-annual', 2024, '2024-12-05']]),
    budget: distractors(REGIONS.county, 'jy-cz', [['budget', 2024, '2025-08-28']]),
  };
}

export function gbkContent() {
  const c = composer('gbk', { name: '石港区人民政府', host: 'www.demo-oldtown.gov.cn' });
  const old = (year: number, date: string, more: Partial<Spec> = {}) =>
    c({ agency: '石港区', title: `${year}年石港区政府信息公开工作年度报告`, year, date, scale: 'medium', publisher: '区政府办公室', ...more });
  return {
    reports: [
      seed(4),
      old(2016, '2017-03-20', { appendix: true }), old(2017, '2018-03-22'), old(2018, '2019-03-25', { appendix: true }),
      c({ agency: '石港区人民政府', year: 2019, date: '2020-03-06', scale: 'medium', publisher: '区政府办公室', style: { procurementUnit: '元', change: 'chinese', cellMarkup: 'word' } }),
      c({ agency: '石港区人民政府', year: 2020, date: '2021-03-05', scale: 'medium', publisher: '区政府办公室', blankZeros: true, style: { procurementUnit: 'none', empty: '/' } }),
    ],
    news: distractors(REGIONS.oldtown, 'gbk-news', [['news', 2019, '2019-04-02'], ['statistics-annual', 2018, '2018-12-10']]),
    notices: distractors(REGIONS.oldtown, 'gbk-tz', [['enterprise-annual', 2019, '2020-01-06'], ['notice-prepare', 2019, '2019-12-20']]),
  };
}

/** Committed files under data/demo-web/files/ (built by tools/make-attachments.ts). */
export const ATTACHMENT_FILES = {
  docx: 'vsb-2021-report.docx',
  pdf: 'vsb-2022-report.pdf',
  doc: 'vsb-2017-report.doc',
  imageActive: 'vsb-2023-table2.png',
  imageApplications: 'vsb-2023-table3.png',
  imageReview: 'vsb-2023-table4.png',
} as const;

export function vsbContent() {
  const c = composer('vsb', { name: '安澜市自然资源和规划局', host: 'www.demo-bureau.gov.cn' });
  const bureau = (year: number, date: string, more: Partial<Spec> = {}) =>
    c({ agency: '安澜市自然资源和规划局', year, date, scale: 'medium', publisher: '局办公室', ...more });
  return {
    html: [seed(1), bureau(2024, '2025-01-21')],
    imageOnly: bureau(2023, '2024-01-25'),
    pdf: bureau(2022, '2023-01-30'),
    docx: bureau(2021, '2022-01-28', { style: { cellMarkup: 'plain' } }),
    doc: bureau(2017, '2018-01-30'),
    news: distractors(REGIONS.bureau, 'vsb-news', [['news', 2024, '2024-05-10'], ['other-report', 2023, '2024-03-15']]),
    notices: distractors(REGIONS.bureau, 'vsb-tz', [['notice-prepare', 2023, '2023-12-08'], ['budget', 2025, '2025-02-10']]),
  };
}

export function challengeContent() {
  const c = composer('prov', { name: '澜江省人民政府', host: 'www.demo-province.gov.cn' });
  const gov = (year: number, date: string, more: Partial<Spec> = {}) =>
    c({ agency: '澜江省人民政府', year, date, scale: 'large', publisher: '澜江省人民政府办公厅', ...more });
  return {
    reports: [
      gov(2021, '2022-03-25'), gov(2022, '2023-03-28'), gov(2023, '2024-03-27'), gov(2024, '2025-03-26', { style: { cellMarkup: 'word' } }),
      c({ agency: '澜江省交通运输厅', year: 2023, date: '2024-01-29', scale: 'medium', publisher: '省交通运输厅', breaks: ['balance', 'reviewTotal'] }),
      c({ agency: '澜江省水利厅', year: 2025, date: '2026-01-28', scale: 'medium', publisher: '省水利厅' }),
    ],
    draft: gov(2025, '2026-03-02', { title: '澜江省人民政府2025年政府信息公开工作年度报告（征求意见稿）' }),
    news: distractors(REGIONS.province, 'prov-news', [['news', 2025, '2025-01-10'], ['assessment', 2024, '2025-04-20']]),
    notices: distractors(REGIONS.province, 'prov-tz', [['enterprise-annual', 2024, '2025-01-05'], ['budget', 2025, '2025-02-20']]),
  };
}
