/**
 * Every portal as Debian's Chromium (through Playwright) sees it: the scripts run, so the JS-only list,
 * the Hanweb datastore, the TRS pager and the 412 challenge all resolve. Skipped when /usr/bin/chromium
 * is missing (apt-get install -y chromium).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright';
import type { Browser, BrowserContext, Page } from 'playwright';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';
import type { PortalManifest } from './manifest.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
let web: DemoWeb;
let browser: Browser;
let context: BrowserContext;
const portal = (key: string): PortalManifest => web.manifest.portals.find((p) => p.key === key) as PortalManifest;

async function links(page: Page, selector = 'a[href]'): Promise<string[]> {
  return page.$$eval(selector, (as) => as.map((a) => (a as HTMLAnchorElement).href));
}

describe.skipIf(!haveChromium)('under Chromium', () => {
  beforeAll(async () => {
    web = await startDemoWeb();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      proxy: { server: web.proxyUrl },
      timeout: 30_000,
    });
    context = await browser.newContext();
    context.setDefaultTimeout(15_000);
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
  });

  it('TRS: createPageHTML() writes the pager links a plain client never sees', async () => {
    const page = await context.newPage();
    await page.goto('http://www.demo-city.gov.cn/zwgk/zfxxgknb/index.html');
    const hrefs = await links(page, '.page a');
    expect(hrefs).toContain('http://www.demo-city.gov.cn/zwgk/zfxxgknb/index_1.html');
    await page.close();
  });

  it('Hanweb: jpage renders the inline datastore and fetches page 2 by POST to dataproxy.jsp', async () => {
    const page = await context.newPage();
    await page.goto(portal('hanweb').reportColumns[0] as string);
    await page.waitForSelector('.jp-list a');
    const first = await links(page, '.jp-list a');
    expect(first).toHaveLength(4);
    const posted = page.waitForRequest((r) => r.url().includes('dataproxy.jsp') && r.method() === 'POST');
    await page.click('.default_pgContainer a[data-page="2"]');
    await posted;
    await page.waitForFunction((old) => document.querySelector('.jp-list a')?.getAttribute('href') !== old, new URL(first[0] as string).pathname);
    const second = await links(page, '.jp-list a');
    expect(second).toHaveLength(4);
    expect(second.filter((h) => first.includes(h))).toEqual([]);
    const reportUrls = portal('hanweb').reports.map((r) => r.url);
    for (const h of [...first, ...second]) expect(reportUrls).toContain(h);
    await page.close();
  });

  it('集约化: the list appears only after the script fetched it, and ?page=2 shows the rest', async () => {
    const page = await context.newPage();
    const column = portal('jiyue').reportColumns[0] as string;
    await page.goto(column);
    await page.waitForSelector('#gk-list li a');
    const one = await links(page, '#gk-list a');
    await page.goto(`${column}?page=2`);
    await page.waitForSelector('#gk-list li a');
    const two = await links(page, '#gk-list a');
    expect(new Set([...one, ...two])).toEqual(new Set(portal('jiyue').reports.map((r) => r.url)));
    expect(await links(page, '#gk-pager a')).toContain(`${column}?page=1`);
    await page.close();
  });

  it('GBK site: the browser decodes the gb2312 <meta> page', async () => {
    const page = await context.newPage();
    const report = portal('gbk').reports[0];
    await page.goto(report?.url as string);
    expect(await page.title()).toContain(report?.title as string);
    expect(await page.textContent('body')).toContain('当前位置:');
    await page.close();
  });

  it('challenge site: the 412 script sets the cookie and reloads into the real page', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const first = await page.goto(portal('challenge').homepage);
    expect(first?.status()).toBe(412);
    await page.waitForFunction(() => document.title.includes('澜江省人民政府'));
    const report = portal('challenge').reports[0];
    const direct = await page.goto(report?.url as string);
    expect(direct?.status()).toBe(200);
    expect(await page.title()).toContain(report?.title as string);
    const cookies = await ctx.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['FSSBBIl1UgzbN7N80S', 'FSSBBIl1UgzbN7N80T']);
    await ctx.close();
  });

  it('attachment site: detail pages link the files and the image-only report shows its pictures', async () => {
    const page = await context.newPage();
    const vsb = portal('vsb');
    for (const r of vsb.reports.filter((x) => x.kind === 'attachment')) {
      await page.goto(r.url);
      expect(await links(page, '.v_news_content a, form ul a')).toContain(r.attachments?.[0]?.url);
    }
    await page.goto(vsb.reports.find((r) => r.kind === 'image')?.url as string);
    const widths = await page.$$eval('.v_news_content img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThan(100);
    await page.close();
  });

  it('https:// works through the proxy for a context that ignores the self-signed certificate', async () => {
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await ctx.newPage();
    const res = await page.goto('https://www.demo-city.gov.cn/zwgk/zfxxgknb/index.html');
    expect(res?.status()).toBe(200);
    expect(await links(page, '.page a')).toContain('https://www.demo-city.gov.cn/zwgk/zfxxgknb/index_1.html');
    await ctx.close();
  });

  it('every portal homepage loads, and nothing outside the demo web was ever answered', async () => {
    const page = await context.newPage();
    for (const p of web.manifest.portals) {
      const res = await page.goto(p.homepage);
      if (p.key !== 'challenge') expect(res?.status(), p.homepage).toBe(200);
      await page.waitForFunction(() => document.title.length > 0);
    }
    await page.close();
    const served = new Set([...web.hosts, web.manifest.controlHost]);
    const outside = web.requests.filter((r) => !served.has(r.host));
    for (const r of outside) expect([403, 502], `${r.method} ${r.host}`).toContain(r.status);
  });
});
