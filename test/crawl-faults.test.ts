/**
 * A crawl through a misbehaving web: each fault ends as its own error class in the fetch log, the
 * calendar trap is not followed forever, redirect chains are followed, and the rest of the portal
 * is crawled as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/db.ts';
import { failureGroups } from '../storage/failures.ts';
import type { CrawlSummary } from '../crawler/progress.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { crawlDemo, demoPortals, workspace, type Workspace } from './support/crawl.ts';

const CITY = 'www.demo-city.gov.cn';

describe('a crawl through faults', () => {
  let web: DemoWeb;
  let ws: Workspace;
  let summary: CrawlSummary;
  let urls: Record<string, string>;

  beforeAll(async () => {
    web = await startDemoWeb();
    ws = workspace();
    const reports = web.manifest.portals.find((p) => p.host === CITY)!.reports.filter((r) => r.kind === 'html' && !r.late);
    urls = { loop: reports[0].url, truncated: reports[1].url, lying: reports[2].url, huge: reports[3].url, chain: reports[4].url };
    const at = (u: string) => new URL(u).pathname;
    web.setFault({ kind: 'redirect-loop', host: CITY, path: at(urls.loop) });
    web.setFault({ kind: 'truncate', host: CITY, path: at(urls.truncated) });
    web.setFault({ kind: 'wrong-length', host: CITY, path: at(urls.lying) });
    web.setFault({ kind: 'oversize', host: CITY, path: at(urls.huge), bytes: 3 * 1024 * 1024 });
    web.setFault({ kind: 'redirect-chain', host: CITY, path: at(urls.chain), hops: 3 });
    web.setFault({ kind: 'calendar', host: CITY });
    summary = await crawlDemo(ws, web.proxyUrl, demoPortals((p) => p.homepage.includes(CITY)), { maxAttempts: 2, maxBodyBytes: 2 * 1024 * 1024 });
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    ws?.cleanup();
  });

  it('ends, and logs each fault under its own class', () => {
    expect(summary.status).toBe('finished');
    const db = openDatabase(ws.dbFile);
    const open = failureGroups(db).filter((g) => g.state === 'open');
    db.close();
    const classOf = (url: string) => open.find((g) => g.examples.includes(url))?.errorClass;
    expect(classOf(urls.loop)).toBe('redirect');
    expect(classOf(urls.truncated)).toBe('reset');
    expect(classOf(urls.lying)).toBe('reset');
    expect(classOf(urls.huge)).toBe('too-large');
    expect(classOf(urls.chain)).toBeUndefined();
  });

  it('follows a redirect chain to the report and parses it', () => {
    const db = openDatabase(ws.dbFile);
    const row = db.prepare(`SELECT COUNT(*) AS n FROM reports WHERE url = ?`).get(urls.chain) as { n: number };
    db.close();
    expect(row.n).toBe(1);
  });

  it('does not walk the calendar trap', () => {
    const calendar = web.requests.filter((r) => r.host === CITY && r.path.startsWith('/calendar/'));
    expect(calendar.length).toBeLessThanOrEqual(1);
  });

  it('crawls the rest of the portal as usual', () => {
    const reports = web.manifest.portals.find((p) => p.host === CITY)!.reports.filter((r) => !r.late);
    expect(summary.newReports).toBe(reports.length - 4);
  });
});
