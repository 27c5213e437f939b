/**
 * 安澜市自然资源和规划局 (www.demo-bureau.gov.cn), a VSB (博达) site whose reports are mostly files:
 * short detail pages /info/1052/NNNN.htm link a PDF (/__local/…pdf), a DOCX and a DOC (through
 * /system/_content/download.jsp?…&wbfileid=N: no extension in the URL, the type is only in the
 * headers), and one report's tables were published as pictures. Listing pages count down as VSB does:
 * ndbg.htm (newest), ndbg/2.htm, ndbg/1.htm.
 */
import type { Attachment } from '../../../parsers/record.ts';
import type { DistractorDoc, ReportDoc } from '../content/model.ts';
import { ATTACHMENT_FILES, asImages, vsbContent } from '../content/catalog.ts';
import { PortalRecorder, expectedPath, reportRecord } from '../manifest.ts';
import type { AttachmentType } from '../manifest.ts';
import type { Portal, RequestContext } from '../site.ts';
import { Site, dateOf, htmlResponse, paginate } from '../site.ts';
import { escapeHtml as e, reportBodyHtml, blocksHtml } from '../render/report.ts';
import * as chrome from '../chrome.ts';
import type { SiteIdentity } from '../chrome.ts';
import { registerAssets, BASE_CSS, dataFile, mimeOf } from './assets.ts';
import { calendarLink, registerCalendar } from '../calendar.ts';

const HOST = 'www.demo-bureau.gov.cn';
const ID: SiteIdentity = {
  name: '安澜市自然资源和规划局', weatherCity: '安澜', sponsor: '安澜市自然资源和规划局', address: '安澜市建设路16号',
  phone: '0990-45678901', icp: '澜ICP备06045678号', police: '澜公网安备 99010202000888号', siteCode: '9901000046',
};
const OWNER = 1543210;

