/**
 * One fetched page in, the next requests out. The page is parsed once; its links are classified
 * (classify.ts), the listing's other pages produced (pagination.ts), each candidate checked against the
 * portal's scope and trap guards (scope.ts), and the page itself judged: a listing of reports, a report,
 * a page that needs the browser (needsBrowser.ts). robots.txt is the caller's check, made just before a
 * request is sent (robots.ts), because its rules may not be fetched yet when a link is found.
 *
 * The caller passes the role a page was requested in (`NextRequest.role`), so a column page is read as a
 * list even when its first page holds no report yet, and a homepage's news pager is not walked.
 */
import { textContent } from 'domutils';
import { attr, findAll, parseHtml, type Document } from '../../parsers/html/dom.ts';
import { classifyLink, COLUMN_NAMES, looksLikeReportTitle, type LinkClass, type LinkKind } from './classify.ts';
import { cleanText, extractLinks, normaliseUrl, type Link } from './links.ts';
import { detectChallenge, detectJsList, type BrowserVerdict } from './needsBrowser.ts';
import { findHanwebList, paginationRequests, parseDataproxy } from './pagination.ts';
import { pathKey, shouldFollow, type PortalScope, type RequestKind } from './scope.ts';

export interface FetchedPage {
  url: string;
  /** The decoded body (the caller decodes the raw bytes: see parsers/decode.ts). */
  html: string;
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  /**
   * The page already parsed with htmlparser2 (parsers/html/dom.ts `parseHtml`), when the caller has
   * it: report pages are parsed by the parser anyway, and parsing is most of discover's cost.
   */
  doc?: Document;
}

/** What a page was requested as: decides which of its links are worth following. */
export type PageRole = 'home' | 'area' | 'column' | 'listing' | 'report' | 'attachment';

export interface DiscoverOptions {
  /** Depth of this page (homepage 0). */
  depth?: number;
  /** The role the page was requested in; unknown pages are judged by their content alone. */
  role?: PageRole;
  /** Pages already taken for the portal in this run (page cap). */
  pagesSoFar?: number;
  /** Distinct query strings seen so far on a path (`pathKey` of scope.ts); trap guard. */
  queryVariants?: (pathKey: string) => number;
  now?: Date;
}

export interface NextRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  kind: RequestKind;
  /** The role to pass back to `discover` when the response arrives. */
  role: PageRole;
  depth: number;
  priority: number;
  reason: string;
  /** The link's label (title attribute or text), '' for generated pages. */
  text: string;
}

export interface SkippedLink {
  url: string;
  text: string;
  kind: LinkKind;
  reason: string;
}

export type PageKind = 'reportListing' | 'report' | 'navigation' | 'other';

export interface Discovery {
  listings: NextRequest[];
  reports: NextRequest[];
  attachments: NextRequest[];
  skipped: SkippedLink[];
  /** The page lists reports: the caller re-walks it every night. */
  isReportListing: boolean;
  /** A report page (by its title, with no list of reports) is parsed even if asked for as a listing. */
  pageKind: PageKind;
  /** The page's own title (ArticleTitle meta, else h1, else <title>). */
  title: string;
  browser: BrowserVerdict;
}

const NO_BROWSER: BrowserVerdict = { needsBrowser: false, reason: null, detail: '' };

/** The first requests for a portal: its homepage and its known 年报 columns. */
export function seedRequests(scope: PortalScope): NextRequest[] {
  const home: NextRequest = { url: normaliseUrl(scope.homepage) ?? scope.homepage, method: 'GET', kind: 'listing', role: 'home', depth: 0, priority: 50, reason: 'homepage', text: '' };
  const columns = scope.columns.map((url): NextRequest => ({ url, method: 'GET', kind: 'listing', role: 'column', depth: 1, priority: 90, reason: 'known column', text: '' }));
  return [...columns, home];
}

/** The title a page gives itself: TRS/Hanweb `<meta name="ArticleTitle">`, else the first h1, else <title>. */
export function pageTitle(doc: Document): string {
  const meta = findAll(doc, (el) => el.name === 'meta' && /^articletitle$/i.test(attr(el, 'name')))[0];
  if (meta && attr(meta, 'content').trim()) return cleanText(attr(meta, 'content'));
  const h1 = findAll(doc, (el) => el.name === 'h1')[0];
  if (h1 && cleanText(textContent(h1))) return cleanText(textContent(h1));
  const title = findAll(doc, (el) => el.name === 'title')[0];
  return title ? cleanText(textContent(title)) : '';
}

