/**
 * 临江区人民政府 (www.demo-district.gov.cn), a 大汉 Hanweb portal: columns at /col/colNNN/index.html
 * carry their first page inline as `<script type="text/xml"><datastore>…` (links inside CDATA, so an
 * `<a href>` scan of the HTML finds none); later pages come from a POST to
 * /module/web/jpage/dataproxy.jsp?startrecord=…&endrecord=…&perpage=…; details /art/YYYY/M/D/art_NNN_ID.html.
 */
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { hanwebContent } from '../content/catalog.ts';
import { PortalRecorder } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, htmlResponse, ymd } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets, BASE_CSS } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'www.demo-district.gov.cn';
const WEBID = 12;
const UNITID = 56789;
const ID: SiteIdentity = {
  name: '安澜市临江区人民政府', weatherCity: '临江', sponsor: '安澜市临江区人民政府办公室', address: '安澜市临江区江滨路88号',
  phone: '0990-23456789', icp: '澜ICP备05023456号', police: '澜公网安备 99010202000456号', siteCode: '9901020001',
};

interface Record { title: string; date: string; path: string }
interface Column { id: number; name: string; perPage: number; records: Record[] }

function layout(title: string, crumbs: [string, string | null][], main: string, opts: { metas?: string; date?: string } = {}): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<meta name="SiteName" content="${ID.name}"/><meta name="SiteDomain" content="${HOST}"/><meta name="SiteIDCode" content="${ID.siteCode}"/>${opts.metas ?? ''}
<title>${e(title)}</title><link href="/css/hanweb_style.css" rel="stylesheet" type="text/css"/></head>
<body><div class="hw-top"><div class="hw-w">${chrome.weatherBanner(ID, opts.date ?? '2025-02-19', '晴')}<span class="hw-fr">${chrome.greeting(ID)} ${chrome.loginWidget()}</span></div></div>
<div class="hw-head"><div class="hw-w"><img src="/images/logo.png" alt="${ID.name}"/><div class="hw-search"><form action="/jrobot/search.do" method="get"><input type="hidden" name="webid" value="${WEBID}"/><input name="q"/><input type="submit" value="搜索"/></form></div></div></div>
<div class="hw-nav"><div class="hw-w"><a href="/index.html">首页</a><a href="/col/col4340/index.html">走进临江</a><a href="/col/col4350/index.html">政务公开</a><a href="javascript:;">政务服务</a><a href="javascript:;">互动交流</a><a href="/col/col4358/index.html">区内动态</a></div></div>
<div class="hw-w hw-main">${crumbs.length ? chrome.breadcrumbs([['首页', '/index.html'], ...crumbs], ' &gt;&gt; ') : ''}
${main}</div>${chrome.footer(ID)}</body></html>`;
}

function recordXml(r: Record): string {
  return `<record><![CDATA[\n<li><a href="${r.path}" target="_blank" title="${e(r.title)}">${e(r.title)}</a><span class="bt-data-time">${r.date}</span></li>\n]]></record>`;
}

function nextGroup(col: Column): string {
  return `<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=${WEBID}&path=/&columnid=${col.id}&unitid=${UNITID}&webname=${encodeURIComponent(ID.name)}&permissiontype=0"></a>]]></nextgroup>`;
}

function columnPage(col: Column, side: string): string {
  const first = col.records.slice(0, col.perPage);
  const ajax = `{col:1,appid:1,webid:${WEBID},path:'/',columnid:${col.id},sourceContentType:1,unitid:${UNITID},webname:'${ID.name}',permissiontype:0}`;
  return layout(`${col.name}_${ID.name}`, [['政务公开', '/col/col4350/index.html'], [col.name, null]], `${side}<div class="bt-rig"><div class="bt-rig-tit">${e(col.name)}</div>
<div class="bt-rig-cen-01"><div id="${UNITID}"><script type="text/xml"><datastore>${nextGroup(col)}
<recordset>
${first.map(recordXml).join('\n')}
</recordset></datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script language="javascript">jpage.init({containerId:'${UNITID}',proxyUrl:'/module/web/jpage/dataproxy.jsp',perPage:${col.perPage},totalRecord:${col.records.length},ajaxParam:${ajax}});</script></div></div>`);
}

