/**
 * 石港区人民政府 (www.demo-oldtown.gov.cn), an old ASP site of table layouts: every page is GB18030
 * bytes that declare `charset=gb2312` in a <meta> only; the Content-Type header says just `text/html`
 * (a client that trusts the header alone reads mojibake). Query-string URLs: List.asp?ClassID=12&page=2,
 * ShowArticle.asp?ArticleID=NNN. No robots.txt (404), as old sites often have none.
 */
import iconv from 'iconv-lite';
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { gbkContent } from '../content/catalog.ts';
import { PortalRecorder } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, paginate } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'www.demo-oldtown.gov.cn';
const ID: SiteIdentity = {
  name: '石港区政府网', weatherCity: '石港', sponsor: '石港区人民政府办公室', address: '石港区石港大道45号',
  phone: '0990-5317230', icp: '澜ICP备09001234号', police: '澜公网安备 99010502000022号', siteCode: '9901050001',
};
const TYPE = 'text/html';

/** Old IIS/ASP pages: GB18030 bytes behind a gb2312 <meta>, nothing in the header. */
export function gbk(html: string): Buffer {
  return iconv.encode(html, 'gb18030');
}

function layout(title: string, trail: string, main: string, date = '2014-12-08'): string {
  return `<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${e(title)}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
<script language="javascript">function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}</script>
</head>
<body topmargin="0" leftmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td class="top" height="28">${chrome.weatherBanner(ID, date)}　　${chrome.greeting(ID).replace('网站!', '!')}</td></tr>
  <tr><td><img src="/images/banner.jpg" width="980" height="120" border="0"></td></tr>
  <tr><td class="nav" height="36"><a href="/">网站首页</a> | <a href="/xxgk/Index.asp">信息公开</a> | <a href="/xxgk/List.asp?ClassID=12">工作年报</a> | <a href="/xxgk/List.asp?ClassID=3">新闻动态</a> | <a href="/xxgk/List.asp?ClassID=7">通知公告</a> | <a href="javascript:;">网上办事</a></td></tr>
  <tr><td height="30" class="dqwz">${trail}</td></tr>
  <tr><td valign="top">
${main}
  </td></tr>
  <tr><td class="foot" align="center">版权所有：${ID.sponsor}　地址：${ID.address}　电话：${ID.phone}<br>${ID.icp}　${ID.police}<br>建议使用IE8.0以上浏览器、1024×768分辨率浏览本站</td></tr>
</table>
</body>
</html>`;
}

const CLASSES: Record<number, string> = { 12: '工作年报', 3: '新闻动态', 7: '通知公告' };

function trail(classId: number): string {
  return `当前位置:<a href="/">首页</a> &gt; <a href="/xxgk/Index.asp">信息公开</a> &gt; <a href="/xxgk/List.asp?ClassID=${classId}">${CLASSES[classId]}</a>`;
}

interface Item { title: string; date: string; id: number }

function listPage(classId: number, items: Item[], page: number, pages: number, total: number): string {
  const rows = items.map((it) => `<tr><td height="26" class="list">·<a href="ShowArticle.asp?ArticleID=${it.id}" target="_blank">${e(it.title)}</a></td><td width="100" align="right">[${it.date}]</td></tr>`);
  const link = (p: number, text: string) => (p === page || p < 1 || p > pages ? text : `<a href="List.asp?ClassID=${classId}&page=${p}">${text}</a>`);
  const pager = `共${total}条　页次:${page}/${pages}　${link(1, '首页')} ${link(page - 1, '上一页')} ${link(page + 1, '下一页')} ${link(pages, '尾页')}`;
  return layout(`${CLASSES[classId]}-石港区人民政府`, trail(classId), `<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="lm_title">${CLASSES[classId]}</td></tr>
<tr><td><table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
${rows.join('\n')}
</table></td></tr>
<tr><td align="center" class="pager">${pager}</td></tr></table>`, items[0]?.date);
}

function detailPage(classId: number, title: string, date: string | null, source: string | null, body: string): string {
  return layout(`${title}-石港区人民政府`, trail(classId), `<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="title" height="50"><b>${e(title)}</b></td></tr>
<tr><td align="center" class="info">${date ? `日期: ${date} ` : ''}字号:[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>] 视力保护色:<a href="javascript:;" onclick="document.bgColor='#FAFBE6'">■</a></td></tr>
<tr><td id="zoom" class="content">
${body}
</td></tr>
<tr><td align="right">${source ? `[来源: ${e(source)} ]` : ''}</td></tr>
<tr><td align="center">【<a href="javascript:window.print()">打印此页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>`, date ?? undefined);
}

