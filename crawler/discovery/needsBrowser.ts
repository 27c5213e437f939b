/**
 * Does this response need Chromium? Two reasons occur on government portals:
 *
 * 1. A JavaScript challenge instead of the page. 瑞数 (River Security, "RS") answers 412 (older
 *    versions 202) with a `<meta id=… content=… r="m">`, a `$_ts` bootstrap and a script that sets a
 *    cookie and reloads; 加速乐 (Knownsec) answers 521 with `document.cookie=…__jsl_clearance…`;
 *    360 网站卫士 sends `wzws_cid` and a `wzwschallenge`; 云锁 `yunsuo_session_verify`. The HTTP client
 *    cannot pass these; a browser can.
 * 2. A list shell: the page is served, but its list is filled in by script from a JSON API (集约化
 *    platforms: `$.ajax({url: '/api-gateway/…'})`, `fetch(…)`, Vue `v-for`, avalon `ms-repeat`, art-template
 *    `<script type="text/html">`) and the static HTML has no report links.
 *
 * A Hanweb page with an inline `<datastore>` is not a shell: its data is in the HTML (pagination.ts).
 */
import { textContent } from 'domutils';
import { attr, findAll, parseHtml, type Document, type Element } from '../../parsers/html/dom.ts';

export type BrowserReason = 'challenge' | 'js-list';

export interface BrowserVerdict {
  needsBrowser: boolean;
  reason: BrowserReason | null;
  /** Which signal decided, e.g. "瑞数 412 ($_ts)" or "empty #list + $.ajax". */
  detail: string;
}

export interface ResponseLike {
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  html: string;
}

/** Statuses challenge products answer with before the cookie is set. */
export const CHALLENGE_STATUSES: readonly number[] = [412, 202, 521, 403, 503, 468];

