/**
 * crawlee's CheerioCrawler reaches the demo web through `ProxyConfiguration({ proxyUrls })`, in-memory
 * storage only (no ./storage files), bounded by maxRequestsPerCrawl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheerioCrawler, Configuration, ProxyConfiguration, log } from '@crawlee/cheerio';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';

let web: DemoWeb;
beforeAll(async () => {
  log.setLevel(log.LEVELS.WARNING);
  web = await startDemoWeb();
});
afterAll(async () => {
  await web.close();
});

describe('crawlee ProxyConfiguration', () => {
  it('crawls the TRS report column through the proxy', async () => {
    const trs = web.manifest.portals.find((p) => p.key === 'trs');
    const titles = new Map<string, string>();
    const config = new Configuration({ persistStorage: false, purgeOnStart: true, storageClientOptions: { persistStorage: false } });
    const crawler = new CheerioCrawler({
      proxyConfiguration: new ProxyConfiguration({ proxyUrls: [web.proxyUrl] }),
      maxRequestsPerCrawl: 12,
      maxConcurrency: 2,
      requestHandlerTimeoutSecs: 20,
      useSessionPool: false,
      async requestHandler({ request, $, enqueueLinks }) {
        titles.set(request.loadedUrl ?? request.url, $('title').text());
        await enqueueLinks({ globs: ['http://www.demo-city.gov.cn/zwgk/zfxxgknb/**'] });
      },
    }, config);
    await crawler.run([trs?.reportColumns[0] as string]);
    const reportUrls = new Set(trs?.reports.map((r) => r.url));
    const found = [...titles.keys()].filter((u) => reportUrls.has(u));
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const u of found) expect(titles.get(u)).toContain('政府信息公开工作年度报告');
    expect(web.requests.filter((r) => r.host === 'www.demo-city.gov.cn' && r.mode === 'proxy').length).toBeGreaterThanOrEqual(6);
  });
});
