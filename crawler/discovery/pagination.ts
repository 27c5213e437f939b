/**
 * Every page of a listing, not just the next one. Following "下一页" links one at a time costs a
 * round trip per page and breaks where the pager is written by script; so the page count is read
 * where the CMS states it and all page URLs (or POST requests) are produced at once:
 *
 * - TRS WCM writes its pager with `createPageHTML(pageCount, currentIndex, "index", "html")` (older
 *   sites) or `createPageHTML('page_div', pageCount, currentIndex, 'index', 'html', recordCount)`; page 0
 *   is index.html and page i is index_i.html.
 * - Static pagers link index_1.html … and state 共N页 or link 尾页 to the last page.
 * - Query pagers (`?page=N`, `?pageNum=N`, `?pageIndex=N`) with 共N页 or a 尾页 link.
 * - 大汉 Hanweb jpage lists keep their first group inline in `<script type="text/xml"><datastore>` and
 *   POST the rest to `/module/web/jpage/dataproxy.jsp?startrecord=…&endrecord=…&perpage=…` with the
 *   column's parameters as a form body; the response is the same XML with CDATA records.
 * - The Hanweb annual-report viewer `xxgkAnnualReport.jsp?…&fbtime=YYYY` lists one year per request.
 */
import { textContent } from 'domutils';
import { parseHtml, type Document } from '../../parsers/html/dom.ts';
import { PAGE_URL } from './classify.ts';
import { extractLinks, normaliseUrl, type Link } from './links.ts';

export interface PageRequest {
  url: string;
  method: 'GET' | 'POST';
  /** Form body (application/x-www-form-urlencoded) of a POST. */
  body?: string;
  headers?: Record<string, string>;
  reason: string;
}

export interface PaginationOptions {
  /** At most this many pages (or POST groups) per listing: a trap guard, not a expected size. */
  maxPages?: number;
  /** For year-addressed viewers: the last year to ask for (default: this year). */
  lastYear?: number;
}

/** Default cap on pages per listing; the largest real 年报 column seen (a city with departments, towns
 * and streets) has about 60 pages of 15–20 items. */
export const DEFAULT_MAX_PAGES = 200;
/** The first year of reports: the 条例 took effect on 2008-05-01 and the first reports cover 2008. */
export const FIRST_REPORT_YEAR = 2008;

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };

// ---- TRS createPageHTML ------------------------------------------------------------------------

export interface TrsPager {
  pageCount: number;
  currentPage: number;
  prefix: string;
  ext: string;
}

/** The pager call of a TRS listing, its arguments resolved through `var x = N` where they are names. */
export function findCreatePageHTML(html: string): TrsPager | null {
  const call = /(?<!function\s*)\bcreatePageHTML\s*\(([^)]*)\)/g;
  for (let m = call.exec(html); m; m = call.exec(html)) {
    const args = m[1].split(',').map((a) => resolveArg(a.trim(), html));
    // The page count is the first number (after the element id in the 6-argument variant); the
    // current index follows it and the name and extension come after that.
    const ci = args.findIndex((a) => typeof a === 'number');
    if (ci < 0) continue;
    const strings = args.slice(ci + 2).filter((a): a is string => typeof a === 'string');
    if (strings.length < 2) continue;
    const current = args[ci + 1];
    return { pageCount: args[ci] as number, currentPage: typeof current === 'number' ? current : 0, prefix: strings[0], ext: strings[1] };
  }
  return null;
}

