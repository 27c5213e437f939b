/**
 * Links out of a fetched page. Government portals hide many of their links outside `a[href]`:
 * menus open columns with `onclick="window.open('…')"`, TRS templates write list items with
 * `document.write('<a href=…>')`, root pages of a portal redirect with `<meta http-equiv=refresh>` or
 * `location.href='…'`, and 信息公开 platforms embed their column lists in an `<iframe>`. Each is read
 * here, resolved against `<base href>` (else the page URL), and normalised so the same page is one URL.
 *
 * The tree comes from htmlparser2 (through parsers/html/dom.ts), not cheerio's parse5: it is about five
 * times faster and a listing page is parsed once for links, pagination and the browser check together.
 */
import { textContent } from 'domutils';
import { attr, findAll, parseHtml, type Document, type Element } from '../../parsers/html/dom.ts';

/** Where on the page a link was found; the classifier trusts anchor text, a frame has none. */
export type LinkSource = 'a' | 'area' | 'onclick' | 'script' | 'refresh' | 'frame';

export interface Link {
  /** Absolute, normalised http(s) URL (no fragment, query kept). */
  url: string;
  /** Anchor text, whitespace collapsed ('' when there is none). */
  text: string;
  /** The `title` attribute: listings often truncate the text (…) and keep the full title here. */
  title: string;
  source: LinkSource;
}

/** Schemes that never lead to a document the crawler can fetch. */
const DEAD_SCHEMES = /^(javascript|mailto|tel|sms|data|about|vbscript|file|ftp|blob|weixin|tencent):/i;

/**
 * URL literals in script code that navigates: `window.open('…')`, `location.href = '…'`,
 * `window.location = "…"`, `location.replace('…')`, `location.assign('…')`. Patterns from portal menus
 * (`onclick="window.open('/zwgk/')"`) and root redirect pages (`<script>window.location.href="./xxgk/"`).
 */
const NAVIGATION_CALLS = [
  /\bwindow\.open\s*\(\s*(['"])([^'"]+)\1/g,
  /\blocation(?:\.href)?\s*=\s*(['"])([^'"]+)\1/g,
  /\blocation\.(?:replace|assign)\s*\(\s*(['"])([^'"]+)\1/g,
];

/** String literals in a script that contain an anchor (`document.write("<a href='…'>…</a>")`). */
const STRING_LITERAL = /(['"])((?:(?!\1)[^\\\n]|\\.)*)\1/g;

/** Collapse whitespace, including the full-width space and &nbsp; that list items are padded with. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * The canonical form of a URL: lower-case scheme and host (URL does that), no default port, no
 * fragment, query kept (listing pages and Hanweb viewers are addressed by query). `null` for anything
 * that is not http(s).
 */
export function normaliseUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  // `?` with nothing after it is the same resource as no query at all.
  if (u.href.endsWith('?')) u.search = '';
  return u.href;
}

/**
 * Resolve an href as a browser would: trimmed, backslashes treated as slashes (seen in Windows-built
 * CMS exports: `.\202401\t2024…html`), then against the base. `null` when it leads nowhere.
 */
export function resolveHref(href: string, base: string): string | null {
  const h = href.trim().replace(/[\r\n\t]/g, '');
  if (!h || h.startsWith('#') || DEAD_SCHEMES.test(h)) return null;
  let abs: string;
  try {
    abs = new URL(h.replace(/\\/g, '/'), base).href;
  } catch {
    return null;
  }
  return normaliseUrl(abs);
}

/** The base URL of a page: the first `<base href>` (itself resolved against the page URL), else the page. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const base = findAll(doc, (el) => el.name === 'base' && !!el.attribs.href)[0];
  if (base) {
    try {
      return new URL(attr(base, 'href').trim(), pageUrl).href;
    } catch {
      // A malformed <base> is ignored by browsers too.
    }
  }
  return pageUrl;
}

/** URLs a piece of script code navigates to. Exported for the `javascript:` hrefs of menus. */
export function navigationTargets(code: string): string[] {
  const out: string[] = [];
  for (const re of NAVIGATION_CALLS) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[2]);
  }
  return out;
}

function anchorText(el: Element): string {
  return cleanText(textContent(el));
}

/** Parse once, then call the DOM variant; string input is for callers that have no tree yet. */
export function extractLinks(page: Document | string, pageUrl: string): Link[] {
  const doc = typeof page === 'string' ? parseHtml(page) : page;
  const base = baseUrlOf(doc, pageUrl);
  const out: Link[] = [];
  const seen = new Set<string>();
  const push = (href: string, text: string, title: string, source: LinkSource, against = base): void => {
    const url = resolveHref(href, against);
    if (!url) return;
    // The same URL may appear in a menu and in the body; keep the one with the most telling text.
    const key = `${url}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ url, text, title, source });
  };

  for (const el of findAll(doc, () => true)) {
    const name = el.name;
    if (name === 'a' || name === 'area') {
      const href = attr(el, 'href').trim();
      const text = name === 'a' ? anchorText(el) : cleanText(attr(el, 'alt'));
      const title = cleanText(attr(el, 'title'));
      if (/^javascript:/i.test(href)) {
        for (const t of navigationTargets(decodeURIComponentSafe(href))) push(t, text, title, 'onclick');
      } else if (href) {
        push(href, text, title, name);
      }
    } else if (name === 'iframe' || name === 'frame') {
      const src = attr(el, 'src');
      if (src) push(src, cleanText(attr(el, 'title') || attr(el, 'name')), '', 'frame');
    } else if (name === 'meta' && /^refresh$/i.test(attr(el, 'http-equiv'))) {
      const m = /url\s*=\s*['"]?([^'";]+)/i.exec(attr(el, 'content'));
      if (m) push(m[1], '', '', 'refresh');
    } else if (name === 'script' && !el.attribs.src) {
      const type = attr(el, 'type').toLowerCase();
      // text/xml holds Hanweb's <datastore>, read by pagination.ts; templates are not navigation.
      if (type && !/javascript|ecmascript|^module$/.test(type)) continue;
      const code = textContent(el);
      for (const t of navigationTargets(code)) push(t, '', '', 'script');
      for (const link of scriptAnchors(code, base)) push(link.url, link.text, link.title, 'script', link.url);
    }
    const onclick = el.attribs.onclick;
    if (onclick && name !== 'script') {
      const text = anchorText(el);
      for (const t of navigationTargets(onclick)) push(t, text, cleanText(attr(el, 'title')), 'onclick');
    }
  }
  return out;
}

/**
 * Anchors inside string literals of a script: the TRS idiom
 * `document.write("<a href='./202401/t20240119_1.html' title='…'>…</a>")`. Only literal HTML is read;
 * anchors assembled by concatenating variables are left to the browser.
 */
function scriptAnchors(code: string, base: string): Link[] {
  if (!/<a\s/i.test(code)) return [];
  const out: Link[] = [];
  STRING_LITERAL.lastIndex = 0;
  for (let m = STRING_LITERAL.exec(code); m; m = STRING_LITERAL.exec(code)) {
    // Only an anchor whose quoted href closes inside the literal: `'<a href="./' + id` is not a URL.
    if (!/<a\s[^>]*href\s*=\s*(?:\\?"[^"\\]*\\?"|\\?'[^'\\]*\\?')/i.test(m[2])) continue;
    // A literal ends where a concatenation ('"+url+"') starts, so what is left is a literal href.
    out.push(...extractLinks(m[2].replace(/\\(['"/\\])/g, '$1'), base));
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