/** The dataproxy: `startrecord`/`endrecord` are 1-based and inclusive, as Hanweb's jpage sends them. */
function dataproxy(ctx: RequestContext, columns: Map<number, Column>) {
  const form = new URLSearchParams(ctx.method === 'POST' ? ctx.body.toString('utf8') : '');
  const param = (k: string) => form.get(k) ?? ctx.query.get(k);
  const col = columns.get(Number(param('columnid')));
  const start = Math.max(1, Number(param('startrecord') ?? 1) || 1);
  const perPage = Math.max(1, Number(param('perpage') ?? col?.perPage ?? 15) || 15);
  const end = Math.max(start, Number(param('endrecord') ?? start + perPage - 1) || start + perPage - 1);
  const records = col ? col.records.slice(start - 1, end) : [];
  const total = col?.records.length ?? 0;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<datastore>${col ? nextGroup(col) : '<nextgroup></nextgroup>'}\n<recordset>\n${records.map(recordXml).join('\n')}\n</recordset>\n<totalrecord>${total}</totalrecord><totalpage>${Math.ceil(total / perPage)}</totalpage></datastore>`;
  return htmlResponse(xml, 200, 'text/xml;charset=UTF-8');
}

/** A small stand-in for Hanweb's jpage.js: renders the inline datastore, fetches later pages by POST. */
const JPAGE_JS = `var jpage = { init: function (o) {
  var box = document.getElementById(o.containerId);
  var xml = box.querySelector('script[type="text/xml"]');
  var pages = Math.max(1, Math.ceil(o.totalRecord / o.perPage));
  var ul = document.createElement('ul'); ul.className = 'jp-list';
  var bar = document.createElement('div'); bar.className = 'default_pgContainer';
  function records(text) { var out = []; var re = /<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>/g; var m;
    var rs = text.split('<recordset>')[1] || ''; while ((m = re.exec(rs))) out.push(m[1]); return out; }
  function render(list, page) { ul.innerHTML = list.join('');
    var html = '共' + o.totalRecord + '条 ' + page + '/' + pages + '页 ';
    for (var i = 1; i <= pages; i++) html += i === page ? '<span class="default_pgCurrentPage">' + i + '</span> ' : '<a href="javascript:;" data-page="' + i + '">' + i + '</a> ';
    bar.innerHTML = html; }
  function go(page) { var start = (page - 1) * o.perPage + 1, end = page * o.perPage;
    var body = Object.keys(o.ajaxParam).map(function (k) { return k + '=' + encodeURIComponent(o.ajaxParam[k]); }).join('&');
    fetch(o.proxyUrl + '?startrecord=' + start + '&endrecord=' + end + '&perpage=' + o.perPage, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body })
      .then(function (r) { return r.text(); }).then(function (t) { render(records(t), page); }); }
  bar.addEventListener('click', function (ev) { var p = ev.target.getAttribute && ev.target.getAttribute('data-page'); if (p) go(Number(p)); });
  box.appendChild(ul); box.appendChild(bar);
  render(records(xml ? xml.textContent : ''), 1);
} };`;

function detail(title: string, date: string, source: string | null, body: string, col: Column, artId: number, showDate: boolean): string {
  const metas = `<meta name="ColumnName" content="${col.name}"/><meta name="ArticleTitle" content="${e(title)}"/>${showDate ? `<meta name="PubDate" content="${date} 10:20"/>` : ''}${source ? `<meta name="ContentSource" content="${e(source)}"/>` : ''}`;
  const info = [showDate ? `发布日期：${date}` : '', source ? `信息来源：${e(source)}` : '', `浏览次数：<script src="/module/visitcount/articlehits.jsp?colid=${col.id}&artid=${artId}"></script>`].filter(Boolean).join('　');
  return layout(`${title}_${col.name}_${ID.name}`, [['政务公开', '/col/col4350/index.html'], [col.name, `/col/col${col.id}/index.html`]], `<div class="xl-main">
<div class="xl-bt">${e(title)}</div><div class="xl-ly">${info}　字号：〖<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>〗 <a href="javascript:;">视力保护色</a></div>
<div id="zoom">${body}</div>${chrome.shareBar()}${chrome.printClose()}</div>`, { metas, date });
}

export function hanwebPortal(): Portal {
  const site = new Site(HOST);
  const rec = new PortalRecorder();
  const content = hanwebContent();
  const columns = new Map<number, Column>();
  let artId = 2350000;
  const side = `<div class="bt-left"><div class="bt-left-tit">信息公开</div><ul><li><a href="/col/col4351/index.html">信息公开指南</a></li><li><a href="/col/col4352/index.html">信息公开制度</a></li>