function layout(title: string, crumbs: [string, string | null][], main: string, depth = 0): string {
  const up = '../'.repeat(depth);
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>${e(title)}</title><META Name="keywords" Content="${ID.name}"><link type="text/css" href="${up}style/style.css" rel="stylesheet">
<script type="text/javascript" src="/system/resource/js/dynclicks.js"></script></head>
<body><div class="top"><div class="top-in">${chrome.weatherBanner(ID, '2025-01-21', '阴')} ${chrome.greeting(ID)} <a href="javascript:;">设为首页</a> <a href="javascript:;">加入收藏</a> ${chrome.loginWidget()}</div></div>
<div class="banner"><img src="/images/banner.png" alt=""></div>
<div class="menu"><ul><li><a href="${up}index.htm">首页</a></li><li><a href="${up}jgzn.htm">机构职能</a></li><li><a href="${up}xxgk.htm">信息公开</a></li><li><a href="${up}xwdt.htm">新闻动态</a></li><li><a href="${up}tzgg.htm">通知公告</a></li></ul></div>
<div class="main">${crumbs.length ? chrome.breadcrumbs([['首页', `${up}index.htm`], ...crumbs], '&gt;&gt;') : ''}${main}</div>
${chrome.footer(ID)}</body></html>`;
}

interface Item { title: string; date: string; id: number }

function listPage(name: string, items: Item[], page: number, pages: number, total: number, dir: string): string {
  // Page 1 is <dir>.htm, page k>1 is <dir>/<pages-k+1>.htm: links depend on where the page sits.
  const depth = page === 1 ? 1 : 2;
  const up = '../'.repeat(depth);
  const href = (k: number) => (page === 1 ? (k === 1 ? `${dir}.htm` : `${dir}/${pages - k + 1}.htm`) : (k === 1 ? `../${dir}.htm` : `${pages - k + 1}.htm`));
  const nav = (k: number, text: string, cls: string) => (k < 1 || k > pages || k === page ? `<span class="${cls}">${text}</span>` : `<a href="${href(k)}" class="${cls}">${text}</a>`);
  const lis = items.map((it) => `<li><a href="${up}info/1052/${it.id}.htm" target="_blank" title="${e(it.title)}">${e(it.title)}</a><span>${it.date}</span></li>`);
  return layout(`${name}-${ID.name}`, [['信息公开', `${up}xxgk.htm`], [name, null]], `<div class="list"><h2>${e(name)}</h2><ul>${lis.join('')}</ul>
<div class="pb_sys_common pb_sys_normal pb_sys_style1">共${total}条&nbsp;&nbsp;${page}/${pages}&nbsp;${nav(1, '首页', 'Frist')} ${nav(page - 1, '上页', 'Prev')} ${nav(page + 1, '下页', 'Next')} ${nav(pages, '尾页', 'Last')}</div></div>`, depth);
}

function detailPage(title: string, date: string | null, source: string | null, body: string, attachments: string, id: number): string {
  const info = [date ? `发布时间：${date}` : '', source ? `来源：${e(source)}` : '', `点击数：<script>_showDynClicks("wbnews", ${OWNER}, ${id})</script>`].filter(Boolean).join('&nbsp;&nbsp;');
  return layout(`${title}-${ID.name}`, [['信息公开', '../../xxgk.htm'], ['政府信息公开年报', '../../xxgk/ndbg.htm']], `<form name="_newscontent_fromname"><div class="content-title"><h3>${e(title)}</h3></div>
<div class="content-info">${info}&nbsp;&nbsp;${chrome.fontTools()}</div>
<div id="vsb_content"><div class="v_news_content">${body}</div></div>${attachments}</form>${chrome.shareBar()}`, 2);
}

export function vsbPortal(): Portal {
  const site = new Site(HOST);
  const rec = new PortalRecorder();
  const content = vsbContent();
  const downloads = new Map<string, { file: string; name: string; type: string; date: string }>();
  let infoId = 3100;
  let fileId = 8830001;

  const attachmentUrl = (file: string, name: string, date: string, viaJsp: boolean, contentType?: string) => {
    if (!viaJsp) {
      const path = `/__local/9/${file.slice(4, 6).toUpperCase()}/${file.length}F/${file.replace(/\W/g, '').toUpperCase()}_${date.replace(/-/g, '')}.${file.split('.').pop()}`;
      site.file(path, dataFile(file), mimeOf(file), dateOf(date));
      return site.url(path);
    }
    const id = String(fileId++);
    downloads.set(id, { file, name, type: contentType ?? mimeOf(file), date });
    return site.url(`/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=${OWNER}&wbfileid=${id}`);
  };

  const reportColumn: Item[] = [];
  const colUrl = site.url('/xxgk/ndbg.htm');
  const addPage = (doc: ReportDoc | DistractorDoc, body: string, attachments = '') => {
    infoId += 13;
    const id = infoId;
    const path = `/info/1052/${id}.htm`;
    const title = 'truth' in doc ? doc.truth.title ?? '' : doc.title;
    const date = 'truth' in doc ? doc.truth.publishedOn : doc.date;
    const source = 'truth' in doc ? doc.truth.publisher : doc.publisher;
    site.page(path, () => detailPage(title, date, source, body, attachments, id), { lastModified: dateOf(doc.date) });
    return { url: site.url(path), item: { title, date: doc.date, id } };
  };

  for (const doc of content.html) {
    const { url, item } = addPage(doc, reportBodyHtml(doc));
    rec.report(url, doc, 'html', colUrl);
    reportColumn.push(item);
  }
  const images = asImages(content.imageOnly, {
    active: attachmentUrl(ATTACHMENT_FILES.imageActive, '', content.imageOnly.date, false),
    applications: attachmentUrl(ATTACHMENT_FILES.imageApplications, '', content.imageOnly.date, false),
    reviewLitigation: attachmentUrl(ATTACHMENT_FILES.imageReview, '', content.imageOnly.date, false),
  });
  const imagePage = addPage(images, reportBodyHtml(images));
  rec.report(imagePage.url, images, 'image', colUrl);
  reportColumn.push(imagePage.item);

  const fileReports: [ReportDoc, AttachmentType, string, boolean, string?][] = [
    [content.pdf, 'pdf', ATTACHMENT_FILES.pdf, false],
    [content.docx, 'docx', ATTACHMENT_FILES.docx, true],
    [content.doc, 'doc', ATTACHMENT_FILES.doc, true, 'application/octet-stream'],
  ];
  for (const [doc, type, file, viaJsp, contentType] of fileReports) {
    const name = `${doc.truth.title}.${type}`;
    const url = attachmentUrl(file, name, doc.date, viaJsp, contentType);
    const attachment: Attachment = { url, text: name, type };
    const links = `<ul style="list-style-type:none;"><li>附件【<a href="${url.replace(`http://${HOST}`, '')}" target="_blank">${e(name)}</a>】已下载<span>${(fileId % 97) + 3}</span>次</li></ul>`;
    const page: ReportDoc = {
      ...doc, id: `${doc.id}-page`,
      body: [{ kind: 'p', text: `根据《中华人民共和国政府信息公开条例》规定，现将《${doc.truth.title}》予以公布，全文详见附件。` }],
      truth: {
        ...doc.truth, template: 'unknown', active: {}, applications: {}, reviewLitigation: {}, indexNumber: null,
        documentNumber: null, writtenOn: null, flags: ['attachment-only'], attachments: [attachment],
      },
    };
    const { url: pageUrl, item } = addPage(page, reportBodyHtml(page), links);
    const fileTruth = { ...doc.truth, publisher: null, publishedOn: null, indexNumber: null, documentNumber: null, writtenOn: null };
    const expected = rec.record(expectedPath(url), reportRecord(url, { ...doc, truth: fileTruth }));
    rec.report(pageUrl, page, 'attachment', colUrl, { attachments: [{ url, type, expected, ...(viaJsp ? { viaDownloadJsp: true } : {}) }] });
    reportColumn.push(item);
  }

  site.route('/system/_content/download.jsp', (ctx) => {
    const d = downloads.get(ctx.query.get('wbfileid') ?? '');
    if (!d) return htmlResponse('<html><body>文件不存在或已被删除</body></html>', 404);
    const ascii = d.name.replace(/[^\x20-\x7e]/g, '_');
    return {
      status: 200, type: d.type, body: dataFile(d.file), lastModified: dateOf(d.date),
      headers: { 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.name)}` },
    };
  });
  site.page('/system/resource/js/dynclicks.js', () => 'function _showDynClicks(t,o,i){document.write(String(i%500+27));}', { type: 'application/javascript', lastModified: dateOf('2023-06-01') });

  reportColumn.sort((a, b) => b.date.localeCompare(a.date));
  const pages = paginate(reportColumn, 2);
  pages.forEach((items, i) => {
    const path = i === 0 ? '/xxgk/ndbg.htm' : `/xxgk/ndbg/${pages.length - i}.htm`;
    site.page(path, () => listPage('政府信息公开年报', items, i + 1, pages.length, reportColumn.length, 'ndbg'), { lastModified: dateOf(items[0]?.date ?? '2025-01-01') });
    rec.listPages.push(site.url(path));
  });
  rec.reportColumns.push(colUrl);

  const plain = (file: string, name: string, docs: DistractorDoc[]) => {
    const items = docs.map((doc) => {
      const { url, item } = addPage(doc, blocksHtml(doc.body));
      rec.distractor(url, doc, site.url(`/${file}`));
      return item;
    });
    site.page(`/${file}`, () => listPage(name, items, 1, 1, items.length, file.replace('.htm', '')).replace(/\.\.\/info\//g, 'info/'), { lastModified: dateOf(items[0]?.date ?? '2025-01-01') });
    return items;
  };
  const news = plain('xwdt.htm', '新闻动态', content.news);
  plain('tzgg.htm', '通知公告', content.notices);

  const home = (ctx: RequestContext) => layout(ID.name, [], `<div class="home"><div class="box"><h3><a href="xwdt.htm">新闻动态</a></h3><ul>${news.map((it) => `<li><a href="info/1052/${it.id}.htm">${e(it.title)}</a></li>`).join('')}</ul></div>
<div class="box"><h3><a href="xxgk.htm">信息公开</a></h3><a href="xxgk/ndbg.htm">政府信息公开工作年度报告</a> <a href="tzgg.htm">通知公告</a> ${calendarLink(ctx.calendarLinked)}</div></div>`);
  site.page('/', home, { lastModified: dateOf('2025-01-21') });
  site.page('/index.htm', home, { lastModified: dateOf('2025-01-21') });
  site.page('/xxgk.htm', () => layout(`信息公开-${ID.name}`, [['信息公开', null]], '<ul class="xxgk"><li><a href="xxgk/ndbg.htm">政府信息公开工作年度报告</a></li><li><a href="tzgg.htm">通知公告</a></li><li><a href="jgzn.htm">机构职能</a></li></ul>'), { lastModified: dateOf('2025-01-21') });
  site.page('/jgzn.htm', () => layout(`机构职能-${ID.name}`, [['机构职能', null]], '<p>负责全市自然资源调查监测评价、国土空间规划和用途管制等工作。</p>'), { lastModified: dateOf('2023-06-01') });
  site.prefix('/style/', () => ({ status: 200, type: 'text/css', body: Buffer.from(BASE_CSS), lastModified: dateOf('2023-06-01') }));
  site.prefix('/xxgk/style/', () => ({ status: 200, type: 'text/css', body: Buffer.from(BASE_CSS), lastModified: dateOf('2023-06-01') }));
  const robotsTxt = 'User-agent: *\nDisallow: /system/resource/\n';
  registerAssets(site, BASE_CSS, robotsTxt);
  registerCalendar(site, ID.name);

  return {
    key: 'vsb', host: HOST, name: ID.name, site, expected: rec.expected,
    manifest: rec.manifest({
      key: 'vsb', host: HOST, name: ID.name, cms: 'VSB 博达', level: 'department', regionCode: '990100',
      homepage: site.url('/index.htm'), robotsTxt,
      features: ['attachments-pdf-docx-doc', 'download-jsp-no-extension', 'octet-stream-doc', 'image-only-tables', 'vsb-reverse-pagination', 'relative-links'],
    }),
  };
}
