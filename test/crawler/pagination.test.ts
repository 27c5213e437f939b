/** Every pager style of the demo web and of real CMSes, turned into the full list of page requests. */
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../crawler/discovery/links.ts';
import {
  findCreatePageHTML,
  findHanwebList,
  hanwebRequests,
  paginationRequests,
  parseDataproxy,
  staticPageUrls,
  totalPagesFromText,
  trsPageUrls,
  yearViewerUrls,
} from '../../crawler/discovery/pagination.ts';
import { HANWEB_COLUMN, HANWEB_DATAPROXY, TRS_LISTING } from './pages.ts';

const COL = 'http://www.demo-county.gov.cn/zwgk/zfxxgknb/';

describe('TRS createPageHTML', () => {
  it.each([
    ['createPageHTML(5, 0, "index", "html");', { pageCount: 5, currentPage: 0, prefix: 'index', ext: 'html' }],
    ["createPageHTML('page_div', 7, 1, 'index', 'shtml', 98);", { pageCount: 7, currentPage: 1, prefix: 'index', ext: 'shtml' }],
    ['var countPage = 12//共多少页\nvar currentPage = 3;\ncreatePageHTML(countPage, currentPage, "index", "html");', { pageCount: 12, currentPage: 3, prefix: 'index', ext: 'html' }],
  ])('reads %s', (script, pager) => {
    expect(findCreatePageHTML(`<script>${script}</script>`)).toEqual(pager);
  });

  it('ignores the function definition in the pager library', () => {
    expect(findCreatePageHTML('<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}</script>')).toBeNull();
  });

  it('produces index.html and index_1 … index_N-1 in the page folder', () => {
    expect(trsPageUrls(`${COL}index_2.html`, { pageCount: 4, currentPage: 2, prefix: 'index', ext: 'html' })).toEqual([
      `${COL}index.html`,
      `${COL}index_1.html`,
      `${COL}index_2.html`,
      `${COL}index_3.html`,
    ]);
  });

  it('leaves out the page it is on and stops at the cap', () => {
    const reqs = paginationRequests({ url: `${COL}index.html`, html: TRS_LISTING }, { maxPages: 3 });
    expect(reqs.map((r) => r.url)).toEqual([`${COL}index_1.html`, `${COL}index_2.html`]);
  });
});

describe('static and query pagers', () => {
  it.each([
    ['共 12 页 当前第1页', 12],
    ['页次：1/8 每页15条', 8],
    ['第1/6页', 6],
    ['1/3页', 3],
    ['共120条记录', null],
  ])('%s -> %s pages', (text, n) => expect(totalPagesFromText(text)).toBe(n));

  it('fills in every index_N page up to 共N页', () => {
    const html = `<div class="page">共6页 <a href="index.html">首页</a> <a href="index_1.html">下一页</a></div>`;
    const urls = staticPageUrls(`${COL}index.html`, extractLinks(html, `${COL}index.html`), 6);
    expect(urls).toEqual([1, 2, 3, 4, 5].map((i) => `${COL}index_${i}.html`));
  });

  it('takes the last page from a 尾页 link when no count is printed', () => {
    const html = `<a href="index_1.shtml">下一页</a> <a href="index_3.shtml">尾页</a>`;
    expect(staticPageUrls(`${COL}index.shtml`, extractLinks(html, `${COL}index.shtml`), null)).toEqual([
      `${COL}index_1.shtml`, `${COL}index_2.shtml`, `${COL}index_3.shtml`,
    ]);
  });

  it('walks a query pager from 1 to the last page, keeping the other parameters', () => {
    const page = 'http://www.demo-county.gov.cn/list.jsp?col=12&pageNum=1';
    const html = `<span>共4页</span><a href="list.jsp?col=12&pageNum=2">下一页</a><a href="list.jsp?col=12&pageNum=4">末页</a>`;
    const reqs = paginationRequests({ url: page, html });
    expect(reqs.map((r) => r.url)).toEqual([2, 3, 4].map((i) => `http://www.demo-county.gov.cn/list.jsp?col=12&pageNum=${i}`));
  });

  it('does not count pager links of another folder or host', () => {
    const html = `<a href="/other/index_9.html">9</a><a href="http://www.gov.cn/zwgk/index_5.html">5</a>`;
    expect(staticPageUrls(`${COL}index.html`, extractLinks(html, `${COL}index.html`), null)).toEqual([]);
  });
});