function resolveArg(arg: string, html: string): string | number | null {
  const quoted = /^(['"])(.*)\1$/.exec(arg);
  if (quoted) return quoted[2];
  if (/^\d+$/.test(arg)) return Number(arg);
  if (/^[A-Za-z_$][\w$]*$/.test(arg)) {
    // `var countPage = 5;` / `countPage = "5"` somewhere on the page (the last assignment wins).
    // (TRS templates end these lines with `;`, a comment or nothing at all.)
    const assign = new RegExp(`\\b${arg.replace(/\$/g, '\\$')}\\s*=\\s*(['"]?)(\\d+|[\\w.-]+)\\1(?!\\s*([\\w.+\\-*(]|\\/(?!\\/)))`, 'g');
    let value: string | null = null;
    for (let m = assign.exec(html); m; m = assign.exec(html)) value = m[2];
    if (value !== null) return /^\d+$/.test(value) ? Number(value) : value;
  }
  return null;
}

/** All page URLs of a TRS pager, in the page's own folder: index.html, index_1.html … */
export function trsPageUrls(pageUrl: string, pager: TrsPager, maxPages = DEFAULT_MAX_PAGES): string[] {
  const count = Math.min(pager.pageCount, maxPages);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const url = normaliseUrl(new URL(i === 0 ? `${pager.prefix}.${pager.ext}` : `${pager.prefix}_${i}.${pager.ext}`, pageUrl).href);
    if (url) out.push(url);
  }
  return out;
}

// ---- static and query pagers -------------------------------------------------------------------

/** The page count a pager states: 共5页, 页次：1/5, 第1/5页, 1/5页. */
export function totalPagesFromText(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  const m = /共(\d+)页/.exec(t) ?? /页次[:：]?\d+\/(\d+)/.exec(t) ?? /第?\d+\/(\d+)页/.exec(t);
  return m ? Number(m[1]) : null;
}

const STATIC_PAGE = /^(.*\/)([\w-]+)_(\d+)\.(s?html?|jhtml|shtml)$/i;
const PAGE_PARAMS = ['page', 'pageno', 'pagenum', 'pageindex', 'curpage', 'currentpage', 'pn', 'p'];

/**
 * Page URLs implied by the pager links and the stated count. `index_3.html` links (or a 尾页 link to
 * index_9.html) give the folder, name and the highest page; 共N页 gives N-1 as the highest index.
 * Query pagers give the parameter name; pages run from 1 to the highest seen or stated.
 */
export function staticPageUrls(pageUrl: string, links: Link[], statedPages: number | null, maxPages = DEFAULT_MAX_PAGES): string[] {
  const here = new URL(pageUrl);
  const folder = here.pathname.replace(/[^/]*$/, '');
  const out = new Set<string>();

  let shape: { dir: string; name: string; ext: string } | null = null;
  let highest = 0;
  let lowest = Infinity;
  const queryPages = new Map<string, { param: string; highest: number; sample: URL }>();
  for (const link of links) {
    const u = new URL(link.url);
    if (u.host !== here.host) continue;
    const s = STATIC_PAGE.exec(u.pathname);
    if (s && s[1] === folder && !u.search) {
      shape ??= { dir: s[1], name: s[2], ext: s[4] };
      if (s[2] === shape.name) {
        highest = Math.max(highest, Number(s[3]));
        lowest = Math.min(lowest, Number(s[3]));
      }
      continue;
    }
    if (u.pathname !== here.pathname || !PAGE_URL.test(link.url)) continue;
    for (const [key, value] of u.searchParams) {
      if (!PAGE_PARAMS.includes(key.toLowerCase()) || !/^\d+$/.test(value)) continue;
      const q = queryPages.get(key) ?? { param: key, highest: 0, sample: u };
      q.highest = Math.max(q.highest, Number(value));
      queryPages.set(key, q);
    }
  }

  if (shape) {
    // TRS numbers the second page index_1; other CMSes index_2. A last page whose number equals the
    // stated count, or pager links that never go below 2, say the numbering starts at 2.
    const first = (statedPages !== null && highest === statedPages) || lowest >= 2 ? 2 : 1;
    const last = Math.min(Math.max(highest, statedPages ? statedPages - (first === 1 ? 1 : 0) : 0), maxPages - 1);
    for (let i = first; i <= last; i++) out.add(new URL(`${shape.dir}${shape.name}_${i}.${shape.ext}`, here).href);
  }
  for (const q of queryPages.values()) {
    const last = Math.min(Math.max(q.highest, statedPages ?? 0), maxPages);
    for (let i = 1; i <= last; i++) {
      const u = new URL(q.sample.href);
      u.searchParams.set(q.param, String(i));
      out.add(u.href);
    }
  }
  return [...out].map((u) => normaliseUrl(u)).filter((u): u is string => !!u && u !== normaliseUrl(pageUrl));
}

// ---- Hanweb jpage / dataproxy ------------------------------------------------------------------

export interface HanwebList {
  /** Absolute URL of dataproxy.jsp. */
  proxyUrl: string;
  perPage: number;
  /** Pages fetched per request (jpage's groupSize). */
  groupSize: number;
  totalRecord: number | null;
  /** The column's parameters, sent as the form body (columnid, unitid, webid, path, webname …). */
  params: Record<string, string>;
  /** The first group's records, inline in the page: HTML fragments with the item links. */
  records: string[];
}

const DATASTORE = /<datastore>([\s\S]*?)<\/datastore>/i;
const CDATA_RECORD = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi;

/** CDATA records of a datastore (inline or a dataproxy response). */
export function datastoreRecords(xml: string): string[] {
  const out: string[] = [];
  CDATA_RECORD.lastIndex = 0;
  for (let m = CDATA_RECORD.exec(xml); m; m = CDATA_RECORD.exec(xml)) out.push(m[1]);
  return out;
}

/** A jpage list on the page: the inline datastore and the parameters of its later groups. */
export function findHanwebList(html: string, pageUrl: string): HanwebList | null {
  const store = DATASTORE.exec(html);
  if (!store) return null;
  const xml = store[1];
  const params: Record<string, string> = {};
  // <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=1&columnid=…"></a>]]>
  const next = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href\s*=\s*["']([^"']+)["']/i.exec(xml);
  let proxy = '/module/web/jpage/dataproxy.jsp';
  if (next) {
    const u = new URL(next[1].replace(/&amp;/g, '&'), pageUrl);
    proxy = u.pathname;
    for (const [k, v] of u.searchParams) if (k !== 'page') params[k] = v.replace(/^'(.*)'$/, '$1');
  }
  // $('#5678').jpage({ perPage: 15, totalRecord: 120, proxyUrl: '…', groupSize: 3, ajaxParam: {…} })
  const num = (name: string): number | null => {
    const m = new RegExp(`\\b${name}\\s*[:=]\\s*['"]?(\\d+)`, 'i').exec(html);
    return m ? Number(m[1]) : null;
  };
  const proxyUrl = /\bproxyUrl\s*:\s*['"]([^'"]+)['"]/.exec(html);
  if (proxyUrl) proxy = proxyUrl[1];
  const ajax = /\bajaxParam\s*:\s*\{([^}]*)\}/.exec(html);
  if (ajax) {
    const pair = /([\w$]+)\s*:\s*(?:'([^']*)'|"([^"]*)"|([\w.-]+))/g;
    for (let m = pair.exec(ajax[1]); m; m = pair.exec(ajax[1])) params[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  const inlineTotal = /<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(xml);
  return {
    proxyUrl: new URL(proxy, pageUrl).href,
    perPage: num('perPage') ?? num('perpage') ?? 15,
    groupSize: num('groupSize') ?? 3,
    totalRecord: inlineTotal ? Number(inlineTotal[1]) : num('totalRecord'),
    params,
    records: datastoreRecords(xml),
  };
}

/**
 * One POST per group of `groupSize × perPage` records, from record 1 (the first group is inline, but
 * the inline copy may be cut short; asking again is cheap and makes every group come the same way).
 * With no stated total, only the group after the inline one is asked for.
 */
export function hanwebRequests(list: HanwebList, maxPages = DEFAULT_MAX_PAGES): PageRequest[] {
  const size = list.perPage * list.groupSize;
  const total = list.totalRecord ?? (list.records.length >= size ? 2 * size : list.records.length);
  const groups = Math.min(Math.ceil(total / size), Math.ceil(maxPages / list.groupSize));
  const body = new URLSearchParams(list.params).toString();
  const out: PageRequest[] = [];
  for (let g = 0; g < groups; g++) {
    const start = g * size + 1;
    const end = Math.min((g + 1) * size, list.totalRecord ?? (g + 1) * size);
    const u = new URL(list.proxyUrl);
    u.searchParams.set('startrecord', String(start));
    u.searchParams.set('endrecord', String(end));
    u.searchParams.set('perpage', String(list.perPage));
    out.push({ url: u.href, method: 'POST', body, headers: { ...FORM }, reason: `hanweb records ${start}-${end}` });
  }
  return out;
}

/** Links and total of a dataproxy response (or of any text holding a datastore). */
export function parseDataproxy(xml: string, pageUrl: string): { links: Link[]; totalRecord: number | null } {
  const links: Link[] = [];
  for (const record of datastoreRecords(xml)) links.push(...extractLinks(record, pageUrl));
  const total = /<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(xml);
  return { links, totalRecord: total ? Number(total[1]) : null };
}

// ---- year-addressed viewers --------------------------------------------------------------------

const YEAR_PARAMS = ['fbtime', 'year', 'nd', 'nf'];

/** `xxgkAnnualReport.jsp?area=…&fbtime=2023` (Hanweb) → one URL per year from 2008 to `lastYear`. */
export function yearViewerUrls(pageUrl: string, lastYear = new Date().getFullYear()): string[] {
  const u = new URL(pageUrl);
  if (!/annualreport/i.test(u.pathname)) return [];
  const param = [...u.searchParams.keys()].find((k) => YEAR_PARAMS.includes(k.toLowerCase()));
  if (!param) return [];
  const out: string[] = [];
  for (let y = lastYear; y >= FIRST_REPORT_YEAR; y--) {
    const v = new URL(u.href);
    v.searchParams.set(param, String(y));
    if (v.href !== u.href) out.push(v.href);
  }
  return out;
}

// ---- all together ------------------------------------------------------------------------------

/**
 * All further pages of the listing `pageUrl`, whatever the pager. `links` are the page's own links
 * (from links.ts), passed in so the page is parsed once.
 */
export function paginationRequests(
  page: { url: string; html: string; doc?: Document; links?: Link[] },
  opts: PaginationOptions = {},
): PageRequest[] {
  const max = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const doc = page.doc ?? parseHtml(page.html);
  const links = page.links ?? extractLinks(doc, page.url);
  const self = normaliseUrl(page.url);
  const out = new Map<string, PageRequest>();
  const add = (url: string, reason: string): void => {
    if (url !== self && !out.has(url)) out.set(url, { url, method: 'GET', reason });
  };

  const trs = findCreatePageHTML(page.html);
  if (trs) for (const url of trsPageUrls(page.url, trs, max)) add(url, `createPageHTML ${trs.pageCount} pages`);

  const stated = totalPagesFromText(textContent(doc));
  for (const url of staticPageUrls(page.url, links, stated, max)) add(url, stated ? `pager: 共${stated}页` : 'pager links');

  for (const url of yearViewerUrls(page.url, opts.lastYear)) add(url, 'annual-report viewer year');

  const hanweb = findHanwebList(page.html, page.url);
  const posts = hanweb ? hanwebRequests(hanweb, max) : [];
  return [...out.values(), ...posts];
}