<li><a href="/col/col4353/index.html">信息公开年报</a></li><li><a href="/col/col4361/index.html">通知公告</a></li><li><a href="/col/col4362/index.html">财政预决算</a></li></ul></div>`;

  const column = (id: number, name: string, perPage: number, docs: (ReportDoc | DistractorDoc)[], isReportColumn: boolean) => {
    const col: Column = { id, name, perPage, records: [] };
    columns.set(id, col);
    const colUrl = site.url(`/col/col${id}/index.html`);
    for (const doc of [...docs].sort((a, b) => b.date.localeCompare(a.date))) {
      const d = ymd(doc.date);
      artId += 7;
      const path = `/art/${d.y}/${d.m}/${d.d}/art_${id}_${artId}.html`;
      const myId = artId;
      if ('truth' in doc) {
        const t = doc.truth;
        site.page(path, () => detail(t.title ?? '', doc.date, t.publisher, reportBodyHtml(doc), col, myId, t.publishedOn !== null), { lastModified: dateOf(doc.date) });
        rec.report(site.url(path), doc, 'html', colUrl);
        col.records.push({ title: t.title ?? '', date: doc.date, path });
      } else {
        site.page(path, () => detail(doc.title, doc.date, doc.publisher, blocksHtml(doc.body), col, myId, true), { lastModified: dateOf(doc.date) });
        rec.distractor(site.url(path), doc, colUrl);
        col.records.push({ title: doc.title, date: doc.date, path });
      }
    }
    site.page(`/col/col${id}/index.html`, () => columnPage(col, side), { lastModified: dateOf(col.records[0]?.date ?? '2025-01-01') });
    if (isReportColumn) {
      rec.reportColumns.push(colUrl);
      rec.listPages.push(colUrl);
      for (let start = perPage + 1; start <= col.records.length; start += perPage) {
        rec.listPages.push(site.url(`/module/web/jpage/dataproxy.jsp?startrecord=${start}&endrecord=${start + perPage - 1}&perpage=${perPage}&columnid=${id}`));
      }
    }
  };
  column(4353, '信息公开年报', 4, content.reports, true);
  column(4361, '通知公告', 15, content.notices, false);
  column(4358, '区内动态', 15, content.news, false);
  column(4362, '财政预决算', 15, content.budget, false);

  site.route('/module/web/jpage/dataproxy.jsp', (ctx) => dataproxy(ctx, columns));
  site.page('/module/web/jpage/jpage.js', () => JPAGE_JS, { type: 'application/javascript', lastModified: dateOf('2023-06-01') });
  site.route('/module/visitcount/articlehits.jsp', () => htmlResponse(`document.write('${100 + (artId % 900)}');`, 200, 'application/javascript'));

  const home = (ctx: RequestContext) => layout(ID.name, [], `<div class="hw-home"><div class="hw-box"><div class="hw-box-tit"><a href="/col/col4358/index.html">区内动态</a></div><ul>
${columns.get(4358)?.records.map((r) => `<li><a href="${r.path}">${e(r.title)}</a><span>${r.date}</span></li>`).join('') ?? ''}</ul></div>
<div class="hw-box"><div class="hw-box-tit">政务公开</div><a href="/col/col4350/index.html">信息公开</a> <a href="/col/col4353/index.html">信息公开年报</a> <a href="/col/col4361/index.html">通知公告</a> ${calendarLink(ctx.calendarLinked)}</div></div>`);
  site.page('/', home, { lastModified: dateOf('2025-02-19') });
  site.page('/index.html', home, { lastModified: dateOf('2025-02-19') });
  site.page('/col/col4350/index.html', () => layout(`信息公开_${ID.name}`, [['政务公开', null]], `${side}<div class="bt-rig"><p>临江区人民政府信息公开目录</p></div>`), { lastModified: dateOf('2025-02-19') });
  for (const [id, name] of [[4340, '走进临江'], [4351, '信息公开指南'], [4352, '信息公开制度']] as const) {
    site.page(`/col/col${id}/index.html`, () => layout(`${name}_${ID.name}`, [[name, null]], `${side}<div class="bt-rig"><div class="bt-rig-tit">${name}</div><p>${name}内容正在更新中。</p></div>`), { lastModified: dateOf('2023-06-01') });
  }
  const robotsTxt = 'User-agent: *\nDisallow: /jrobot/\n';
  registerAssets(site, BASE_CSS, robotsTxt);
  registerCalendar(site, ID.name);

  return {
    key: 'hanweb', host: HOST, name: ID.name, site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'hanweb', host: HOST, name: ID.name, cms: '大汉 Hanweb', level: 'district', regionCode: '990102',
      homepage: site.url('/index.html'), robotsTxt,
      features: ['hanweb-datastore-inline', 'hanweb-dataproxy-post', 'links-in-cdata'],
    }),
  };
}
