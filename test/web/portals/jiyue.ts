/**
 * 云溪县 政府信息公开平台 (xxgk.demo-county.gov.cn), a provincial 集约化 platform page: the column lists
 * are rendered ONLY by JavaScript (fetch of /api/content/list, then DOM insertion), so a plain HTTP
 * client sees an empty container; the pager links are `?page=N` of the same page, read by the script.
 * Detail pages /cNNNN/YYYYMM/<32hex>.shtml carry a 索引号/发布机构/成文日期/文号 metadata table.
 */
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { jiyueContent } from '../content/catalog.ts';
import { PortalRecorder } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, hexId, htmlResponse, paginate, ymd } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets, BASE_CSS } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'xxgk.demo-county.gov.cn';
const ID: SiteIdentity = {
  name: '云溪县人民政府', weatherCity: '云溪', sponsor: '云溪县人民政府办公室', address: '云溪县人民路2号',
  phone: '0990-34567890', icp: '澜ICP备05034567号-2', police: '澜公网安备 99012102000789号', siteCode: '9901210001',
};

interface Item { title: string; url: string; publishTime: string; indexNumber: string | null; publisher: string | null }
interface Channel { id: number; name: string; dir: string; pageSize: number; items: Item[] }

function layout(title: string, crumbs: [string, string | null][], main: string, metas = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">${metas}
<title>${e(title)}</title><link rel="stylesheet" href="/css/xxgk-platform.css"></head>
<body><div class="gk-topbar">${chrome.weatherBanner(ID, '2025-02-17', '多云转晴')} ${chrome.greeting(ID)} ${chrome.accessibility()} ${chrome.loginWidget()}</div>
<div class="gk-header"><div class="gk-logo"><img src="/images/gk-logo.png" alt=""><span>${ID.name} 政府信息公开平台</span></div></div>
<div class="gk-nav"><a href="/index.shtml">首页</a><a href="/zfxxgkzn/index.shtml">政府信息公开指南</a><a href="/zfxxgkzd/index.shtml">政府信息公开制度</a><a href="/fdzdgknr/index.shtml">法定主动公开内容</a><a href="/zfxxgknb/index.shtml">年度报告</a><a href="/tzgg/index.shtml">通知公告</a></div>
<div class="gk-main">${crumbs.length ? chrome.breadcrumbs([['首页', '/index.shtml'], ...crumbs], ' > ') : ''}
${main}</div>${chrome.footer(ID)}</body></html>`;
}

function listPage(ch: Channel): string {
  return layout(`${ch.name}-${ID.name}`, [['政府信息公开', '/index.shtml'], [ch.name, null]], `<div class="gk-list-box">
<div class="gk-list-title">${e(ch.name)}</div>
<div id="gk-list" class="gk-list" data-channel="${ch.id}" data-size="${ch.pageSize}"><div class="loading">数据加载中……</div></div>
<div id="gk-pager" class="gk-pager"></div>
<noscript>您的浏览器不支持JavaScript，请开启后浏览本栏目。</noscript></div>
<script src="/static/js/xxgk-list.js"></script>`);
}

const LIST_JS = `(function () {
  var box = document.getElementById('gk-list'); if (!box) return;
  var channel = box.getAttribute('data-channel'), size = Number(box.getAttribute('data-size'));
  var page = Number(new URLSearchParams(location.search).get('page') || '1');
  fetch('/api/content/list?channelId=' + channel + '&pageNo=' + page + '&pageSize=' + size, { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (res) {
      var d = res.data; var ul = document.createElement('ul');
      d.list.forEach(function (it) {
        var li = document.createElement('li'); var a = document.createElement('a');
        a.href = it.url; a.target = '_blank'; a.title = it.title; a.textContent = it.title;
        var s = document.createElement('span'); s.textContent = it.publishTime;
        li.appendChild(a); li.appendChild(s); ul.appendChild(li);
      });
      box.innerHTML = ''; box.appendChild(ul);
      var pages = Math.max(1, Math.ceil(d.total / d.pageSize)); var html = '共' + d.total + '条 ';
      for (var i = 1; i <= pages; i++) html += i === page ? '<span class="cur">' + i + '</span> ' : '<a href="?page=' + i + '">' + i + '</a> ';
      document.getElementById('gk-pager').innerHTML = html;
    });
})();`;

function metaTable(rows: [string, string | null, string, string | null][]): string {
  const td = (v: string | null) => `<td class="gk-v">${e(v ?? '')}</td>`;
  return `<table class="gk-meta-table" cellspacing="0" cellpadding="0"><tbody>${rows.map(([k1, v1, k2, v2]) => `<tr><td class="gk-k">${k1}</td>${td(v1)}<td class="gk-k">${k2}</td>${td(v2)}</tr>`).join('')}</tbody></table>`;
}

function detailPage(title: string, ch: Channel, meta: { indexNumber: string | null; publisher: string | null; writtenOn: string | null; publishedOn: string | null; documentNumber: string | null }, body: string): string {
  const table = metaTable([
    ['索引号：', meta.indexNumber, '发布机构：', meta.publisher],
    ['成文日期：', meta.writtenOn, '废止日期：', null],
    ['文　　号：', meta.documentNumber, '所属主题：', ch.name === '年度报告' ? '政府信息公开年报' : '其他'],
    ['发布日期：', meta.publishedOn, '有效性：', '有效'],
  ]);
  return layout(`${title}-${ID.name}`, [['政府信息公开', '/index.shtml'], [ch.name, `/${ch.dir}/index.shtml`]], `<div class="gk-detail">${table}
<h1 class="gk-detail-title">${e(title)}</h1><div class="gk-detail-tools">${chrome.fontTools()}</div>
<div class="gk-detail-content" id="Zoom">${body}</div>${chrome.shareBar()}${chrome.printClose()}</div>`,
  `<meta name="ArticleTitle" content="${e(title)}">`);
}

function api(ctx: RequestContext, channels: Map<number, Channel>) {
  const ch = channels.get(Number(ctx.query.get('channelId')));
  const pageNo = Math.max(1, Number(ctx.query.get('pageNo') ?? 1) || 1);
  const pageSize = Math.min(50, Math.max(1, Number(ctx.query.get('pageSize') ?? ch?.pageSize ?? 10) || 10));
  const list = ch ? ch.items.slice((pageNo - 1) * pageSize, pageNo * pageSize) : [];
  const body = { code: ch ? 200 : 404, msg: ch ? 'success' : 'channel not found', data: { total: ch?.items.length ?? 0, pageNo, pageSize, list } };
  return htmlResponse(JSON.stringify(body), 200, 'application/json;charset=UTF-8');
}

export function jiyuePortal(): Portal {
  const site = new Site(HOST);
  const rec = new PortalRecorder();
  const content = jiyueContent();
  const channels = new Map<number, Channel>();

  const channel = (id: number, dir: string, name: string, pageSize: number, docs: (ReportDoc | DistractorDoc)[], isReportColumn: boolean) => {
    const ch: Channel = { id, name, dir, pageSize, items: [] };
    channels.set(id, ch);
    const colUrl = site.url(`/${dir}/index.shtml`);
    for (const doc of [...docs].sort((a, b) => b.date.localeCompare(a.date))) {
      const path = `/c${id}/${ymd(doc.date).ym}/${hexId(`${id}-${doc.id}`)}.shtml`;
      if ('truth' in doc) {
        const t = doc.truth;
        site.page(path, () => detailPage(t.title ?? '', ch, t, reportBodyHtml(doc)), { lastModified: dateOf(doc.date) });
        rec.report(site.url(path), doc, 'html', colUrl);
        ch.items.push({ title: t.title ?? '', url: path, publishTime: doc.date, indexNumber: t.indexNumber, publisher: t.publisher });
      } else {
        const meta = { indexNumber: `990121/${doc.date.slice(0, 4)}-1${doc.id.length}${doc.date.slice(8)}`, publisher: doc.publisher, writtenOn: doc.date, publishedOn: doc.date, documentNumber: null };
        site.page(path, () => detailPage(doc.title, ch, meta, blocksHtml(doc.body)), { lastModified: dateOf(doc.date) });
        rec.distractor(site.url(path), doc, colUrl);
        ch.items.push({ title: doc.title, url: path, publishTime: doc.date, indexNumber: meta.indexNumber, publisher: doc.publisher });
      }
    }
    site.page(`/${dir}/index.shtml`, () => listPage(ch), { lastModified: dateOf(ch.items[0]?.publishTime ?? '2025-01-01') });
    if (isReportColumn) {
      rec.reportColumns.push(colUrl);
      paginate(ch.items, pageSize).forEach((_, i) => rec.listPages.push(i === 0 ? colUrl : `${colUrl}?page=${i + 1}`));
    }
  };
  channel(3102, 'zfxxgknb', '年度报告', 5, content.reports, true);
  channel(3105, 'tzgg', '通知公告', 10, content.notices, false);
  channel(3108, 'czyjs', '财政预决算', 10, content.budget, false);

  site.route('/api/content/list', (ctx) => api(ctx, channels));
  site.page('/static/js/xxgk-list.js', () => LIST_JS, { type: 'application/javascript', lastModified: dateOf('2023-06-01') });
  const home = (ctx: RequestContext) => layout(`${ID.name}政府信息公开平台`, [], `<div class="gk-home">
<div class="gk-home-box"><h3>政府信息公开</h3><ul><li><a href="/zfxxgkzn/index.shtml">政府信息公开指南</a></li><li><a href="/zfxxgkzd/index.shtml">政府信息公开制度</a></li>
<li><a href="/fdzdgknr/index.shtml">法定主动公开内容</a></li><li><a href="/zfxxgknb/index.shtml">政府信息公开工作年度报告</a></li><li><a href="/czyjs/index.shtml">财政预决算</a></li></ul></div>
<div class="gk-home-box"><h3>依申请公开</h3><a href="javascript:;">在线申请</a> ${calendarLink(ctx.calendarLinked)}</div></div>`);
  site.page('/', home, { lastModified: dateOf('2025-02-17') });
  site.page('/index.shtml', home, { lastModified: dateOf('2025-02-17') });
  for (const [dir, name] of [['zfxxgkzn', '政府信息公开指南'], ['zfxxgkzd', '政府信息公开制度'], ['fdzdgknr', '法定主动公开内容']] as const) {
    site.page(`/${dir}/index.shtml`, () => layout(`${name}-${ID.name}`, [[name, null]], `<div class="gk-detail"><h1>${name}</h1><p>${name}（${ID.name}）。</p></div>`), { lastModified: dateOf('2023-06-01') });
  }
  const robotsTxt = 'User-agent: *\nAllow: /\n';
  registerAssets(site, BASE_CSS, robotsTxt);
  registerCalendar(site, ID.name);

  return {
    key: 'jiyue', host: HOST, name: ID.name, site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'jiyue', host: HOST, name: `${ID.name}政府信息公开平台`, cms: '集约化平台', level: 'county', regionCode: '990121',
      homepage: site.url('/index.shtml'), robotsTxt,
      features: ['js-only-list', 'json-api', 'metadata-table'],
    }),
  };
}