/** Body signatures of challenge scripts, with the product they identify. */
export const CHALLENGE_SIGNS: readonly { re: RegExp; name: string }[] = [
  { re: /\$_ts\s*=|window\[['"]\$_ts['"]\]|\$_ts\.(nsd|cd)\b/, name: '瑞数 ($_ts)' },
  { re: /<(meta|script)\b[^>]*\sr=["']?m["']?[\s/>]/i, name: '瑞数 (r="m")' },
  { re: /__jsl_clearance|__jsluid/, name: '加速乐 (__jsl_clearance)' },
  { re: /wzwschallenge|wzwsconfirm|wzws_cid/i, name: '网站卫士 (wzws)' },
  { re: /yunsuo_session_verify|security_verify_data/, name: '云锁 (yunsuo)' },
];

/** Cookie names these products set along with the challenge. */
const CHALLENGE_COOKIES = /(^|[;,\s])(__jsluid(_[hs])?|wzws_cid|yunsuo_session_verify|[A-Za-z0-9]{8,}(80|443)[ST]|FSSBBIl1UgzbN7N\w*)=/;

/**
 * A generic challenge: a small page whose only job is to set a cookie and load itself again. Real pages
 * set cookies too, so it counts only on a short body with no visible text to speak of.
 */
const COOKIE_AND_RELOAD = /document\.cookie\s*=[\s\S]{0,4000}?(location\.(reload|replace|href)|window\.location|setTimeout)/;

function header(res: ResponseLike, name: string): string {
  const v = res.headers?.[name] ?? res.headers?.[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v ?? '';
}

/** The challenge product a response comes from, or null. */
export function detectChallenge(res: ResponseLike): string | null {
  const body = res.html;
  const sign = CHALLENGE_SIGNS.find((s) => s.re.test(body));
  // A signature counts on a challenge status, or on any status when the page has next to no text
  // (a real page may mention __jsluid in an analytics snippet; a challenge page shows nothing).
  if (sign && (CHALLENGE_STATUSES.includes(res.status) || visibleTextLength(body) < 200)) return `${sign.name}, status ${res.status}`;
  const cookie = header(res, 'set-cookie');
  const challengeStatus = CHALLENGE_STATUSES.includes(res.status);
  if (challengeStatus && CHALLENGE_COOKIES.test(cookie) && visibleTextLength(body) < 200) return `challenge cookie, status ${res.status}`;
  if ((challengeStatus || res.status === 200) && body.length < 20_000 && COOKIE_AND_RELOAD.test(body) && visibleTextLength(body) < 100) {
    return `cookie-and-reload script, status ${res.status}`;
  }
  return null;
}

function visibleTextLength(html: string): number {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|[\s\u3000]/g, '').length;
}

/** Script code that loads data after the page has loaded. */
export const DATA_FETCH = /\$\.(ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|\baxios\b|new\s+XMLHttpRequest|\.load\s*\(\s*['"]/;
/** Client-side templates: Vue, avalon (ms-*, used by several provincial platforms), Angular, art-template, layui. */
export const TEMPLATE_SIGNS = /\bv-for=|\bms-(repeat|for|each)\b|\bng-repeat=|\{\{\s*(item|el|list|row|data)\b|\{\{each\b|<%\s*for\b|laytpl|\bx-for=/;
/** Names of list containers in listing templates. */
const LIST_NAME = /list|news|xxgk|gknb|content|article|data|lb|items?$|wzlb|zfxxgk|result/i;

/** A list container with nothing listed in it: no links, hardly any text. */
function emptyListContainers(doc: Document): Element[] {
  return findAll(doc, (el) => {
    if (!['ul', 'ol', 'div', 'tbody', 'table', 'dl', 'section'].includes(el.name)) return false;
    const name = `${attr(el, 'id')} ${attr(el, 'class')}`;
    if (!LIST_NAME.test(name)) return false;
    if (findAll(el, (c) => c.name === 'a' && !!c.attribs.href).length > 0) return false;
    return textContent(el).replace(/[\s\u3000]/g, '').length < 20;
  });
}

/**
 * Is the listing rendered by script? `reportLinks` is how many report links the static HTML holds
 * (from classify.ts); a page with report links is crawlable as it is whatever its scripts do.
 */
export function detectJsList(html: string, reportLinks: number, parsed?: Document): string | null {
  if (reportLinks > 0) return null;
  const doc = parsed ?? parseHtml(html);
  const scripts = findAll(doc, (el) => el.name === 'script');
  const code = scripts.filter((s) => !s.attribs.src).map((s) => textContent(s)).join('\n');
  if (/<datastore>/i.test(code)) return null;
  const templates = scripts.some((s) => /text\/(html|template|x-template)/i.test(attr(s, 'type')));
  const markup = TEMPLATE_SIGNS.test(html);
  const fetches = DATA_FETCH.test(code);
  const empty = emptyListContainers(doc);
  // Name the list itself (the ul/tbody) rather than the wrappers around it, which are empty too.
  const list = empty.find((el) => ['ul', 'ol', 'tbody', 'dl'].includes(el.name)) ?? empty.at(-1);
  const emptyName = list ? `empty ${describe(list)}` : '';
  if (markup) return `client-side template${emptyName ? ` + ${emptyName}` : ''}`;
  if (templates && fetches) return 'script template + data fetch';
  if (empty.length && fetches) return `${emptyName} + data fetch`;
  // The fetching code is in an external file: the page still says so with a loading placeholder in
  // the list or a <noscript> asking for JavaScript (集约化 platforms' column pages).
  const external = scripts.some((s) => !!s.attribs.src);
  const placeholder = empty.some((el) => LOADING.test(textContent(el)));
  const noscript = findAll(doc, (el) => el.name === 'noscript').some((el) => /JavaScript|脚本/i.test(textContent(el)));
  if (empty.length && external && (placeholder || noscript)) return `${emptyName} + external list script`;
  return null;
}

/** Placeholders a list shows until its script has filled it. */
const LOADING = /加载中|正在加载|载入中|loading/i;

function describe(el: Element): string {
  const id = attr(el, 'id');
  const cls = attr(el, 'class').split(/\s+/)[0];
  return id ? `#${id}` : cls ? `.${cls}` : el.name;
}

/** The verdict for one response; `reportLinks` as in `detectJsList`. */
export function needsBrowser(res: ResponseLike, reportLinks: number, doc?: Document): BrowserVerdict {
  const challenge = detectChallenge(res);
  if (challenge) return { needsBrowser: true, reason: 'challenge', detail: challenge };
  if (res.status >= 200 && res.status < 300) {
    const list = detectJsList(res.html, reportLinks, doc);
    if (list) return { needsBrowser: true, reason: 'js-list', detail: list };
  }
  return { needsBrowser: false, reason: null, detail: '' };
}
