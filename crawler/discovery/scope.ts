/**
 * Where a portal's crawl may go, and when it must stop. A portal's pages live on its homepage host,
 * the hosts of its known 年报 columns and hosts the list names; its information-disclosure platform
 * often sits on a sibling host (xxgk.demo-county.gov.cn beside www.demo-county.gov.cn) and its
 * attachments on a file host (file.demo-county.gov.cn). Siblings are in scope when the portal owns
 * the whole registrable domain (its homepage is `www.<domain>` or `<domain>`); a department portal
 * on nmj.xlgl.gov.cn does not own xlgl.gov.cn, so the city's other hosts are out of its scope for
 * pages but still allowed for attachments.
 *
 * Trap guards end crawls that would never end on their own: calendars, paths that grow by repeating
 * themselves, query strings that multiply, session ids in URLs.
 */

export interface ScopeLimits {
  /** Navigation hops from the homepage to a listing (home → 政务公开 → 信息公开 → 年报 column = 3). */
  maxDepth: number;
  /** Pages (all kinds) per portal per run. */
  maxPages: number;
  /** Pages per listing (passed to pagination.ts). */
  maxListingPages: number;
  /** Distinct query strings on one path before further ones are refused. */
  maxQueryVariants: number;
}

/** Defaults: a real portal reaches its 年报 column within 4 hops; the largest portals in
 * portals.csv publish a few thousand reports (departments, towns, streets, 15 years). */
export const DEFAULT_LIMITS: ScopeLimits = { maxDepth: 5, maxPages: 20_000, maxListingPages: 200, maxQueryVariants: 300 };

export interface PortalScope {
  homepage: string;
  /** Column URLs known from the portal list; they are crawled whatever their host. */
  columns: string[];
  /** Hosts whose pages belong to the portal (lower-case hostnames). */
  pageHosts: Set<string>;
  /** Registrable domains whose hosts may serve attachments (and pages, when `ownsDomain`). */
  domains: Set<string>;
  ownsDomain: boolean;
  limits: ScopeLimits;
}

export interface ScopeInput {
  homepage: string;
  reportColumns?: string[];
  /** Further hosts from the portal list (an xxgk platform on another domain). */
  extraHosts?: string[];
}

/**
 * Second-level suffixes under which names are registered, as in the Public Suffix List for .cn:
 * the functional ones (gov.cn, com.cn …) and the provincial ones (bj.cn, sh.cn …).
 */
const CN_SUFFIXES = new Set([
  'gov', 'com', 'net', 'org', 'edu', 'ac', 'mil',
  'bj', 'tj', 'he', 'sx', 'nm', 'ln', 'jl', 'hl', 'sh', 'js', 'zj', 'ah', 'fj', 'jx', 'sd', 'ha', 'hb', 'hn',
  'gd', 'gx', 'hi', 'cq', 'sc', 'gz', 'yn', 'xz', 'sn', 'gs', 'qh', 'nx', 'xj', 'tw', 'hk', 'mo',
]);

/**
 * The registrable domain of a host: `www.changzhi.gov.cn` → `changzhi.gov.cn`, `a.b.example.com` →
 * `example.com`. IP addresses and single labels (localhost) are their own domain.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  if (/^\d+(\.\d+){3}$/.test(h) || h.startsWith('[')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const n = labels.length;
  const suffixLen = labels[n - 1] === 'cn' && CN_SUFFIXES.has(labels[n - 2]) ? 2 : 1;
  return labels.slice(n - suffixLen - 1).join('.');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function makeScope(input: ScopeInput, limits: Partial<ScopeLimits> = {}): PortalScope {
  const home = hostOf(input.homepage);
  if (!home) throw new Error(`homepage is not a URL: ${input.homepage}`);
  const columns = input.reportColumns ?? [];
  const pageHosts = new Set<string>([home]);
  for (const c of columns) {
    const h = hostOf(c);
    if (h) pageHosts.add(h);
  }
  for (const h of input.extraHosts ?? []) pageHosts.add(h.toLowerCase());
  const domains = new Set([...pageHosts].map(registrableDomain));
  const homeDomain = registrableDomain(home);
  return {
    homepage: input.homepage,
    columns,
    pageHosts,
    domains,
    ownsDomain: home === homeDomain || home === `www.${homeDomain}`,
    limits: { ...DEFAULT_LIMITS, ...limits },
  };
}

export type ScopeRole = 'page' | 'attachment';

/** Is `host` in scope for pages or attachments? */
export function hostInScope(host: string, scope: PortalScope, role: ScopeRole): boolean {
  const h = host.toLowerCase();
  if (scope.pageHosts.has(h)) return true;
  const d = registrableDomain(h);
  if (!scope.domains.has(d)) return false;
  return role === 'attachment' || (scope.ownsDomain && d === registrableDomain(new URL(scope.homepage).hostname));
}

// ---- traps ---------------------------------------------------------------------------------------

