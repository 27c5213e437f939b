/**
 * Crawl throughput on the demo web's bench portal, politeness off, loopback only: the full pipeline
 * (fetch + WARC + index + discovery + parse + SQLite) against a bare crawlee CheerioCrawler fetching
 * the same URLs and doing nothing else, and against a plain undici + p-queue loop (the machine's
 * limit), all at the same concurrency, measured in the same run.
 */
import { CheerioCrawler } from '@crawlee/cheerio';
import { Configuration, ProxyConfiguration, log } from '@crawlee/core';
import PQueue from 'p-queue';
import { ProxyAgent, request } from 'undici';
import { parsePortalsCsv } from '../../crawler/portals.ts';
import { benchPortalCsv } from '../web/portals/bench.ts';
import { crawlDemo, openReadOnly, workspace } from '../support/crawl.ts';
import { PROJECT_ROOT } from '../support/shared.ts';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CrawlBench {
  crawl_pages_per_s: number;
  bare_crawl_pages_per_s: number;
  crawl_ratio: number;
  limit_pages_per_s: number;
  limit_ratio: number;
  pages: number;
  concurrency: number;
}

async function bareCrawlee(urls: string[], proxyUrl: string, concurrency: number): Promise<number> {
  log.setLevel(log.LEVELS.OFF);
  const crawler = new CheerioCrawler(
    {
      proxyConfiguration: new ProxyConfiguration({ proxyUrls: [proxyUrl] }),
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 0,
      requestHandler: async () => {},
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  const start = process.hrtime.bigint();
  await crawler.run(urls);
  return urls.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function plainLoop(urls: string[], proxyUrl: string, concurrency: number): Promise<number> {
  const agent = new ProxyAgent({ uri: proxyUrl, proxyTunnel: false, connections: concurrency });
  const queue = new PQueue({ concurrency });
  const start = process.hrtime.bigint();
  for (const url of urls) {
    void queue.add(async () => {
      const res = await request(url, { dispatcher: agent });
      await res.body.arrayBuffer();
    });
  }
  await queue.onIdle();
  const rate = urls.length / (Number(process.hrtime.bigint() - start) / 1e9);
  await agent.close();
  return rate;
}

/** The demo web in its own process, so that serving pages does not eat the crawler's CPU. */
async function demoWebProcess(reports: number): Promise<{ proxyUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test/web/main.ts'), '--bench-reports', String(reports)], { stdio: ['ignore', 'pipe', 'ignore'] });
  const proxyUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`demo web exited with ${code}`)));
  });
  return { proxyUrl, stop: () => child.kill('SIGTERM') };
}

export async function benchCrawl(reports = 2000, concurrency = 8): Promise<CrawlBench> {
  const web = await demoWebProcess(reports);
  const ws = workspace('nianbao-bench-');
  try {
    const { portals } = parsePortalsCsv(benchPortalCsv());
    const start = process.hrtime.bigint();
    const summary = await crawlDemo(ws, web.proxyUrl, portals, { httpConcurrency: concurrency });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const db = openReadOnly(ws.dbFile);
    const urls = (db.prepare(`SELECT DISTINCT url FROM fetches WHERE error_class IS NULL AND url NOT LIKE '%/robots.txt'`).all() as { url: string }[]).map((r) => r.url);
    db.close();
    const crawlRate = summary.fetched / seconds;
    const bare = await bareCrawlee(urls, web.proxyUrl, concurrency);
    const limit = await plainLoop(urls, web.proxyUrl, concurrency);
    return {
      crawl_pages_per_s: Math.round(crawlRate),
      bare_crawl_pages_per_s: Math.round(bare),
      crawl_ratio: Number((crawlRate / bare).toFixed(3)),
      limit_pages_per_s: Math.round(limit),
      limit_ratio: Number((crawlRate / limit).toFixed(3)),
      pages: summary.fetched,
      concurrency,
    };
  } finally {
    web.stop();
    ws.cleanup();
  }
}
