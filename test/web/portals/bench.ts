/**
 * 安澜市统计局 (www.demo-bench.gov.cn), the opt-in benchmark portal of `startDemoWeb({ benchReports: N })`:
 * one TRS column (the templates of trs.ts) with N composed reports in the 2019/2021 formats, so crawl and
 * rebuild benchmarks get thousands of distinct, realistic pages. It is kept out of the truth manifest and
 * of everything on disk: report i is a pure function of i (same bytes on every start, whatever N), its
 * URL, title and date are computed for all N at start (cheap), and documents and rendered pages only
 * when asked for, through small LRU caches — so N=5000 starts in milliseconds and memory stays flat
 * however much of the column a crawl walks.
 */
import type { ComposeSpec, Scale, Break } from '../content/compose.ts';
import { composeReport, templateFor } from '../content/compose.ts';
import type { ExpectedRecord, ReportDoc, TableStyle } from '../content/model.ts';
import { Random } from '../content/random.ts';
import { reportRecord } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, methodNotAllowed, paginate, ymd } from '../site.ts';
import type { Item, TrsSkin } from './trs.ts';
import { trsDetailPage, trsLayout, trsListPage } from './trs.ts';
import { escapeHtml as e } from '../render/report.ts';
import { registerAssets, BASE_CSS } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

export const BENCH_HOST = 'www.demo-bench.gov.cn';
const BASE = '/zwgk/zfxxgknb/';
const COLUMN = '政府信息公开年报';
const PER_PAGE = 20;
const ROBOTS = 'User-agent: *\nDisallow:\n';
const SITE_DATE = '2025-03-31';
const CRUMBS: [string, string | null][] = [['政务公开', '/zwgk/index.html'], [COLUMN, null]];

const SKIN: TrsSkin = {
  host: BENCH_HOST,
  id: {
    name: '安澜市统计局', weatherCity: '安澜', sponsor: '安澜市统计局', address: '安澜市统计路8号', phone: '0990-12340000',
    icp: '澜ICP备05019999号-1', police: '澜公网安备 99010202000999号', siteCode: '9901000099',
  },
  // Only links to pages this site has: a benchmark crawl should spend its requests on the column.
  nav: '<li><a href="/zwgk/index.html">政务公开</a></li><li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li><li><a href="javascript:;">统计数据</a></li><li><a href="javascript:;">互动交流</a></li>',
  side: '<li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li>',
};

// Fictional districts of 安澜市 (澜… so that no name is a real place, and none is an agency of the six
// demo portals, whose reports a crawl of both would otherwise meet twice): agency k is PLACES ×
// DEPARTMENTS, then 街道办事处 named from STREET.
const PLACES = ['澜湾区', '澜北区', '澜南区', '澜东县', '澜西县', '澜源县', '澜峰区', '澜溪县', '澜川区', '澜桥县', '澜阳区', '澜屿县',
  '澜海区', '澜山县', '澜泉县', '澜城区', '澜林县', '澜石区', '澜沙县', '澜湖区', '澜岭县', '澜河县', '澜口区', '澜坪县'];
const DEPARTMENTS = ['人民政府', '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局',
  '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '体育局', '信访局',
  '数据资源局', '城市管理局', '民族宗教事务局', '人民防空办公室', '地方金融监督管理局', '行政审批局', '机关事务管理局', '粮食和物资储备局'];