/** Session ids in paths (`;jsessionid=…`) and queries; they make one page look like many. */
const SESSION_PATH = /;(jsessionid|sid|phpsessid)=[^/?#]*/gi;
export const SESSION_PARAMS = /^(jsessionid|phpsessid|aspsessionid\w*|sessionid|sessid|sid|cfid|cftoken|_session_id)$/i;

/** The URL without session ids: the form to queue and de-duplicate. */
export function stripSessionIds(url: string): string {
  const u = new URL(url);
  u.pathname = u.pathname.replace(SESSION_PATH, '');
  for (const key of [...u.searchParams.keys()]) if (SESSION_PARAMS.test(key)) u.searchParams.delete(key);
  if (u.href.endsWith('?')) u.search = '';
  return u.href;
}

const MAX_URL_LENGTH = 1000;
const MAX_PARAMS = 10;
const MAX_SEGMENTS = 15;
/** Query names that carry a calendar day; the year alone (`fbtime=2023`) is a legitimate listing key. */
const DATE_PARAM = /^(d|date|day|dt|time|rq|riqi|today|month|yue|ym|startdate|enddate|begin|end|from|to)$/i;
const FULL_DATE = /^(19|20)\d{2}[-/.]?(0?[1-9]|1[0-2])([-/.]?(0?[1-9]|[12]\d|3[01]))?$/;

/**
 * Why a URL looks like a trap, or null. `now` bounds year-like values: a listing asked for a year
 * beyond next year is a calendar walking forward.
 */
export function trapReason(url: string, now = new Date()): string | null {
  if (url.length > MAX_URL_LENGTH) return `trap: URL longer than ${MAX_URL_LENGTH}`;
  const u = new URL(url);
  const segments = u.pathname.split('/').filter(Boolean);
  if (segments.length > MAX_SEGMENTS) return `trap: path deeper than ${MAX_SEGMENTS} segments`;
  if (/\/(calendar|rili|richeng)(\/|$)/i.test(u.pathname) || /calendar/i.test(segments.at(-1) ?? '')) return 'trap: calendar';
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [s, n] of counts) if (n >= 3) return `trap: segment "${s}" repeated ${n} times`;
  // a/b/a/b: a relative link resolved against itself, over and over.
  for (let len = 2; len <= segments.length / 2; len++) {
    for (let i = 0; i + 2 * len <= segments.length; i++) {
      const a = segments.slice(i, i + len).join('/');
      if (a === segments.slice(i + len, i + 2 * len).join('/')) return `trap: repeated path "${a}"`;
    }
  }
  const params = [...u.searchParams];
  if (params.length > MAX_PARAMS) return `trap: ${params.length} query parameters`;
  for (const [key, value] of params) {
    if (DATE_PARAM.test(key) && FULL_DATE.test(value.trim())) return `trap: calendar date ${key}=${value}`;
    // A date under any name that lies ahead: a "next day/month" link walking into the future.
    const ahead = /^((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(value.trim());
    if (ahead && Date.UTC(+ahead[1], +ahead[2] - 1, +(ahead[3] ?? 1)) > now.getTime() + 31 * 86_400_000) {
      return `trap: date ${value} in the future`;
    }
    if (/^(year|nd|nf|fbtime)$/i.test(key) && /^\d{4}$/.test(value) && Number(value) > now.getFullYear() + 1) {
      return `trap: year ${value} in the future`;
    }
  }
  return null;
}

// ---- the decision --------------------------------------------------------------------------------

export type RequestKind = 'listing' | 'report' | 'attachment';

export interface FollowContext {
  kind: RequestKind;
  /** Depth the request would have (the homepage is 0; pagination keeps its listing's depth). */
  depth: number;
  /** Pages already taken for this portal in this run. */
  pagesSoFar?: number;
  /** Distinct queries already seen on this URL's path (see `pathKey`). */
  queryVariants?: number;
  now?: Date;
}

export type FollowDecision = { follow: true; url: string } | { follow: false; reason: string };

/** Key for counting query variants: origin and path without the query. */
export function pathKey(url: string): string {
  const u = new URL(url);
  return u.origin + u.pathname;
}

/**
 * Whether to request `url`, and in which form (session ids stripped). Known column URLs are always
 * followed (the list vouches for them). Depth limits navigation only: a report or an attachment is a
 * leaf, chosen by its title, and is taken at any depth.
 */
export function shouldFollow(url: string, scope: PortalScope, ctx: FollowContext): FollowDecision {
  let clean: string;
  try {
    clean = stripSessionIds(url);
  } catch {
    return { follow: false, reason: 'not a URL' };
  }
  const u = new URL(clean);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { follow: false, reason: `scheme ${u.protocol}` };
  if (scope.columns.includes(clean)) return { follow: true, url: clean };
  if (!hostInScope(u.hostname, scope, ctx.kind === 'attachment' ? 'attachment' : 'page')) {
    return { follow: false, reason: `out of scope: ${u.hostname}` };
  }
  const trap = trapReason(clean, ctx.now);
  if (trap) return { follow: false, reason: trap };
  if (u.search && (ctx.queryVariants ?? 0) >= scope.limits.maxQueryVariants) {
    return { follow: false, reason: `trap: more than ${scope.limits.maxQueryVariants} query variants of ${u.pathname}` };
  }
  if (ctx.kind === 'listing' && ctx.depth > scope.limits.maxDepth) {
    return { follow: false, reason: `too deep: ${ctx.depth} > ${scope.limits.maxDepth}` };
  }
  if ((ctx.pagesSoFar ?? 0) >= scope.limits.maxPages) return { follow: false, reason: `page cap ${scope.limits.maxPages} reached` };
  return { follow: true, url: clean };
}