/** What to do with one classified link on a page of this kind: the request to make, or why not. */
function decide(
  link: Link,
  c: LinkClass,
  ctx: { role: PageRole | undefined; list: boolean; report: boolean; anchors: number },
): { kind: RequestKind; role: PageRole; step: number; priority: number; reason: string } | string {
  switch (c.kind) {
    case 'report':
      return { kind: 'report', role: 'report', step: 1, priority: c.priority, reason: c.reason };
    case 'attachment':
      // An attachment belongs to the report it hangs from; elsewhere only one named as a report.
      if (ctx.report || ctx.list || c.priority >= 95) return { kind: 'attachment', role: 'attachment', step: 1, priority: c.priority, reason: c.reason };
      return 'attachment outside a report or 年报 list';
    case 'pagination':
      if (ctx.list) return { kind: 'listing', role: 'listing', step: 0, priority: c.priority, reason: c.reason };
      return 'pager of a list that is not a 年报 column';
    case 'reportColumn':
      if (c.level === 'column') return { kind: 'listing', role: 'column', step: 1, priority: c.priority, reason: c.reason };
      if (c.level === 'year') {
        return ctx.list ? { kind: 'listing', role: 'column', step: 1, priority: c.priority, reason: c.reason } : 'year link outside a 年报 column';
      }
      // Areas lead down from the homepage; from a column or a report they are the way back up.
      if (ctx.role === 'column' || ctx.role === 'listing' || ctx.role === 'report' || ctx.report) return 'area link from inside a column';
      return { kind: 'listing', role: 'area', step: 1, priority: c.priority, reason: c.reason };
    case 'distractor':
      return `distractor: ${c.reason}`;
    default:
      // A frame holds the page's content (信息公开 platforms embed their column list this way);
      // a meta refresh or a bare script redirect is the page itself moving.
      if (link.source === 'frame' && !ctx.report) return { kind: 'listing', role: ctx.role ?? 'area', step: 0, priority: 60, reason: 'frame' };
      if (link.source === 'refresh' || (link.source === 'script' && !link.text && ctx.anchors < 5)) {
        return { kind: 'listing', role: ctx.role ?? 'home', step: 0, priority: 65, reason: 'redirect' };
      }
      return c.reason;
  }
}

const RANK: Record<RequestKind, number> = { report: 3, attachment: 2, listing: 1 };

