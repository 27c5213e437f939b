/**
 * 澜江省人民政府 (www.demo-province.gov.cn), protected the way 瑞数-guarded government sites are: a
 * client without the right cookies gets HTTP 412 and a page whose script computes a cookie from a value
 * in the page and reloads; a browser that runs it gets the real page, a plain HTTP client never does.
 * robots.txt (served unprotected) has a Crawl-delay and disallows /search/ and /private/, where a
 * report-looking draft sits. Columns follow the Hebei-style /columns/<uuid>/YYYYMM/DD/<uuid>.html.
 */
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { challengeContent } from '../content/catalog.ts';
import { PortalRecorder } from '../manifest.ts';
import type { Portal, RequestContext, PageResponse } from '../site.ts';
import { Site, dateOf, hexId, htmlResponse, paginate, ymd } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets, BASE_CSS } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'www.demo-province.gov.cn';
const ID: SiteIdentity = {
  name: '澜江省人民政府', weatherCity: '澜江', sponsor: '澜江省人民政府办公厅', address: '澜江省江城市省府路1号',
  phone: '0990-88888888', icp: '澜ICP备05000001号', police: '澜公网安备 99000002000001号', siteCode: '9900000001',
};
export const COOKIE_S = 'FSSBBIl1UgzbN7N80S';
export const COOKIE_T = 'FSSBBIl1UgzbN7N80T';
export const ROBOTS_TXT = 'User-agent: *\nCrawl-delay: 1\nDisallow: /search/\nDisallow: /private/\n';
const EXEMPT = new Set(['/robots.txt', '/favicon.ico']);

/** The value the challenge script derives from the page's token (FNV-1a, as the script computes it). */
export function challengeAnswer(token: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${token}$_ts`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${h.toString(36)}.${token.length}`;
}

function challengePage(token: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta id="9DhefwqGPrzGxEp9hPaoag" content="${token}" r="m"><title></title>
<script type="text/javascript">var $_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=${token.length * 7919};$_ts.cd="qEacrAlqDqLxqqqr${token.slice(0, 6)}";</script>
<script type="text/javascript" r="m">(function(){var _$j=document.getElementById('9DhefwqGPrzGxEp9hPaoag').getAttribute('content'),_$h=0x811c9dc5,_$s=_$j+'$_ts';
for(var _$i=0;_$i<_$s.length;_$i++){_$h=Math.imul(_$h^_$s.charCodeAt(_$i),0x01000193)>>>0;}
document.cookie='${COOKIE_T}='+_$h.toString(36)+'.'+_$j.length+'; path=/';setTimeout(function(){location.reload();},10);})();</script>
</head><body></body></html>`;
}

/** A Site whose every page (but robots.txt) stands behind the cookie challenge. */
class ChallengeSite extends Site {
  private issued = 0;

  override handle(ctx: RequestContext): PageResponse {
    if (EXEMPT.has(ctx.path)) return super.handle(ctx);
    const token = ctx.cookies[COOKIE_S];
    if (token && ctx.cookies[COOKIE_T] === challengeAnswer(token)) return super.handle(ctx);
    const fresh = `${(0x5f3759df + ++this.issued * 2654435761 >>> 0).toString(16)}${hexId(String(this.issued), 8)}`;
    return {
      ...htmlResponse(challengePage(fresh), 412),
      headers: { 'Set-Cookie': `${COOKIE_S}=${fresh}; Path=/; HttpOnly`, 'Cache-Control': 'no-cache, no-store' },
    };
  }
}

function layout(title: string, crumbs: [string, string | null][], main: string, date = '2025-03-26'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${e(title)}</title><link rel="stylesheet" href="/css/main.css"></head>
<body><div class="head-top"><div class="wrap">${chrome.weatherBanner(ID, date, '小雨')} ${chrome.greeting(ID)} ${chrome.accessibility()} ${chrome.loginWidget()}</div></div>
<div class="head"><div class="wrap"><a href="/"><img src="/images/logo.png" alt="${ID.name}"></a></div></div>
<div class="nav"><div class="wrap"><a href="/">首页</a><a href="/columns/${hexId('zwgk', 8)}/index.html">政务公开</a><a href="/zwgk/index.html">政府信息公开</a><a href="javascript:;">政务服务</a><a href="javascript:;">互动交流</a></div></div>
<div class="wrap">${crumbs.length ? chrome.breadcrumbs([['首页', '/'], ...crumbs]) : ''}${main}</div>${chrome.footer(ID)}</body></html>`;
}

