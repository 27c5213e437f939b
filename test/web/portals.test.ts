/** Every portal as a plain HTTP client (undici through the proxy) sees it. */
import iconv from 'iconv-lite';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyAgent } from 'undici';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';
import { CHALLENGE_COOKIE, agents, get } from './helpers.ts';
import type { PortalManifest } from './manifest.ts';

let web: DemoWeb;
let http: ProxyAgent;
const portal = (key: string): PortalManifest => web.manifest.portals.find((p) => p.key === key) as PortalManifest;
/** Links as an HTML parser sees them (not text inside <script>). */
const hrefs = (html: string) => load(html)('a[href]').toArray().map((a) => a.attribs.href as string);

beforeAll(async () => {
  web = await startDemoWeb();
  http = agents(web.proxyUrl).forward;
});
afterAll(async () => {
  await http.close();
  await web.close();
});

describe('every portal', () => {
  it('has a homepage that links towards its report column, and every manifest URL answers 200', async () => {
    for (const p of web.manifest.portals) {
      const headers = p.key === 'challenge' ? { cookie: CHALLENGE_COOKIE } : undefined;
      const home = await get(http, p.homepage, { headers });
      expect(home.status, p.homepage).toBe(200);
      const urls = [...p.reportColumns, ...p.listPages, ...p.reports.map((r) => r.url), ...p.distractors.map((d) => d.url),
        ...p.reports.flatMap((r) => r.attachments?.map((a) => a.url) ?? [])];
      for (const url of urls) expect((await get(http, url, { headers })).status, url).toBe(200);
    }
  });

  it('renders chrome a parser must strip: weather, greeting, breadcrumbs, font tools, login, share/QR, ICP and 公安备案', async () => {
    for (const p of web.manifest.portals) {
      const headers = p.key === 'challenge' ? { cookie: CHALLENGE_COOKIE } : undefined;
      const res = await get(http, p.reports[0]?.url as string, { headers });
      const text = p.key === 'gbk' ? iconv.decode(res.body, 'gb18030') : res.text;
      for (const marker of ['天气:', '您好! 欢迎光临', '当前位置:', '字号', 'ICP备', '公网安备']) expect(text, `${p.key} ${marker}`).toContain(marker);
      if (p.key !== 'gbk') for (const marker of ['用户登录', '还没有账号?', '立即注册', '扫一扫在手机打开当前页']) expect(text, `${p.key} ${marker}`).toContain(marker);
    }
  });

  it('keeps report pages, distractors and list pages distinct, and publishes 30–60 reports', () => {
    const urls = web.manifest.portals.flatMap((p) => [...p.reports.map((r) => r.url), ...p.distractors.map((d) => d.url)]);
    expect(new Set(urls).size).toBe(urls.length);
    expect(web.manifest.counts.reports).toBeGreaterThanOrEqual(30);
    expect(web.manifest.counts.reports).toBeLessThanOrEqual(60);
    for (const p of web.manifest.portals) expect(p.listPages.length, p.key).toBeGreaterThanOrEqual(2);
    const kinds = new Set(web.manifest.portals.flatMap((p) => p.distractors.map((d) => d.kind)));
    expect([...kinds].sort()).toEqual(['assessment', 'budget', 'enterprise-annual', 'news', 'notice-prepare', 'other-report', 'statistics-annual']);
  });
});

describe('TRS WCM (www.demo-city.gov.cn)', () => {
  it('writes the page count only in createPageHTML(); detail links are relative ./YYYYMM/tYYYYMMDD_ID.html', async () => {
    const list = await get(http, 'http://www.demo-city.gov.cn/zwgk/zfxxgknb/index.html');
    expect(list.text).toContain('createPageHTML(2, 0, "index", "html");');
    expect(hrefs(list.text).filter((h) => h.includes('index_1.html'))).toEqual([]);
    const details = hrefs(list.text).filter((h) => /^\.\/\d{6}\/t\d{8}_\d+\.html$/.test(h));
    expect(details).toHaveLength(6);
    const second = await get(http, 'http://www.demo-city.gov.cn/zwgk/zfxxgknb/index_1.html');
    expect(second.text).toContain('createPageHTML(2, 1, "index", "html");');
    const detail = await get(http, new URL(details[0] as string, 'http://www.demo-city.gov.cn/zwgk/zfxxgknb/index.html').href);
    expect(detail.text).toMatch(/<meta name="ArticleTitle" content="[^"]+"/);
    expect(detail.text).toContain('<div class="TRS_Editor">');
  });
});

