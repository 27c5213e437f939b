/**
 * 安澜市人民政府 (www.demo-city.gov.cn), a TRS WCM portal: static listing pages index.html,
 * index_1.html … whose page count only the inline `createPageHTML(…)` script knows; detail pages
 * `./YYYYMM/tYYYYMMDD_ID.html` with a `.TRS_Editor` body and ArticleTitle/PubDate/ContentSource metas.
 * Also carries the `changing` demo: a late report and a corrected report.
 */
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { trsContent } from '../content/catalog.ts';
import { PortalRecorder, expectedPath, reportRecord } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, paginate, ymd } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets, BASE_CSS } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'www.demo-city.gov.cn';
const ID: SiteIdentity = {
  name: '安澜市人民政府', weatherCity: '安澜', sponsor: '安澜市人民政府办公室', address: '安澜市政务大道1号',
  phone: '0990-12345678', icp: '澜ICP备05012345号-1', police: '澜公网安备 99010202000123号', siteCode: '9901000001',
};

/**
 * What differs between sites built from the same TRS templates (the benchmark portal in bench.ts
 * reuses them): identity, host and the menus, whose links must lead to pages the site has.
 */
export interface TrsSkin {
  host: string;
  id: SiteIdentity;
  /** Top navigation entries after 首页 (`<li>` markup). */
  nav: string;
  /** Entries of the listing pages' 政府信息公开 side menu (`<li>` markup). */
  side: string;
}

const CITY: TrsSkin = {
  host: HOST, id: ID,
  nav: `<li><a href="/zwgk/index.html">政务公开</a></li><li><a href="/xwzx/zwyw/index.html">新闻中心</a></li>
<li><a href="/zwgk/tzgg/index.html">通知公告</a></li><li><a href="javascript:;">政务服务</a></li><li><a href="javascript:;">互动交流</a></li><li><a href="javascript:;">走进安澜</a></li>`,
  side: `<li><a href="/zwgk/zfxxgkzn/index.html">政府信息公开指南</a></li><li><a href="/zwgk/zfxxgkzd/index.html">政府信息公开制度</a></li>
<li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li><li><a href="/zwgk/bmxxgknb/index.html">部门信息公开年报</a></li><li><a href="/zwgk/czyjs/index.html">财政预决算</a></li>`,
};

/** TRS writes this pager into every listing page; plain HTTP clients only see the call. */
const CREATE_PAGE_HTML = `function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
 if(_nPageCount == null || _nPageCount<=1){ return; }
 var nCurrIndex = _nCurrIndex || 0;
 if(nCurrIndex == 0){ document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;"); }
 else { var nPreIndex = nCurrIndex - 1; var sPreFileExt = nPreIndex == 0 ? "" : ("_" + nPreIndex);
  document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;");
  document.write("<a href=\\"" + _sPageName + sPreFileExt + "." + _sPageExt + "\\">上一页</a>&nbsp;"); }
 for(var i=0; i<_nPageCount; i++){ var sFile = i == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + i + "." + _sPageExt;
  if(i == nCurrIndex){ document.write("<span class=\\"current\\">" + (i+1) + "</span>&nbsp;"); }
  else { document.write("<a href=\\"" + sFile + "\\">" + (i+1) + "</a>&nbsp;"); } }
 if(nCurrIndex == (_nPageCount-1)){ document.write("<span>下一页</span>&nbsp;<span>尾页</span>"); }
 else { var nNextIndex = nCurrIndex + 1;
  document.write("<a href=\\"" + _sPageName + "_" + nNextIndex + "." + _sPageExt + "\\">下一页</a>&nbsp;");
  document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount-1) + "." + _sPageExt + "\\">尾页</a>"); }
}`;

export interface Item { title: string; date: string; path: string }
type Crumbs = [string, string | null][];