function uuid(seed: string): string {
  const h = hexId(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function article(title: string, date: string | null, source: string | null, body: string, crumbs: [string, string | null][]): string {
  const info = [date ? `发布日期：${date}` : '', source ? `来源：${e(source)}` : ''].filter(Boolean).join('　');
  return layout(`${title}_${ID.name}`, crumbs, `<div class="article"><h1>${e(title)}</h1><div class="info">${info}　${chrome.fontTools()}</div>
<div class="article-body" id="zoom">${body}</div>${chrome.shareBar()}${chrome.printClose()}</div>`, date ?? undefined);
}

export function challengePortal(): Portal {
  const site = new ChallengeSite(HOST);
  const rec = new PortalRecorder();
  const content = challengeContent();

  const column = (key: string, name: string, perPage: number, docs: (ReportDoc | DistractorDoc)[], isReportColumn: boolean) => {
    const base = `/columns/${uuid(key)}/`;
    const crumbs: [string, string | null][] = [['政府信息公开', '/zwgk/index.html'], [name, `${base}index.html`]];
    const items = [...docs].sort((a, b) => b.date.localeCompare(a.date)).map((doc) => {
      const d = ymd(doc.date);
      const path = `${base}${d.ym}/${doc.date.slice(8)}/${uuid(doc.id)}.html`;
      if ('truth' in doc) {
        site.page(path, () => article(doc.truth.title ?? '', doc.truth.publishedOn, doc.truth.publisher, reportBodyHtml(doc), crumbs), { lastModified: dateOf(doc.date) });
        rec.report(site.url(path), doc, 'html', site.url(`${base}index.html`));
        return { title: doc.truth.title ?? '', date: doc.date, path };
      }
      site.page(path, () => article(doc.title, doc.date, doc.publisher, blocksHtml(doc.body), crumbs), { lastModified: dateOf(doc.date) });
      rec.distractor(site.url(path), doc, site.url(`${base}index.html`));
      return { title: doc.title, date: doc.date, path };
    });
    const pages = paginate(items, perPage);
    pages.forEach((pageItems, i) => {
      const file = i === 0 ? 'index.html' : `index_${i + 1}.html`;
      const pager = pages.map((_, k) => (k === i ? `<span class="cur">${k + 1}</span>` : `<a href="${k === 0 ? 'index.html' : `index_${k + 1}.html`}">${k + 1}</a>`)).join(' ');
      site.page(`${base}${file}`, () => layout(`${name}_${ID.name}`, crumbs.slice(0, 1).concat([[name, null]]), `<div class="list"><h2>${e(name)}</h2><ul>
${pageItems.map((it) => `<li><a href="${it.path}" target="_blank">${e(it.title)}</a><span>${it.date}</span></li>`).join('\n')}</ul><div class="pager">${pager}</div></div>`), { lastModified: dateOf(pageItems[0]?.date ?? '2025-01-01') });
      if (isReportColumn) rec.listPages.push(site.url(`${base}${file}`));
    });
    if (isReportColumn) rec.reportColumns.push(site.url(`${base}index.html`));
    return base;
  };
  const reports = column('xxgknb', '政府信息公开年度报告', 3, content.reports, true);
  const news = column('news', '工作动态', 10, content.news, false);
  const notices = column('notices', '通知公告', 10, content.notices, false);

  const draftPath = '/private/nbsb/draft-2025.html';
  site.page(draftPath, () => article(content.draft.truth.title ?? '', null, '省政府办公厅（内部）', reportBodyHtml(content.draft), [['年报报送系统', '/private/nbsb/index.html']]), { lastModified: dateOf('2026-03-02') });
  site.page('/private/nbsb/index.html', () => layout(`年报报送系统_${ID.name}`, [['年报报送系统', null]], `<ul><li><a href="draft-2025.html">${e(content.draft.truth.title ?? '')}</a></li></ul>`), { lastModified: dateOf('2026-03-02') });
  site.page('/search/', (ctx) => layout(`搜索结果_${ID.name}`, [['搜索', null]], `<p>关键词：${e(ctx.query.get('q') ?? '')}</p><ul>${content.reports.map((r) => `<li>${e(r.truth.title ?? '')}</li>`).join('')}</ul>`), { dynamic: true });
  rec.disallowed.push(site.url('/search/?q=%E5%B9%B4%E6%8A%A5'), site.url('/private/nbsb/index.html'), site.url(draftPath));

  site.page('/zwgk/index.html', () => layout(`政府信息公开_${ID.name}`, [['政府信息公开', null]], `<ul class="xxgk">
<li><a href="${reports}index.html">政府信息公开年度报告</a></li><li><a href="${notices}index.html">通知公告</a></li><li><a href="${news}index.html">工作动态</a></li>
<li><a href="/search/?q=%E5%B9%B4%E6%8A%A5">年报检索</a></li><li><a href="/private/nbsb/index.html">年报报送系统（内部）</a></li></ul>`), { lastModified: dateOf('2025-03-26') });
  const home = (ctx: RequestContext) => layout(ID.name, [], `<div class="home"><h3><a href="${news}index.html">工作动态</a></h3><h3><a href="/zwgk/index.html">政府信息公开</a></h3>
<a href="${reports}index.html">政府信息公开年度报告</a> ${calendarLink(ctx.calendarLinked)}</div>`);
  site.page('/', home, { lastModified: dateOf('2025-03-26') });
  site.page('/index.html', home, { lastModified: dateOf('2025-03-26') });
  site.page(`/columns/${hexId('zwgk', 8)}/index.html`, () => layout(`政务公开_${ID.name}`, [['政务公开', null]], '<p><a href="/zwgk/index.html">政府信息公开</a></p>'), { lastModified: dateOf('2025-03-26') });
  registerAssets(site, BASE_CSS, ROBOTS_TXT);
  registerCalendar(site, ID.name);

  return {
    key: 'challenge', host: HOST, name: ID.name, site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'challenge', host: HOST, name: ID.name, cms: '省级平台 (瑞数-protected)', level: 'province', regionCode: '990000',
      homepage: site.url('/'), robotsTxt: ROBOTS_TXT,
      features: ['challenge-412-cookie-js', 'robots-disallow', 'crawl-delay', 'uuid-urls'],
    }),
  };
}