describe('Hanweb jpage and dataproxy', () => {
  const url = 'http://www.demo-city.gov.cn/col/col1234/index.html';

  it('reads the parameters of the list from the page', () => {
    const list = findHanwebList(HANWEB_COLUMN, url)!;
    expect(list).toMatchObject({ proxyUrl: 'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp', perPage: 15, groupSize: 3, totalRecord: 100 });
    expect(list.params).toMatchObject({ columnid: '1234', unitid: '5678', webid: '12', path: '/', webname: '示范市', permissiontype: '0', col: '1', appid: '1' });
    expect(list.records).toHaveLength(3);
  });

  it('falls back on the nextgroup link when there is no ajaxParam, and asks for one more group without a total', () => {
    const html = HANWEB_COLUMN.replace(/<script>\s*\$\(document\)[\s\S]*?<\/script>/, '').replace('<totalrecord>100</totalrecord>', '');
    const list = findHanwebList(html, url)!;
    expect(list.params).toEqual({ webid: '12', path: '/', columnid: '1234', unitid: '5678', webname: '示范市', permissiontype: '0' });
    expect(list.totalRecord).toBeNull();
    const reqs = hanwebRequests({ ...list, records: Array(45).fill('<li></li>') });
    expect(reqs.map((r) => r.url)).toEqual([
      'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15',
      'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15',
    ]);
    expect(hanwebRequests({ ...list, records: ['<li></li>'] })).toHaveLength(1);
  });

  it('uses the page perPage and groupSize for the ranges', () => {
    const list = { proxyUrl: 'http://h.gov.cn/module/web/jpage/dataproxy.jsp', perPage: 20, groupSize: 5, totalRecord: 250, params: { columnid: '9' }, records: [] };
    const reqs = hanwebRequests(list);
    expect(reqs.map((r) => new URL(r.url).search)).toEqual([
      '?startrecord=1&endrecord=100&perpage=20',
      '?startrecord=101&endrecord=200&perpage=20',
      '?startrecord=201&endrecord=250&perpage=20',
    ]);
    expect(reqs.every((r) => r.method === 'POST' && r.body === 'columnid=9')).toBe(true);
  });

  it('parses a dataproxy response into links', () => {
    const { links, totalRecord } = parseDataproxy(HANWEB_DATAPROXY, 'http://www.demo-city.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46');
    expect(totalRecord).toBeNull();
    expect(links.map((l) => [l.url, l.title])).toEqual([
      ['http://www.demo-city.gov.cn/art/2021/1/28/art_1234_80001.html', '示范市人民政府2020年政府信息公开工作年度报告'],
      ['http://www.demo-city.gov.cn/art/2021/1/27/art_1234_80000.html', '示范市统计局2020年统计年报'],
    ]);
  });

  it('is not found on a page without a datastore', () => {
    expect(findHanwebList(TRS_LISTING, url)).toBeNull();
  });
});

describe('year-addressed annual-report viewer', () => {
  it('asks for every year from 2008 to the last year', () => {
    const urls = yearViewerUrls('http://xzfw.demo.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=2102000002&fbtime=2023', 2025);
    expect(urls).toHaveLength(2025 - 2008); // all years but the one asked for
    expect(urls[0]).toBe('http://xzfw.demo.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=2102000002&fbtime=2025');
    expect(urls.at(-1)).toBe('http://xzfw.demo.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=2102000002&fbtime=2008');
    expect(yearViewerUrls('http://x.gov.cn/list.jsp?fbtime=2023', 2025)).toEqual([]);
  });
});

describe('static pager numbering', () => {
  const link = (url: string) => ({ url, text: '', title: '', source: 'a' as const });
  it('starts at index_2 where the pager never links index_1 (only TRS numbers page 2 as index_1)', () => {
    const urls = staticPageUrls('http://www.demo.gov.cn/col/index.html', [link('http://www.demo.gov.cn/col/index_2.html')], 2);
    expect(urls).toEqual(['http://www.demo.gov.cn/col/index_2.html']);
  });
  it('keeps TRS numbering from index_1', () => {
    const urls = staticPageUrls('http://www.demo.gov.cn/col/index.html', [link('http://www.demo.gov.cn/col/index_1.html'), link('http://www.demo.gov.cn/col/index_3.html')], 4);
    expect(urls).toEqual(['http://www.demo.gov.cn/col/index_1.html', 'http://www.demo.gov.cn/col/index_2.html', 'http://www.demo.gov.cn/col/index_3.html']);
  });
});
