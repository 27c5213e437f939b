/** Scope, trap guards, robots.txt and the browser check, each on the cases that decide a crawl. */
import { describe, expect, it } from 'vitest';
import { detectChallenge, detectJsList, needsBrowser } from '../../crawler/discovery/needsBrowser.ts';
import { parseRobots, productToken, robotsUrlFor } from '../../crawler/discovery/robots.ts';
import { hostInScope, makeScope, registrableDomain, shouldFollow, stripSessionIds, trapReason } from '../../crawler/discovery/scope.ts';
import { JIYUE_SHELL, JSL_521, RS_412, TRS_LISTING, VUE_SHELL } from './pages.ts';

describe('registrable domains', () => {
  it.each([
    ['www.changzhi.gov.cn', 'changzhi.gov.cn'],
    ['xxgk.demo-county.gov.cn', 'demo-county.gov.cn'],
    ['changzhi.gov.cn', 'changzhi.gov.cn'],
    ['www.gov.cn', 'www.gov.cn'],
    ['nmj.xlgl.gov.cn', 'xlgl.gov.cn'],
    ['a.b.example.com.cn', 'example.com.cn'],
    ['www.bj.cn', 'www.bj.cn'],
    ['news.example.com', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['WWW.Demo.Gov.CN.', 'demo.gov.cn'],
  ])('%s -> %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});

describe('portal scope', () => {
  const county = makeScope({ homepage: 'http://www.demo-county.gov.cn/', reportColumns: ['http://zwgk.other-platform.gov.cn/county/nb/'] });
  const dept = makeScope({ homepage: 'https://nmj.xlgl.gov.cn/' });

  it('lets a portal that owns its domain onto its sibling hosts', () => {
    expect(county.ownsDomain).toBe(true);
    expect(hostInScope('xxgk.demo-county.gov.cn', county, 'page')).toBe(true);
    expect(hostInScope('zwgk.other-platform.gov.cn', county, 'page')).toBe(true);
    expect(hostInScope('www.other-platform.gov.cn', county, 'page')).toBe(false);
    expect(hostInScope('www.demo-city.gov.cn', county, 'page')).toBe(false);
  });

  it('keeps a department portal to its own host for pages, its parent domain for attachments', () => {
    expect(dept.ownsDomain).toBe(false);
    expect(hostInScope('www.xlgl.gov.cn', dept, 'page')).toBe(false);
    expect(hostInScope('file.xlgl.gov.cn', dept, 'attachment')).toBe(true);
    expect(hostInScope('www.gov.cn', dept, 'attachment')).toBe(false);
  });

  it('says why not', () => {
    expect(shouldFollow('http://www.gov.cn/zhengce/', county, { kind: 'listing', depth: 1 })).toEqual({ follow: false, reason: 'out of scope: www.gov.cn' });
    expect(shouldFollow('http://www.demo-county.gov.cn/a/', county, { kind: 'listing', depth: 6 })).toEqual({ follow: false, reason: 'too deep: 6 > 5' });
    expect(shouldFollow('http://www.demo-county.gov.cn/a/t1.html', county, { kind: 'report', depth: 9 }).follow).toBe(true);
    expect(shouldFollow('http://www.demo-county.gov.cn/a/', county, { kind: 'listing', depth: 1, pagesSoFar: 20_000 })).toEqual({ follow: false, reason: 'page cap 20000 reached' });
    expect(shouldFollow('http://www.demo-county.gov.cn/s?q=1', county, { kind: 'listing', depth: 1, queryVariants: 300 }).follow).toBe(false);
    expect(shouldFollow('http://www.demo-county.gov.cn/s', county, { kind: 'listing', depth: 1, queryVariants: 300 }).follow).toBe(true);
  });

  it('always follows a column the portal list names, on any host', () => {
    expect(shouldFollow('http://zwgk.other-platform.gov.cn/county/nb/', county, { kind: 'listing', depth: 99 })).toEqual({ follow: true, url: 'http://zwgk.other-platform.gov.cn/county/nb/' });
  });

  it('strips session ids and hands back the clean URL', () => {
    expect(stripSessionIds('http://h.gov.cn/list.jsp;jsessionid=A1B2C3?col=1&JSESSIONID=x&sid=9')).toBe('http://h.gov.cn/list.jsp?col=1');
    expect(shouldFollow('http://www.demo-county.gov.cn/a.jsp;jsessionid=ABC?x=1', county, { kind: 'report', depth: 1 })).toEqual({
      follow: true,
      url: 'http://www.demo-county.gov.cn/a.jsp?x=1',
    });
  });
});

describe('trap guards', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  it.each([
    ['http://h.gov.cn/calendar/2024/01/', 'trap: calendar'],
    ['http://h.gov.cn/event.jsp?d=2024-01-01', 'trap: calendar date d=2024-01-01'],
    ['http://h.gov.cn/list.jsp?date=20240101', 'trap: calendar date date=20240101'],
    ['http://h.gov.cn/a/b/a/b/index.html', 'trap: repeated path "a/b"'],
    ['http://h.gov.cn/zwgk/zwgk/zwgk/', 'trap: segment "zwgk" repeated 3 times'],
    ['http://h.gov.cn/v.jsp?fbtime=2031', 'trap: year 2031 in the future'],
    ['http://h.gov.cn/hd/list.jsp?t=2026-03-01', 'trap: date 2026-03-01 in the future'],
    [`http://h.gov.cn/s?${Array.from({ length: 12 }, (_, i) => `p${i}=1`).join('&')}`, 'trap: 12 query parameters'],
    [`http://h.gov.cn/${'x'.repeat(1001)}`, 'trap: URL longer than 1000'],
  ])('%s', (url, reason) => expect(trapReason(url, now)).toBe(reason));

  it.each([
    'http://h.gov.cn/zwgk/zfxxgknb/202401/t20240119_664642.html',
    'http://h.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=1&fbtime=2024',
    'http://h.gov.cn/art/2024/1/20/art_1234_1.html',
    'http://h.gov.cn/list.jsp?col=12&pageNum=3',
    'http://h.gov.cn/hd/list.jsp?t=2025-05-01',
  ])('%s is no trap', (url) => expect(trapReason(url, now)).toBeNull());
});

describe('robots.txt', () => {
  const UA = 'nianbao/0.1 (+https://github.com/nianbao/nianbao)';
  const robots = parseRobots(
    'http://www.demo.gov.cn/robots.txt',
    {
      status: 200,
      body: [
        'User-agent: *',
        'Disallow: /module/',
        'Allow: /module/web/jpage/',
        'Disallow: /*.jsp$',
        'Crawl-delay: 10',
        '',
        'User-agent: nianbao',
        'Disallow: /search/',
        'Disallow: /*?keyword=',
        'Crawl-delay: 2',
        'Sitemap: http://www.demo.gov.cn/sitemap.xml',
      ].join('\n'),
    },
    UA,
  );

  it('uses the group of our product token, not the * group', () => {
    expect(robots.allowed('http://www.demo.gov.cn/search/x')).toBe(false);
    expect(robots.allowed('http://www.demo.gov.cn/module/web/jpage/dataproxy.jsp')).toBe(true);
    expect(robots.allowed('http://www.demo.gov.cn/list?keyword=nb')).toBe(false);
    expect(robots.crawlDelay).toBe(2);
    expect(robots.sitemaps).toEqual(['http://www.demo.gov.cn/sitemap.xml']);
  });

  it('applies the * group with longest-match Allow, `*` and `$` to other agents', () => {
    const other = parseRobots('http://www.demo.gov.cn/robots.txt', { status: 200, body: 'User-agent: *\nDisallow: /module/\nAllow: /module/web/jpage/\nDisallow: /*.jsp$\nCrawl-delay: 10' }, 'OtherBot/1.0');
    expect(other.allowed('http://www.demo.gov.cn/module/xxgk/x.html')).toBe(false);
    expect(other.allowed('http://www.demo.gov.cn/module/web/jpage/a.html')).toBe(true);
    expect(other.allowed('http://www.demo.gov.cn/col/list.jsp')).toBe(false);
    expect(other.allowed('http://www.demo.gov.cn/col/list.jsp?page=2')).toBe(true);
    expect(other.crawlDelay).toBe(10);
  });

  it('allows everything when robots.txt is missing or is an HTML page, nothing when the server fails', () => {
    expect(parseRobots('http://h.gov.cn/robots.txt', { status: 404, body: '' }, UA).allowed('http://h.gov.cn/x')).toBe(true);
    expect(parseRobots('http://h.gov.cn/robots.txt', { status: 412, body: RS_412 }, UA).allowed('http://h.gov.cn/x')).toBe(true);
    const soft404 = parseRobots('http://h.gov.cn/robots.txt', { status: 200, body: '<!DOCTYPE html><html><body>页面不存在 Disallow: /</body></html>' }, UA);
    expect([soft404.allowed('http://h.gov.cn/x'), soft404.basis]).toEqual([true, 'absent']);
    const down = parseRobots('http://h.gov.cn/robots.txt', { status: 503, body: '' }, UA);
    expect([down.allowed('http://h.gov.cn/x'), down.basis]).toEqual([false, 'unavailable']);
    expect(parseRobots('http://h.gov.cn/robots.txt', { status: null, body: '' }, UA).allowed('http://h.gov.cn/')).toBe(false);
  });

  it('refuses to answer for another origin', () => {
    expect(() => robots.allowed('https://www.demo.gov.cn/x')).toThrow(RangeError);
    expect(robotsUrlFor('https://www.demo.gov.cn/a/b.html?x=1')).toBe('https://www.demo.gov.cn/robots.txt');
  });

  it('finds the product token in plain and compatible user agents', () => {
    expect(productToken(UA)).toBe('nianbao');
    expect(productToken('Mozilla/5.0 (compatible; nianbao/0.1; +https://x)')).toBe('nianbao');
  });
});

describe('needsBrowser', () => {
  it('knows 瑞数 by $_ts and r="m" even without its cookie', () => {
    expect(detectChallenge({ status: 412, html: RS_412 })).toMatch(/^瑞数/);
    expect(detectChallenge({ status: 412, html: '<html><head><meta id="x1" content="abc" r="m"></head><body></body></html>' })).toMatch(/瑞数 \(r="m"\)/);
  });

  it('knows 加速乐 by its cookie-and-reload script and by the __jsluid cookie', () => {
    expect(detectChallenge({ status: 521, html: JSL_521 })).toMatch(/cookie-and-reload/);
    expect(detectChallenge({ status: 521, html: '<html></html>', headers: { 'set-cookie': '__jsluid_h=1a2b; path=/' } })).toMatch(/challenge cookie/);
  });

  it('does not call an ordinary page or error page a challenge', () => {
    expect(detectChallenge({ status: 200, html: TRS_LISTING })).toBeNull();
    expect(detectChallenge({ status: 404, html: '<html><body><h1>404 页面不存在</h1><a href="/">返回首页</a></body></html>' })).toBeNull();
    const analytics = `${TRS_LISTING}<script>document.cookie="visited=1";setTimeout(function(){},10)</script>`;
    expect(detectChallenge({ status: 200, html: analytics })).toBeNull();
    expect(needsBrowser({ status: 403, html: '<html><body>Forbidden</body></html>' }, 0).needsBrowser).toBe(false);
  });

  it('finds list shells built by $.ajax, fetch + Vue, or script templates', () => {
    expect(detectJsList(JIYUE_SHELL, 0)).toBe('empty #newsList + data fetch');
    expect(detectJsList(VUE_SHELL, 0)).toMatch(/^client-side template/);
    const artTemplate = `<ul id="list"></ul><script type="text/html" id="tpl">{{each rows}}<li><a href="{{$value.url}}">{{$value.title}}</a></li>{{/each}}</script>
      <script>$.getJSON('/api/list', function(d){ $('#list').html(template('tpl', d)); });</script>`;
    expect(detectJsList(artTemplate, 0)).not.toBeNull();
  });

  it('leaves pages with report links, with an inline datastore, or with no fetching script alone', () => {
    expect(detectJsList(JIYUE_SHELL, 1)).toBeNull();
    expect(detectJsList('<ul id="list"></ul><script type="text/xml"><datastore></datastore></script><script>$.ajax({})</script>', 0)).toBeNull();
    expect(detectJsList('<ul id="list"></ul><p>暂无信息</p>', 0)).toBeNull();
  });
});
