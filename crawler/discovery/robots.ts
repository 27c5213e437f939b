/**
 * robots.txt, through `robots-parser` (3.0.1, MIT, samclarke/robots-parser: groups, Allow/Disallow by
 * longest match, `*` and `$`, Crawl-delay, Sitemap; the parser crawlee itself uses). It is in
 * node_modules as a dependency of @crawlee/utils and must be declared in package.json as a direct
 * dependency ("robots-parser": "3.0.1") before this module is relied on.
 *
 * What the library leaves to the caller is decided here, following RFC 9309 §2.3.1:
 * - the robots.txt answered 4xx (none there; 412/403 from a challenge page included): everything allowed;
 * - it answered 5xx, or could not be fetched: nothing allowed, for now (the caller retries later);
 * - the body is a challenge or an HTML error page served with 200: treated as empty, allowing all.
 * Rules apply to one origin (scheme, host, port); asking about another origin is a caller's error.
 */
import robotsParserModule from 'robots-parser';

type RobotsParser = (typeof import('robots-parser'))['default'];
// The package is CommonJS (`module.exports = function`) but its typings declare an ES default export;
// under NodeNext the default import is module.exports itself, typed as the namespace. Take either.
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

export interface RobotsRules {
  /** The robots.txt URL these rules came from. */
  url: string;
  allowed(url: string): boolean;
  /** Seconds, from the group that applies to our user agent (else the `*` group). */
  crawlDelay: number | undefined;
  sitemaps: string[];
  /** How the rules were obtained, for the fetch log. */
  basis: 'parsed' | 'absent' | 'unavailable';
}

/** The robots.txt URL for a page URL. */
export function robotsUrlFor(url: string): string {
  return new URL('/robots.txt', url).href;
}

/**
 * The product token robots.txt groups are matched against: `nianbao` from
 * `nianbao/0.1 (+https://…)` or from `Mozilla/5.0 (compatible; nianbao/0.1; +https://…)`.
 */
export function productToken(userAgent: string): string {
  const compatible = /compatible;\s*([A-Za-z][\w-]*)/.exec(userAgent);
  const token = compatible ? compatible[1] : /^\s*([A-Za-z][\w-]*)/.exec(userAgent)?.[1];
  return (token ?? userAgent).toLowerCase();
}

function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

function fixed(robotsUrl: string, allow: boolean, basis: RobotsRules['basis']): RobotsRules {
  return {
    url: robotsUrl,
    allowed(url: string): boolean {
      if (!sameOrigin(url, robotsUrl)) throw new RangeError(`${url} is not covered by ${robotsUrl}`);
      return allow;
    },
    crawlDelay: undefined,
    sitemaps: [],
    basis,
  };
}

/**
 * Rules from a robots.txt response. `status` null means the fetch failed (DNS, timeout, reset).
 * `userAgent` is our full User-Agent header; its product token selects the group.
 */
export function parseRobots(robotsUrl: string, response: { status: number | null; body: string }, userAgent: string): RobotsRules {
  const { status, body } = response;
  if (status === null || status >= 500) return fixed(robotsUrl, false, 'unavailable');
  if (status >= 400) return fixed(robotsUrl, true, 'absent');
  // An HTML page in place of robots.txt (soft 404, challenge with 200) has no rules.
  const text = /^\s*<(!doctype|html|head|body|script|meta)\b/i.test(body) ? '' : body.replace(/^\uFEFF/, '');
  const robots = robotsParser(robotsUrl, text);
  const ua = productToken(userAgent);
  return {
    url: robotsUrl,
    allowed(url: string): boolean {
      const verdict = robots.isAllowed(url, ua);
      if (verdict === undefined) throw new RangeError(`${url} is not covered by ${robotsUrl}`);
      return verdict;
    },
    crawlDelay: robots.getCrawlDelay(ua),
    sitemaps: robots.getSitemaps(),
    basis: text ? 'parsed' : 'absent',
  };
}