const STREET = ['东', '西', '南', '北', '城', '新', '河', '湖', '山', '桥', '港', '林', '花', '石', '金', '银', '龙', '凤', '平', '安'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
/** Reports of distinct (agency, year): the most N may be. */
export const BENCH_MAX_REPORTS = PLACES.length * (DEPARTMENTS.length + STREET.length * STREET.length) * YEARS.length;

function agencyName(k: number): string {
  const place = PLACES[k % PLACES.length] as string;
  const j = Math.floor(k / PLACES.length);
  if (j < DEPARTMENTS.length) return `${place}${DEPARTMENTS[j]}`;
  const s = j - DEPARTMENTS.length;
  return `${place}${STREET[s % STREET.length]}${STREET[Math.floor(s / STREET.length)]}街道办事处`;
}

/** Report i as the composer's input: a function of i alone (seeded by it), never of N. */
export function benchSpec(i: number): ComposeSpec {
  const rng = new Random((Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);
  const year = YEARS[i % YEARS.length] as number;
  const agency = agencyName(Math.floor(i / YEARS.length));
  const date = `${year + 1}-${String(rng.int(1, 3)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const scale = (['large', 'medium', 'small', 'zero'] as Scale[])[rng.weighted([2, 5, 3, 0.3])] as Scale;
  // Mostly the TRS editor's markup; the variants real reports show, each now and then. Word's export
  // (cellMarkup 'word', ~80 KB a page) is left out to keep pages in the 20–60 KB of typical reports.
  const style: Partial<TableStyle> = {
    cellMarkup: rng.chance(0.3) ? 'plain' : 'p',
    parens: rng.chance(0.2) ? 'half' : 'full',
    splitHeaders: rng.chance(0.15),
    thousands: rng.chance(0.15),
    change: rng.pick(['plain', 'plain', 'signed', 'chinese'] as const),
    procurementUnit: rng.pick(['万元', '万元', '万元', '元', 'header', 'none'] as const),
  };
  const breaks: Break[] = rng.chance(0.04) ? [rng.pick(['balance', 'rowTotal', 'reviewTotal'] as const)] : [];
  return {
    id: `bench-${i}`, agency, year, date, scale, title: `${agency}${year}年政府信息公开工作年度报告`, seed: rng.int(0, 0x7fffffff), style, breaks, blankZeros: rng.chance(0.05),
    site: { name: SKIN.id.name, host: BENCH_HOST }, publisher: `${agency}办公室`,
    indexNumber: rng.chance(0.6) ? `11990100MB${String(Math.floor(i / YEARS.length)).padStart(5, '0')}X/${year + 1}-${String(rng.int(1, 99999)).padStart(5, '0')}` : null,
  };
}

/** Map-backed LRU: a hit is re-inserted so the first key is always the eldest. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K, make: () => V): V {
    let value = this.map.get(key);
    if (value !== undefined) this.map.delete(key);
    else value = make();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return value;
  }
}

export interface BenchReport {
  index: number;
  url: string;
  title: string;
  agency: string;
  year: number;
  template: '2019' | '2021';
  /** YYYY-MM-DD: the date in the URL, listings and Last-Modified. */
  publishedOn: string;
}

export interface BenchManifest {
  host: string;
  name: string;
  homepage: string;
  /** The 年报 column (its first listing page). */
  reportColumn: string;
  /** index.html, index_1.html … in order. */
  listPages: string[];
  /** reports[i] is report i (listing order is by date, newest first). */
  reports: BenchReport[];
  robotsTxt: string;
}

export interface BenchSite {
  portal: Portal;
  manifest: BenchManifest;
  /** The expected record of report i, from the same document its page is rendered from. */
  expected(i: number): ExpectedRecord;
  /** The HTML of report i's page, exactly as served. */
  page(i: number): Buffer;
}

export function benchSite(n: number, opts: { cachePages?: number } = {}): BenchSite {
  if (!Number.isInteger(n) || n < 1 || n > BENCH_MAX_REPORTS) throw new Error(`benchReports must be an integer in 1..${BENCH_MAX_REPORTS}, got ${n}`);
  const site = new Site(BENCH_HOST);
  const specs = Array.from({ length: n }, (_, i) => benchSpec(i));
  const reports: BenchReport[] = specs.map((s, i) => {
    const d = ymd(s.date);
    return {
      index: i, url: site.url(`${BASE}${d.ym}/t${d.ymd}_${300001 + i}.html`), title: s.title as string,
      agency: s.agency, year: s.year, template: templateFor(s.year) as '2019' | '2021', publishedOn: s.date,
    };
  });
  const byPath = new Map(reports.map((r) => [new URL(r.url).pathname, r.index]));
  // Documents are kept a little (expected() right after a fetch reuses the page's own document); pages
  // more, since a crawler revisits (304 checks) and 256 × ~40 KB is ~10 MB.
  const docs = new Lru<number, ReportDoc>(64);
  const pages = new Lru<number, Buffer>(opts.cachePages ?? 256);
  const doc = (i: number) => docs.get(i, () => composeReport(specs[i] as ComposeSpec));
  const page = (i: number) => pages.get(i, () => {
    const r = reports[i] as BenchReport;
    return Buffer.from(trsDetailPage(SKIN, doc(i), COLUMN, CRUMBS, r.url, 300001 + i), 'utf8');
  });

  site.prefix(BASE, (ctx) => {
    const i = byPath.get(ctx.path);
    if (i === undefined) return null;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return methodNotAllowed();
    return { status: 200, type: 'text/html; charset=utf-8', body: page(i), lastModified: dateOf((reports[i] as BenchReport).publishedOn) };
  });

  // Listing pages are few (N/20) and small: site.page renders each once, on first request.
  const items: Item[] = reports
    .map((r) => ({ title: r.title, date: r.publishedOn, path: new URL(r.url).pathname, i: r.index }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.i - a.i);
  const listed = paginate(items, PER_PAGE);
  const listPages: string[] = [];
  listed.forEach((pageItems, p) => {
    const file = p === 0 ? 'index.html' : `index_${p}.html`;
    const render = () => trsListPage(SKIN, pageItems, p, listed.length, COLUMN, CRUMBS, BASE);
    site.page(`${BASE}${file}`, render, { lastModified: dateOf(pageItems[0]?.date ?? SITE_DATE) });
    if (p === 0) site.page(BASE, render, { lastModified: dateOf(pageItems[0]?.date ?? SITE_DATE) });
    listPages.push(site.url(`${BASE}${file}`));
  });

  const latest = items.slice(0, 6).map((it) => `<li><a href="${it.path}" target="_blank">${e(it.title)}</a><span>${it.date.slice(5)}</span></li>`).join('');
  const home = (ctx: RequestContext) => trsLayout(SKIN, SKIN.id.name, [], `<div class="home-notice"><h3><a href="${BASE}index.html">${COLUMN}</a></h3><ul>${latest}</ul></div>
<div class="home-zwgk"><h3>政务公开</h3><a href="/zwgk/index.html">政府信息公开</a> <a href="${BASE}index.html">${COLUMN}</a> ${calendarLink(ctx.calendarLinked)}</div>`);
  site.page('/', home, { lastModified: dateOf(SITE_DATE) });
  site.page('/index.html', home, { lastModified: dateOf(SITE_DATE) });
  site.page('/zwgk/index.html', () => trsLayout(SKIN, `政府信息公开_${SKIN.id.name}`, [['政务公开', null]],
    `<div class="xxgk-home"><ul><li><a href="${BASE}index.html">${COLUMN}</a></li></ul></div>`), { lastModified: dateOf(SITE_DATE) });
  registerAssets(site, BASE_CSS, ROBOTS);
  registerCalendar(site, SKIN.id.name);
  site.notFound(() => trsLayout(SKIN, `页面不存在_${SKIN.id.name}`, [], '<div class="error404"><h2>抱歉，您访问的页面不存在或已删除！</h2><a href="/">返回首页</a></div>'));

  const manifest: BenchManifest = {
    host: BENCH_HOST, name: SKIN.id.name, homepage: site.url('/'), reportColumn: listPages[0] as string, listPages, reports, robotsTxt: ROBOTS,
  };
  const portal: Portal = {
    key: 'bench', host: BENCH_HOST, name: SKIN.id.name, site,
    // Empty on purpose: bench records are computed by expected(i), never written as files.
    expected: new Map(),
    manifest: {
      key: 'bench', host: BENCH_HOST, name: SKIN.id.name, cms: 'TRS WCM', level: 'department', regionCode: '990100',
      homepage: manifest.homepage, features: ['bench', 'trs-createPageHTML', 'relative-detail-links'], reportColumns: [manifest.reportColumn],
      // The N reports live in BenchManifest (they have no expected-record files for ManifestReport.expected).
      listPages, reports: [], distractors: [], disallowed: [], robotsTxt: ROBOTS,
    },
  };
  return {
    portal, manifest, page,
    expected: (i) => {
      const r = reports[i];
      if (!r) throw new RangeError(`no bench report ${i} (0..${n - 1})`);
      return reportRecord(r.url, doc(i));
    },
  };
}

/** The bench portal as a row of the portal list (the columns of data/portals.demo.csv); it is never written there. */
export function benchPortalRow(): { name: string; level: 'department'; region_code: string; homepage: string; report_columns: string; cms: string } {
  return { name: SKIN.id.name, level: 'department', region_code: '990100', homepage: `http://${BENCH_HOST}/`, report_columns: `http://${BENCH_HOST}${BASE}index.html`, cms: 'TRS WCM' };
}

/** A whole portal-list CSV (header and the bench row) for `nianbao crawl --portals`. */
export function benchPortalCsv(): string {
  const row = benchPortalRow();
  return `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
}