export function trsLayout(skin: TrsSkin, title: string, crumbs: Crumbs, main: string, opts: { metas?: string; date?: string } = {}): string {
  const { id: ID, host: HOST } = skin;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/><meta http-equiv="X-UA-Compatible" content="IE=edge"/>
<meta name="SiteName" content="${ID.name}"/><meta name="SiteDomain" content="${HOST}"/><meta name="SiteIDCode" content="${ID.siteCode}"/>
${opts.metas ?? ''}<title>${e(title)}</title>
<link rel="stylesheet" href="/css/trs_ui.css"/></head>
<body><div class="top-bar"><div class="w1200">${chrome.weatherBanner(ID, opts.date ?? '2025-03-07')} ${chrome.greeting(ID)}
<div class="top-right">${chrome.loginWidget()} ${chrome.accessibility()}</div></div></div>
<div class="header"><div class="w1200"><a href="/"><img src="/images/site_logo.png" alt="${ID.name}"/></a>
<form class="search" action="/was5/web/search" method="get"><input name="searchword" placeholder="请输入关键词"/><button>搜索</button></form></div></div>
<div class="nav"><ul class="w1200"><li><a href="/">首页</a></li>${skin.nav}</ul></div>
<div class="w1200 main">${crumbs.length ? chrome.breadcrumbs([['首页', '/'], ...crumbs]) : ''}
${main}
</div>${chrome.friendLinks()}${chrome.footer(ID)}</body></html>`;
}

const layout = (title: string, crumbs: Crumbs, main: string, opts: { metas?: string; date?: string } = {}) => trsLayout(CITY, title, crumbs, main, opts);

/** A listing page: relative links to the details, the page count only in the createPageHTML() call. */
export function trsListPage(skin: TrsSkin, items: Item[], page: number, pages: number, column: string, crumbs: Crumbs, base: string): string {
  const ID = skin.id;
  const lis = items.map((it) => `<li><a href="${it.path.replace(base, './')}" target="_blank" title="${e(it.title)}">${e(it.title)}</a><span class="date">${it.date}</span></li>`);
  const side = `<div class="side"><h3>政府信息公开</h3><ul>${skin.side}</ul></div>`;
  return trsLayout(skin, `${column}_${ID.name}`, crumbs, `${side}<div class="list-box"><div class="list-title">${e(column)}</div>
<ul class="list">\n${lis.join('\n')}\n</ul>
<div class="page"><script language="JavaScript">${CREATE_PAGE_HTML}
createPageHTML(${pages}, ${page}, "index", "html");</script></div></div>`, { date: items[0]?.date });
}

function infoBlock(doc: ReportDoc): string {
  const t = doc.truth;
  if (!t.indexNumber && !t.writtenOn) return '';
  const li = (k: string, v: string | null) => `<li><span class="k">${k}：</span><span class="v">${e(v ?? '')}</span></li>`;
  return `<ul class="xxgk-info">${li('索 引 号', t.indexNumber)}${li('成文时间', t.writtenOn ? chineseDate(t.writtenOn) : null)}${li('发布机构', t.publisher)}
${li('发布日期', t.publishedOn ? chineseDate(t.publishedOn) : null)}${li('发文字号', t.documentNumber)}${li('主 题 词', null)}</ul>`;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

const listPage = (items: Item[], page: number, pages: number, column: string, crumbs: Crumbs, base: string) => trsListPage(CITY, items, page, pages, column, crumbs, base);

/** A report detail page: the body in `.TRS_Editor`, the facts again in ArticleTitle/PubDate/ContentSource metas. */
export function trsDetailPage(skin: TrsSkin, doc: ReportDoc, column: string, crumbs: Crumbs, url: string, docId: number): string {
  const ID = skin.id;
  const t = doc.truth;
  const metas = `<meta name="ColumnName" content="${column}"/><meta name="ArticleTitle" content="${e(t.title ?? '')}"/>
${t.publishedOn ? `<meta name="PubDate" content="${t.publishedOn} 09:30"/>` : ''}${t.publisher ? `<meta name="ContentSource" content="${e(t.publisher)}"/>` : ''}
<meta name="Url" content="${url}"/><meta name="DocId" content="${docId}"/><meta name="ChnlId" content="1813"/>`;
  const info = [t.publishedOn ? `发布时间：${t.publishedOn} 09:30` : '', t.publisher ? `来源：${e(t.publisher)}` : ''].filter(Boolean).join('　');
  return trsLayout(skin, `${t.title}_${column}_${ID.name}`, crumbs, `${infoBlock(doc)}<div class="article"><h1 class="article-title">${e(t.title ?? '')}</h1>
<div class="article-info">${info}　${chrome.fontTools()}</div>
<div class="article-content"><div class="TRS_Editor">${reportBodyHtml(doc)}</div></div>
${chrome.shareBar()}${chrome.printClose()}</div>`, { metas, date: doc.date });
}

const detailPage = (doc: ReportDoc, column: string, crumbs: Crumbs, url: string, docId: number) => trsDetailPage(CITY, doc, column, crumbs, url, docId);

function distractorPage(doc: DistractorDoc, column: string, crumbs: Crumbs): string {
  const metas = `<meta name="ColumnName" content="${column}"/><meta name="ArticleTitle" content="${e(doc.title)}"/><meta name="PubDate" content="${doc.date} 10:00"/><meta name="ContentSource" content="${e(doc.publisher)}"/>`;
  return layout(`${doc.title}_${column}_${ID.name}`, crumbs, `<div class="article"><h1 class="article-title">${e(doc.title)}</h1>
<div class="article-info">发布时间：${doc.date}　来源：${e(doc.publisher)}　${chrome.fontTools()}</div>
<div class="article-content"><div class="TRS_Editor">${blocksHtml(doc.body)}</div></div>${chrome.shareBar()}</div>`, { metas, date: doc.date });
}

export function trsPortal(): Portal {
  const site = new Site(HOST);
  const rec = new PortalRecorder();
  const content = trsContent();
  let docId = 87800;
  const docPath = (base: string, date: string) => {
    const d = ymd(date);
    docId += 17;
    return { path: `${base}${d.ym}/t${d.ymd}_${docId}.html`, id: docId };
  };

  const reportColumn = (base: string, column: string, perPage: number, entries: (ReportDoc | DistractorDoc)[], late?: ReportDoc) => {
    const crumbs: [string, string | null][] = [['政务公开', '/zwgk/index.html'], [column, null]];
    const items: Item[] = [];
    for (const doc of entries) {
      const { path, id } = docPath(base, doc.date);
      const url = site.url(path);
      if ('truth' in doc) {
        const isCorrectable = doc === content.correctedBase;
        site.page(path, (ctx) => detailPage(isCorrectable && ctx.version > 1 ? content.corrected : doc, column, crumbs, url, id), { lastModified: dateOf(doc.date) });
        const more = isCorrectable ? { corrected: { expected: rec.record(expectedPath(url).replace(/\.json$/, '.corrected.json'), reportRecord(url, content.corrected)) } } : {};
        rec.report(url, doc, 'html', site.url(`${base}index.html`), more);
        items.push({ title: doc.truth.title ?? '', date: doc.date, path });
      } else {
        site.page(path, () => distractorPage(doc, column, crumbs), { lastModified: dateOf(doc.date) });
        rec.distractor(url, doc, site.url(`${base}index.html`));
        items.push({ title: doc.title, date: doc.date, path });
      }
    }
    let lateItem: Item | undefined;
    if (late) {
      const { path, id } = docPath(base, late.date);
      site.page(path, () => detailPage(late, column, crumbs, site.url(path), id), { lastModified: dateOf(late.date) });
      rec.report(site.url(path), late, 'html', site.url(`${base}index.html`), { late: true });
      lateItem = { title: late.truth.title ?? '', date: late.date, path };
    }
    items.sort((a, b) => b.date.localeCompare(a.date));
    const pages = paginate(items, perPage);
    rec.reportColumns.push(site.url(`${base}index.html`));
    pages.forEach((pageItems, i) => {
      const file = i === 0 ? 'index.html' : `index_${i}.html`;
      const last = dateOf(pageItems[0]?.date ?? '2025-01-01');
      site.page(`${base}${file}`, (ctx) => listPage(i === 0 && lateItem && ctx.version > 1 ? [lateItem, ...pageItems] : pageItems, i, pages.length, column, crumbs, base), { lastModified: last });
      if (i === 0) site.page(base, (ctx) => listPage(lateItem && ctx.version > 1 ? [lateItem, ...pageItems] : pageItems, 0, pages.length, column, crumbs, base), { lastModified: last });
      rec.listPages.push(site.url(`${base}${file}`));
    });
  };

  const plainColumn = (base: string, column: string, docs: DistractorDoc[]) => {
    const crumbs: [string, string | null][] = [[column, null]];
    const items = docs.map((doc) => {
      const { path } = docPath(base, doc.date);
      site.page(path, () => distractorPage(doc, column, crumbs), { lastModified: dateOf(doc.date) });
      rec.distractor(site.url(path), doc, site.url(`${base}index.html`));
      return { title: doc.title, date: doc.date, path };
    });
    site.page(`${base}index.html`, () => listPage(items, 0, 1, column, crumbs, base), { lastModified: dateOf(items[0]?.date ?? '2025-01-01') });
    return items;
  };

  reportColumn('/zwgk/zfxxgknb/', '政府信息公开年报', 6, content.city, content.late);
  reportColumn('/zwgk/bmxxgknb/', '部门信息公开年报', 4, [...content.departments, ...content.departmentNotices]);
  const news = plainColumn('/xwzx/zwyw/', '政务要闻', content.news);
  const notices = plainColumn('/zwgk/tzgg/', '通知公告', content.notices);
  plainColumn('/zwgk/czyjs/', '财政预决算', content.budget);

  const li = (it: Item) => `<li><a href="${it.path}" target="_blank">${e(it.title)}</a><span>${it.date.slice(5)}</span></li>`;
  const home = (ctx: RequestContext) => layout(ID.name, [], `<div class="home-news"><h3><a href="/xwzx/zwyw/index.html">政务要闻</a></h3><ul>${news.map(li).join('')}</ul></div>
<div class="home-notice"><h3><a href="/zwgk/tzgg/index.html">通知公告</a></h3><ul>${notices.map(li).join('')}</ul></div>
<div class="home-zwgk"><h3>政务公开</h3><a href="/zwgk/index.html">政府信息公开</a> <a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a> <a href="/zwgk/czyjs/index.html">财政预决算</a> ${calendarLink(ctx.calendarLinked)}</div>`);
  site.page('/', home, { lastModified: dateOf('2025-03-07') });
  site.page('/index.html', home, { lastModified: dateOf('2025-03-07') });
  site.page('/zwgk/index.html', () => layout(`政府信息公开_${ID.name}`, [['政务公开', null]], `<div class="xxgk-home">
<ul><li><a href="/zwgk/zfxxgkzn/index.html">政府信息公开指南</a></li><li><a href="/zwgk/zfxxgkzd/index.html">政府信息公开制度</a></li>
<li><a href="/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li><li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li>
<li><a href="/zwgk/bmxxgknb/index.html">部门信息公开年报</a></li><li><a href="/zwgk/czyjs/index.html">财政预决算</a></li><li><a href="/zwgk/tzgg/index.html">通知公告</a></li></ul></div>`), { lastModified: dateOf('2025-03-07') });

  for (const [dir, title, text] of [
    ['zfxxgkzn', '政府信息公开指南', '为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。申请人可通过网上申请、信函申请、当面申请等方式提出政府信息公开申请。'],
    ['zfxxgkzd', '政府信息公开制度', '安澜市政府信息公开保密审查制度、主动公开制度、依申请公开工作规程、政府信息公开工作考核制度。'],
    ['fdzdgknr', '法定主动公开内容', '机构职能、行政法规规章和规范性文件、规划信息、财政信息、行政许可、行政处罚等法定主动公开内容。'],
  ] as const) {
    site.page(`/zwgk/${dir}/index.html`, () => layout(`${title}_${ID.name}`, [['政务公开', '/zwgk/index.html'], [title, null]],
      `<div class="article"><h1 class="article-title">${title}</h1><div class="TRS_Editor"><p>${text}</p></div></div>`), { lastModified: dateOf('2023-06-01') });
  }
  const robotsTxt = 'User-agent: *\nDisallow: /wcm/\nDisallow: /was5/\n';
  registerAssets(site, BASE_CSS, robotsTxt);
  registerCalendar(site, ID.name);
  site.notFound(() => layout(`页面不存在_${ID.name}`, [], '<div class="error404"><h2>抱歉，您访问的页面不存在或已删除！</h2><a href="/">返回首页</a></div>'));

  return {
    key: 'trs', host: HOST, name: ID.name, site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'trs', host: HOST, name: ID.name, cms: 'TRS WCM', level: 'city', regionCode: '990100',
      homepage: site.url('/'), robotsTxt,
      features: ['trs-createPageHTML', 'relative-detail-links', 'two-report-columns', 'notice-in-report-column', 'changing-list', 'corrected-report'],
    }),
  };
}