export function gbkPortal(): Portal {
  const site = new Site(HOST);
  const rec = new PortalRecorder(['not-utf8']);
  const content = gbkContent();
  let articleId = 1180;

  const column = (classId: number, perPage: number, docs: (ReportDoc | DistractorDoc)[], isReportColumn: boolean) => {
    const items: Item[] = [];
    const colUrl = site.url(`/xxgk/List.asp?ClassID=${classId}`);
    for (const doc of [...docs].sort((a, b) => b.date.localeCompare(a.date))) {
      articleId += 3;
      const path = `/xxgk/ShowArticle.asp?ArticleID=${articleId}`;
      if ('truth' in doc) {
        const t = doc.truth;
        site.page(path, () => gbk(detailPage(classId, t.title ?? '', t.publishedOn, t.publisher, reportBodyHtml(doc))), { type: TYPE, lastModified: dateOf(doc.date) });
        rec.report(site.url(path), doc, 'html', colUrl);
        items.push({ title: t.title ?? '', date: doc.date, id: articleId });
      } else {
        site.page(path, () => gbk(detailPage(classId, doc.title, doc.date, doc.publisher, blocksHtml(doc.body))), { type: TYPE, lastModified: dateOf(doc.date) });
        rec.distractor(site.url(path), doc, colUrl);
        items.push({ title: doc.title, date: doc.date, id: articleId });
      }
    }
    const pages = paginate(items, perPage);
    pages.forEach((pageItems, i) => {
      const render = () => gbk(listPage(classId, pageItems, i + 1, pages.length, items.length));
      const last = dateOf(pageItems[0]?.date ?? '2020-01-01');
      site.page(`/xxgk/List.asp?ClassID=${classId}&page=${i + 1}`, render, { type: TYPE, lastModified: last });
      if (i === 0) site.page(`/xxgk/List.asp?ClassID=${classId}`, render, { type: TYPE, lastModified: last });
      if (isReportColumn) rec.listPages.push(site.url(i === 0 ? `/xxgk/List.asp?ClassID=${classId}` : `/xxgk/List.asp?ClassID=${classId}&page=${i + 1}`));
    });
    if (isReportColumn) rec.reportColumns.push(colUrl);
  };
  column(12, 4, content.reports, true);
  column(3, 20, content.news, false);
  column(7, 20, content.notices, false);

  const home = (ctx: RequestContext) => gbk(layout('石港区人民政府', '', `<table width="100%"><tr>
<td width="50%" valign="top"><div class="lm_title"><a href="/xxgk/List.asp?ClassID=3">新闻动态</a></div></td>
<td width="50%" valign="top"><div class="lm_title">信息公开</div><a href="/xxgk/Index.asp">政府信息公开目录</a><br><a href="/xxgk/List.asp?ClassID=12">政府信息公开工作年报</a><br><a href="/xxgk/List.asp?ClassID=7">通知公告</a><br>${calendarLink(ctx.calendarLinked)}</td></tr></table>`));
  site.page('/', home, { type: TYPE, lastModified: dateOf('2021-03-05') });
  site.page('/index.asp', home, { type: TYPE, lastModified: dateOf('2021-03-05') });
  site.page('/xxgk/Index.asp', () => gbk(layout('信息公开-石港区人民政府', '当前位置:<a href="/">首页</a> &gt; 信息公开', `<table width="100%"><tr><td>
<a href="List.asp?ClassID=12">工作年报</a><br><a href="List.asp?ClassID=7">通知公告</a><br><a href="List.asp?ClassID=3">新闻动态</a></td></tr></table>`)), { type: TYPE, lastModified: dateOf('2021-03-05') });
  registerAssets(site, 'body{font-size:12px}', null);
  registerCalendar(site, '石港区人民政府');
  site.notFound(() => '<html><head><title>无法找到该页</title></head><body><h2>HTTP 404 - 无法找到文件</h2><p>Internet 信息服务 (IIS)</p></body></html>');

  return {
    key: 'gbk', host: HOST, name: '石港区人民政府', site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'gbk', host: HOST, name: '石港区人民政府', cms: 'ASP (old site)', level: 'district', regionCode: '990105',
      homepage: site.url('/'), robotsTxt: null,
      features: ['gb18030-bytes', 'charset-in-meta-only', 'query-string-urls', 'table-layout', 'pre2019-reports', 'no-robots'],
    }),
  };
}