describe('大汉 Hanweb (www.demo-district.gov.cn)', () => {
  it('hides page-1 links inside the inline datastore CDATA and serves later pages from dataproxy.jsp by POST', async () => {
    const col = await get(http, 'http://www.demo-district.gov.cn/col/col4353/index.html');
    expect(col.text).toContain('<script type="text/xml"><datastore>');
    expect(hrefs(col.text).filter((h) => h.startsWith('/art/'))).toEqual([]);
    expect([...col.text.matchAll(/<record><!\[CDATA\[[\s\S]*?href="(\/art\/\d{4}\/\d+\/\d+\/art_4353_\d+\.html)"/g)]).toHaveLength(4);
    const page2 = await get(http, 'http://www.demo-district.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=8&perpage=4', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'col=1&appid=1&webid=12&path=/&columnid=4353&unitid=56789&webname=%E4%B8%B4%E6%B1%9F&permissiontype=0',
    });
    expect(page2.headers['content-type']).toContain('text/xml');
    const arts = [...page2.text.matchAll(/href="(\/art\/[^"]+)"/g)].map((m) => m[1]);
    expect(arts).toHaveLength(4);
    expect(page2.text).toContain('<totalrecord>9</totalrecord>');
    for (const a of arts) expect((await get(http, `http://www.demo-district.gov.cn${a}`)).status).toBe(200);
  });
});

describe('集约化 platform (xxgk.demo-county.gov.cn)', () => {
  it('shows a plain client an empty list container; the links exist only in the JSON the script fetches', async () => {
    const list = await get(http, 'http://xxgk.demo-county.gov.cn/zfxxgknb/index.shtml');
    expect(list.text).toContain('id="gk-list"');
    expect(hrefs(list.text).filter((h) => /\/c\d+\//.test(h))).toEqual([]);
    const api = JSON.parse((await get(http, 'http://xxgk.demo-county.gov.cn/api/content/list?channelId=3102&pageNo=2&pageSize=5')).text) as { data: { total: number; list: { url: string }[] } };
    expect(api.data.total).toBe(7);
    expect(api.data.list).toHaveLength(2);
    const detail = await get(http, `http://xxgk.demo-county.gov.cn${api.data.list[0]?.url}`);
    for (const label of ['索引号：', '发布机构：', '成文日期：', '发布日期：', '文　　号：']) expect(detail.text).toContain(label);
  });
});

describe('old GBK site (www.demo-oldtown.gov.cn)', () => {
  it('sends GB18030 bytes with a gb2312 <meta> and no charset in Content-Type, byte-exact', async () => {
    for (const url of [portal('gbk').homepage, ...portal('gbk').listPages, ...portal('gbk').reports.map((r) => r.url)]) {
      const res = await get(http, url);
      expect(res.headers['content-type']).toBe('text/html');
      const decoded = iconv.decode(res.body, 'gb18030');
      expect(decoded).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
      expect(iconv.encode(decoded, 'gb18030').equals(res.body)).toBe(true);
      expect(res.text).not.toContain('石港区'); // read as UTF-8 it is mojibake
    }
    const list = iconv.decode((await get(http, portal('gbk').listPages[0] as string)).body, 'gb18030');
    expect(list).toContain('List.asp?ClassID=12&page=2');
  });

  it('has no robots.txt, as old sites often have none', async () => {
    expect((await get(http, 'http://www.demo-oldtown.gov.cn/robots.txt')).status).toBe(404);
  });
});

describe('attachment site (www.demo-bureau.gov.cn)', () => {
  it('serves real PDF, DOCX and DOC files, two of them through download.jsp without an extension', async () => {
    const files = portal('vsb').reports.flatMap((r) => r.attachments ?? []);
    expect(files.map((f) => f.type).sort()).toEqual(['doc', 'docx', 'pdf']);
    for (const f of files) {
      const res = await get(http, f.url);
      const magic = res.body.subarray(0, 8).toString('hex');
      if (f.type === 'pdf') expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
      if (f.type === 'docx') expect(magic.startsWith('504b0304')).toBe(true);
      if (f.type === 'doc') expect(magic).toBe('d0cf11e0a1b11ae1');
      if (f.viaDownloadJsp) {
        expect(new URL(f.url).pathname).toBe('/system/_content/download.jsp');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''.+\.(docx|doc)$/);
      }
    }
  });

  it('publishes one report whose tables are images', async () => {
    const report = portal('vsb').reports.find((r) => r.kind === 'image');
    const page = await get(http, report?.url as string);
    const imgs = [...page.text.matchAll(/<img src="([^"]+\.png)"/g)].map((m) => m[1] as string).filter((s) => s.includes('__local'));
    expect(imgs).toHaveLength(3);
    expect(page.text).not.toContain('<table border="1"');
    const png = await get(http, imgs[0] as string);
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('瑞数-style challenge (www.demo-province.gov.cn)', () => {
  it('answers a plain client with 412 and a cookie-setting script, every time', async () => {
    for (const url of [portal('challenge').homepage, portal('challenge').reports[0]?.url as string]) {
      const res = await get(http, url);
      expect(res.status).toBe(412);
      expect(res.headers['set-cookie']).toMatch(/^FSSBBIl1UgzbN7N80S=/);
      expect(res.text).toContain('document.cookie=');
    }
  });

  it('serves robots.txt unprotected, with a Crawl-delay and Disallow lines covering the manifest\'s disallowed URLs', async () => {
    const robots = await get(http, 'http://www.demo-province.gov.cn/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.text).toContain('Crawl-delay: 1');
    const disallow = [...robots.text.matchAll(/^Disallow: (.+)$/gm)].map((m) => m[1] as string);
    for (const url of portal('challenge').disallowed) expect(disallow.some((d) => new URL(url).pathname.startsWith(d))).toBe(true);
  });
});
