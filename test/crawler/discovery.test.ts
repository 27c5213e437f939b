/** `discover` on whole pages in the shapes of real CMSes: what is followed, what is skipped and why. */
import { describe, expect, it } from 'vitest';
import { discover, seedRequests, type Discovery } from '../../crawler/discovery/candidates.ts';
import { makeScope } from '../../crawler/discovery/scope.ts';
import { HANWEB_COLUMN, HANWEB_DATAPROXY, HOMEPAGE, JIYUE_SHELL, JSL_521, RS_412, TRS_LISTING, VUE_SHELL } from './pages.ts';

const county = makeScope({ homepage: 'http://www.demo-county.gov.cn/', reportColumns: ['http://www.demo-county.gov.cn/zwgk/zfxxgknb/'] });
const city = makeScope({ homepage: 'http://www.demo-city.gov.cn/' });
const province = makeScope({ homepage: 'https://www.demo-province.gov.cn/' });

const urls = (xs: { url: string }[]): string[] => xs.map((x) => x.url).sort();
const skipReason = (d: Discovery, url: string): string | undefined => d.skipped.find((s) => s.url === url)?.reason;

describe('TRS listing with createPageHTML', () => {
  const url = 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index.html';
  const d = discover({ url, html: TRS_LISTING, status: 200 }, county, { role: 'column', depth: 1 });

  it('finds the report pages, including the one with a truncated text and a full title', () => {
    expect(urls(d.reports)).toEqual([
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202301/t20230120_55123.html',
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240118_664600.html',
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240119_664642.html',
    ]);
    expect(d.reports.every((r) => r.role === 'report' && r.depth === 2)).toBe(true);
    expect(d.reports.find((r) => r.url.endsWith('664600.html'))?.text).toBe('示范县教育局2023年政府信息公开工作年度报告');
  });

  it('takes the TRS attachment listed directly', () => {
    expect(urls(d.attachments)).toEqual(['http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/P020240125594567123456.pdf']);
  });

  it('walks all five pages of the pager at the same depth', () => {
    const pages = d.listings.filter((l) => l.role === 'listing');
    expect(urls(pages)).toEqual([1, 2, 3, 4].map((i) => `http://www.demo-county.gov.cn/zwgk/zfxxgknb/index_${i}.html`));
    expect(pages.every((p) => p.depth === 1 && p.method === 'GET')).toBe(true);
  });

  it('skips the notice about preparing reports and out-of-scope links, with reasons', () => {
    expect(skipReason(d, 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202312/t20231201_660001.html')).toBe('distractor: notice about 年报');
    expect(d.reports.some((r) => r.url.includes('660001'))).toBe(false);
    expect(skipReason(d, 'http://www.gov.cn/')).toBeDefined();
  });

  it('does not ask again for the page it is on when it was requested as the bare folder', () => {
    const bare = discover({ url: 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/', html: TRS_LISTING, status: 200 }, county, { role: 'column', depth: 1 });
    expect(urls(bare.listings.filter((l) => l.role === 'listing'))).toEqual(urls(d.listings.filter((l) => l.role === 'listing')));
  });

  it('follows the sibling 年报 column of the side menu one level down', () => {
    expect(d.listings.filter((l) => l.role === 'column').map((l) => [l.url, l.depth])).toEqual([['http://www.demo-county.gov.cn/zwgk/bmnb/', 2]]);
  });

  it('does not climb back to the 政务公开 area from inside the column', () => {
    expect(d.listings.some((l) => l.url === 'http://www.demo-county.gov.cn/zwgk/')).toBe(false);
    expect(skipReason(d, 'http://www.demo-county.gov.cn/zwgk/')).toBe('area link from inside a column');
  });

  it('says the page is a report listing that needs no browser', () => {
    expect(d.isReportListing).toBe(true);
    expect(d.pageKind).toBe('reportListing');
    expect(d.browser.needsBrowser).toBe(false);
  });
});

describe('Hanweb column with an inline datastore', () => {
  const url = 'http://www.demo-city.gov.cn/col/col1234/index.html';
  const d = discover({ url, html: HANWEB_COLUMN, status: 200 }, city, { role: 'column', depth: 2 });

  it('reads the report links out of the CDATA records', () => {
    expect(urls(d.reports)).toEqual([
      'http://www.demo-city.gov.cn/art/2024/1/18/art_1234_100000.html',
      'http://www.demo-city.gov.cn/art/2024/1/20/art_1234_100001.html',
    ]);
    expect(skipReason(d, 'http://www.demo-city.gov.cn/art/2023/12/5/art_1234_99990.html')).toMatch(/^distractor/);
  });

  it('produces one dataproxy POST per group of 45 records up to the total of 100', () => {
    const posts = d.listings.filter((l) => l.method === 'POST');
    expect(posts.map((p) => p.url)).toEqual([
      'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15',
      'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15',
      'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=91&endrecord=100&perpage=15',
    ]);
    const form = new URLSearchParams(posts[0].body);
    expect(form.get('columnid')).toBe('1234');
    expect(form.get('unitid')).toBe('5678');
    expect(form.get('webid')).toBe('12');
    expect(form.get('webname')).toBe('示范市');
    expect(posts[0].headers?.['content-type']).toMatch(/x-www-form-urlencoded/);
    expect(posts.every((p) => p.role === 'listing' && p.depth === 2)).toBe(true);
  });

  it('is a report listing, and not a browser case even though the list is drawn by jpage.js', () => {
    expect(d.isReportListing).toBe(true);
    expect(d.browser.needsBrowser).toBe(false);
  });

  it('reads a dataproxy response as a listing and keeps its statistics 年报 out', () => {
    const r = discover(
      { url: 'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15', html: HANWEB_DATAPROXY, status: 200 },
      city,
      { role: 'listing', depth: 2 },
    );
    expect(urls(r.reports)).toEqual(['http://www.demo-city.gov.cn/art/2021/1/28/art_1234_80001.html']);
    expect(skipReason(r, 'http://www.demo-city.gov.cn/art/2021/1/27/art_1234_80000.html')).toBe('distractor: statistics 年报');
    expect(r.listings).toEqual([]);
  });
});

describe('JavaScript-only list shells', () => {
  it('sends a 集约化 column whose list comes from $.ajax to the browser', () => {
    const d = discover({ url: 'https://www.demo-province.gov.cn/zwgk/zfxxgknb/', html: JIYUE_SHELL, status: 200 }, province, { role: 'column', depth: 2 });
    expect(d.reports).toEqual([]);
    expect(d.browser).toMatchObject({ needsBrowser: true, reason: 'js-list' });
    expect(d.browser.detail).toContain('#newsList');
  });

  it('sends a Vue-rendered list to the browser', () => {
    const d = discover({ url: 'https://www.demo-province.gov.cn/nb/', html: VUE_SHELL, status: 200 }, province, { role: 'column' });
    expect(d.browser.reason).toBe('js-list');
  });

  it('keeps the HTTP client when the same shell already holds a report link', () => {
    const html = JIYUE_SHELL.replace(
      '<ul id="newsList" class="news-list"></ul>',
      '<ul id="newsList" class="news-list"><li><a href="/c100/202401/0123456789abcdef0123456789abcdef.shtml">示范省人民政府2023年政府信息公开工作年度报告</a></li></ul>',
    );
    const d = discover({ url: 'https://www.demo-province.gov.cn/zwgk/zfxxgknb/', html, status: 200 }, province, { role: 'column' });
    expect(d.reports).toHaveLength(1);
    expect(d.browser.needsBrowser).toBe(false);
  });

  it('does not judge a homepage with column links a shell', () => {
    const html = HOMEPAGE.replace('</body>', '<div id="newsList"></div><script>$.ajax({url:"/api/news"})</script></body>');
    const d = discover({ url: 'http://www.demo-county.gov.cn/', html, status: 200 }, county, { role: 'home' });
    expect(d.browser.needsBrowser).toBe(false);
  });
});

describe('JavaScript challenges', () => {
  it('recognises a 瑞数 412 page and follows nothing from it', () => {
    const d = discover(
      { url: 'https://www.demo-province.gov.cn/', html: RS_412, status: 412, headers: { 'set-cookie': 'FSSBBIl1UgzbN7N443S=abc; Path=/; HttpOnly' } },
      province,
    );
    expect(d.browser).toMatchObject({ needsBrowser: true, reason: 'challenge' });
    expect(d.browser.detail).toMatch(/瑞数/);
    expect(d.listings.length + d.reports.length + d.attachments.length).toBe(0);
  });

  it('recognises a 加速乐 521 page by its cookie-and-reload script', () => {
    const d = discover({ url: 'https://www.demo-province.gov.cn/', html: JSL_521, status: 521, headers: { 'set-cookie': ['__jsluid_s=0a1b2c; max-age=31536000; path=/'] } }, province);
    expect(d.browser.reason).toBe('challenge');
  });
});

describe('homepage navigation', () => {
  const d = discover({ url: 'http://www.demo-county.gov.cn/', html: HOMEPAGE, status: 200 }, county, { role: 'home', depth: 0 });

  it('follows the 年报 column first, then the disclosure areas (including the platform host opened by onclick)', () => {
    expect(d.listings[0]).toMatchObject({ url: 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/', role: 'column', depth: 1 });
    expect(urls(d.listings)).toEqual([
      'http://www.demo-county.gov.cn/zwgk/',
      'http://www.demo-county.gov.cn/zwgk/zfxxgk/',
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/',
      'http://xxgk.demo-county.gov.cn/',
    ]);
    expect(d.listings.find((l) => l.url === 'http://xxgk.demo-county.gov.cn/')?.role).toBe('area');
  });

  it('turns no news item into a report and says why each was skipped', () => {
    expect(d.reports).toEqual([]);
    const base = 'http://www.demo-county.gov.cn';
    expect(skipReason(d, `${base}/xwzx/bmdt/202401/t20240110_1001.html`)).toBe('distractor: news');
    expect(skipReason(d, `${base}/xwzx/tzgg/202312/t20231220_1002.html`)).toBe('distractor: notice about 年报');
    expect(skipReason(d, `${base}/xwzx/202401/t20240105_1003.html`)).toBe('distractor: enterprise 年报');
    expect(skipReason(d, `${base}/zwgk/jd/202401/t20240125_1004.html`)).toBe('distractor: interpretation');
    expect(skipReason(d, `${base}/xwzx/202401/t20240106_1005.html`)).toMatch(/^distractor: (statistics 年报|news)$/);
    expect(skipReason(d, `${base}/zwgk/czyjs/`)).toBe('distractor: budget');
    expect(skipReason(d, `${base}/xwzx/202401/t20240107_1006.html`)).toBe('no 年报 signal');
  });

  it('drops mailto:, javascript: and fragment-only links before classifying', () => {
    expect(d.skipped.some((s) => /^(mailto|javascript):/.test(s.url) || s.url.endsWith('#top'))).toBe(false);
  });

  it('calls the page navigation, not a listing or a report', () => {
    expect(d.pageKind).toBe('navigation');
    expect(d.isReportListing).toBe(false);
  });
});

describe('report pages and seeds', () => {
  const report = `<html><head><title>示范县人民政府2023年政府信息公开工作年度报告</title>
    <meta name="ArticleTitle" content="示范县人民政府2023年政府信息公开工作年度报告"></head><body>
    <div class="nav"><a href="/zwgk/">政务公开</a></div>
    <div class="TRS_Editor"><p>根据《中华人民共和国政府信息公开条例》……</p></div>
    <p>附件：<a href="./P020240119512345678901.docx">示范县人民政府2023年政府信息公开工作年度报告</a>
    <a href="/module/download/downfile.jsp?classid=0&filename=abc">附表.xls</a>
    <a href="http://file.demo-county.gov.cn/upload/2024/nb.pdf">下载PDF版</a></p>
    <p><a href="../202301/t20230120_55123.html">上一篇：示范县人民政府2022年政府信息公开工作年度报告</a></p>
    </body></html>`;
  const d = discover({ url: 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/t20240119_664642.html', html: report, status: 200 }, county, { role: 'report', depth: 2 });

  it('knows a report page by its title and takes all its attachments, on sibling file hosts too', () => {
    expect(d.pageKind).toBe('report');
    expect(urls(d.attachments)).toEqual([
      'http://file.demo-county.gov.cn/upload/2024/nb.pdf',
      'http://www.demo-county.gov.cn/module/download/downfile.jsp?classid=0&filename=abc',
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/202401/P020240119512345678901.docx',
    ]);
    expect(d.listings).toEqual([]);
  });

  it('follows a report linked from a report (上一篇)', () => {
    expect(urls(d.reports)).toEqual(['http://www.demo-county.gov.cn/zwgk/zfxxgknb/202301/t20230120_55123.html']);
  });

  it('seeds known columns before the homepage', () => {
    const seeds = seedRequests(county);
    expect(seeds.map((s) => [s.url, s.role, s.depth])).toEqual([
      ['http://www.demo-county.gov.cn/zwgk/zfxxgknb/', 'column', 1],
      ['http://www.demo-county.gov.cn/', 'home', 0],
    ]);
  });
});

describe('scope and caps inside discover', () => {
  it('keeps a department portal off its city host but takes the city file host for attachments', () => {
    const dept = makeScope({ homepage: 'https://nmj.demo-city.gov.cn/' });
    const html = `<title>农牧局2023年政府信息公开工作年度报告</title>
      <a href="https://www.demo-city.gov.cn/zwgk/zfxxgknb/">政府信息公开年报</a>
      <a href="https://file.demo-city.gov.cn/a/nb2023.pdf">农牧局2023年政府信息公开工作年度报告.pdf</a>`;
    const d = discover({ url: 'https://nmj.demo-city.gov.cn/nmj/zfxxgknb/1.html', html, status: 200 }, dept, { role: 'report' });
    expect(d.listings).toEqual([]);
    expect(skipReason(d, 'https://www.demo-city.gov.cn/zwgk/zfxxgknb/')).toBe('out of scope: www.demo-city.gov.cn');
    expect(urls(d.attachments)).toEqual(['https://file.demo-city.gov.cn/a/nb2023.pdf']);
  });

  it('stops navigation at the depth cap but still takes reports', () => {
    const shallow = makeScope({ homepage: 'http://www.demo-county.gov.cn/' }, { maxDepth: 1 });
    const d = discover({ url: 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index.html', html: TRS_LISTING, status: 200 }, shallow, { role: 'column', depth: 1 });
    expect(d.reports).toHaveLength(3);
    expect(d.listings.filter((l) => l.role === 'listing')).toHaveLength(4);
    expect(skipReason(d, 'http://www.demo-county.gov.cn/zwgk/bmnb/')).toBe('too deep: 2 > 1');
  });

  it('caps the pages of one listing', () => {
    const capped = makeScope({ homepage: 'http://www.demo-county.gov.cn/' }, { maxListingPages: 3 });
    const d = discover({ url: 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index.html', html: TRS_LISTING, status: 200 }, capped, { role: 'column', depth: 1 });
    expect(urls(d.listings.filter((l) => l.role === 'listing'))).toEqual([
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index_1.html',
      'http://www.demo-county.gov.cn/zwgk/zfxxgknb/index_2.html',
    ]);
  });

  it('does not walk the pager of a news list', () => {
    const news = `<title>新闻中心</title><ul><li><a href="t20240107_1.html">县长调研春耕生产</a></li></ul>
      <div class="page">共8页 <a href="index_1.html">下一页</a> <a href="index_7.html">尾页</a></div>`;
    const d = discover({ url: 'http://www.demo-county.gov.cn/xwzx/index.html', html: news, status: 200 }, county, { role: 'area', depth: 1 });
    expect(d.listings).toEqual([]);
    expect(skipReason(d, 'http://www.demo-county.gov.cn/xwzx/index_1.html')).toBe('pager of a list that is not a 年报 column');
  });
});

describe('a list filled by an external script', () => {
  it('is sent to the browser when the page shows a loading placeholder', async () => {
    const { detectJsList } = await import('../../crawler/discovery/needsBrowser.ts');
    const html = `<html><body><div class="gk-list-title">年度报告</div>
      <div id="gk-list" class="gk-list" data-channel="3102"><div class="loading">数据加载中……</div></div>
      <noscript>您的浏览器不支持JavaScript，请开启后浏览本栏目。</noscript>
      <script src="/static/js/xxgk-list.js"></script></body></html>`;
    expect(detectJsList(html, 0)).toMatch(/external list script/);
    expect(detectJsList(html.replace('数据加载中……', '').replace(/<noscript>.*<\/noscript>/, ''), 0)).toBeNull();
  });
});