/** The next requests from one fetched page of `scope`'s portal. */
export function discover(page: FetchedPage, scope: PortalScope, opts: DiscoverOptions = {}): Discovery {
  const depth = opts.depth ?? 0;
  const challenge = detectChallenge(page);
  const empty = { listings: [], reports: [], attachments: [], skipped: [], isReportListing: false };
  if (challenge) return { ...empty, pageKind: 'other', title: '', browser: { needsBrowser: true, reason: 'challenge', detail: challenge } };

  // A dataproxy response is XML with CDATA records, not a page.
  const isDataproxy = /^\s*(<\?xml[^>]*>\s*)?<datastore>/i.test(page.html);
  const doc = page.doc ?? parseHtml(isDataproxy ? '' : page.html);
  const links = isDataproxy ? parseDataproxy(page.html, page.url).links : extractLinks(doc, page.url);
  const hanweb = isDataproxy ? null : findHanwebList(page.html, page.url);
  // Hanweb keeps the first group's items inside <script type="text/xml">, out of the HTML tree.
  if (hanweb) for (const record of hanweb.records) links.push(...extractLinks(record, page.url));

  const classes = links.map((l) => classifyLink(l));
  const reportLinks = new Set(links.filter((_, i) => classes[i].kind === 'report').map((l) => l.url)).size;
  const title = isDataproxy ? '' : pageTitle(doc);
  const columnTitle = COLUMN_NAMES.some((re) => re.test(title)) && !looksLikeReportTitle(title);
  const role = opts.role ?? (isDataproxy ? 'listing' : undefined);
  const isReportListing = reportLinks >= 2 || (reportLinks >= 1 && (columnTitle || role === 'column' || role === 'listing'));
  const pageIsReport = !isReportListing && !isDataproxy && looksLikeReportTitle(title);
  const list = isReportListing || role === 'column' || role === 'listing' || (columnTitle && !pageIsReport);
  const ctx = { role, list, report: pageIsReport || role === 'report', anchors: links.filter((l) => l.source === 'a').length };

  const chosen = new Map<string, NextRequest>();
  const skipped = new Map<string, SkippedLink>();
  const consider = (req: Omit<NextRequest, 'url'>, rawUrl: string, kind: LinkKind): void => {
    const key0 = `${req.method} ${rawUrl} ${req.body ?? ''}`;
    const verdict = shouldFollow(rawUrl, scope, {
      kind: req.kind,
      depth: req.depth,
      pagesSoFar: opts.pagesSoFar,
      queryVariants: opts.queryVariants?.(safePathKey(rawUrl)),
      now: opts.now,
    });
    if (!verdict.follow) {
      if (!skipped.has(key0)) skipped.set(key0, { url: rawUrl, text: req.text, kind, reason: verdict.reason });
      return;
    }
    const key = `${req.method} ${verdict.url} ${req.body ?? ''}`;
    const prev = chosen.get(key);
    // The same URL linked twice ("更多" and the column name): keep the strongest reading of it.
    if (!prev || RANK[req.kind] > RANK[prev.kind] || (RANK[req.kind] === RANK[prev.kind] && req.priority > prev.priority)) {
      chosen.set(key, { ...req, url: verdict.url });
    }
  };

  const self = pageIdentity(normaliseUrl(page.url) ?? page.url);
  links.forEach((link, i) => {
    const c = classes[i];
    const d = pageIdentity(link.url) === self ? 'the page itself' : decide(link, c, ctx);
    const text = cleanText(link.title || link.text);
    if (typeof d === 'string') {
      const key = `GET ${link.url} `;
      if (!skipped.has(key)) skipped.set(key, { url: link.url, text, kind: c.kind, reason: d });
      return;
    }
    consider({ method: 'GET', kind: d.kind, role: d.role, depth: depth + d.step, priority: d.priority, reason: d.reason, text }, link.url, c.kind);
  });

  if (list && !isDataproxy) {
    const maxPages = scope.limits.maxListingPages;
    for (const p of paginationRequests({ url: page.url, html: page.html, doc, links }, { maxPages, lastYear: opts.now?.getFullYear() })) {
      const { url, ...rest } = p;
      if (p.method === 'GET' && pageIdentity(url) === self) continue;
      consider({ ...rest, kind: 'listing', role: 'listing', depth, priority: 72, text: '' }, url, 'pagination');
    }
  }

  // A skip is reported only for URLs no other link to them made worth following.
  const followed = new Set([...chosen.values()].map((r) => r.url));
  const out: Discovery = {
    listings: [],
    reports: [],
    attachments: [],
    skipped: [...skipped.values()].filter((s) => !followed.has(normaliseUrl(s.url) ?? s.url)),
    isReportListing,
    pageKind: isReportListing ? 'reportListing' : pageIsReport ? 'report' : chosen.size ? 'navigation' : 'other',
    title,
    browser: NO_BROWSER,
  };
  for (const r of chosen.values()) (r.kind === 'report' ? out.reports : r.kind === 'attachment' ? out.attachments : out.listings).push(r);
  for (const xs of [out.listings, out.reports, out.attachments]) xs.sort((a, b) => b.priority - a.priority);

  // A list shell: asked for as a column (or a navigation page that yields nothing to follow) whose
  // links are not in the HTML. Homepages with a script-built news box are not shells.
  const leadsNowhere = !out.listings.some((r) => r.role === 'column' || r.role === 'listing') && reportLinks === 0;
  if (!isDataproxy && page.status >= 200 && page.status < 300 && (list || leadsNowhere)) {
    const shell = detectJsList(page.html, reportLinks, doc);
    if (shell) out.browser = { needsBrowser: true, reason: 'js-list', detail: shell };
  }
  return out;
}

/** `dir/` and `dir/index.html` are one page on every CMS seen; a link between them is a self-link. */
function pageIdentity(url: string): string {
  return url.replace(/\/(index|default)\.(s?html?|jhtml|jsp|aspx?|php)(?=$|\?)/i, '/');
}

function safePathKey(url: string): string {
  try {
    return pathKey(url);
  } catch {
    return url;
  }
}
