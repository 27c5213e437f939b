/**
 * The next night: only what changed is fetched again. Listing pages are re-walked with conditional
 * requests, known reports are revalidated (304 -> revisit record, no second copy), a new report is
 * found, and a report corrected in place gets a new snapshot and record version while the old stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { HTTP_PORTALS, crawlDemo, demoPortals, openReadOnly, type Workspace, workspace } from './support/crawl.ts';

const CITY = 'www.demo-city.gov.cn';

describe('a second and third run of the crawl', () => {
  let web: DemoWeb;
  let ws: Workspace;

  beforeAll(async () => {
    web = await startDemoWeb();
    ws = workspace();
    await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    ws?.cleanup();
  });

  it('fetches nothing twice when nothing changed: every snapshot of run 2 is a revisit', async () => {
    web.clearRequests();
    const summary = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    expect(summary.newReports).toBe(0);
    expect(summary.changedReports).toBe(0);
    expect(summary.unchanged).toBeGreaterThan(20);
    const db = openReadOnly(ws.dbFile);
    const byType = db.prepare(`SELECT record_type, COUNT(*) AS n FROM snapshots WHERE run_id = ? GROUP BY record_type`).all(summary.runId) as { record_type: string; n: number }[];
    db.close();
    expect(byType.map((r) => r.record_type)).toEqual(['revisit']);
    // Conditional requests: the server answered 304 for pages it serves with validators.
    expect(web.requests.filter((r) => r.status === 304).length).toBeGreaterThan(20);
    expect(web.requests.filter((r) => r.status === 200 && /\/t\d{8}_\d+\.html$/.test(r.path)).length).toBe(0);
  }, 240_000);

  it('finds a report added to a list and keeps both versions of a corrected report', async () => {
    const trs = web.manifest.portals.find((p) => p.host === CITY)!;
    const late = trs.reports.find((r) => r.late)!;
    const corrected = trs.reports.find((r) => r.corrected)!;
    web.setFault({ kind: 'changing', host: CITY, path: '/zwgk/zfxxgknb/index.html', after: 0 });
    web.setFault({ kind: 'changing', host: CITY, path: new URL(corrected.url).pathname, after: 0 });
    const summary = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    web.clearFaults();
    expect(summary.newReports).toBe(1);
    expect(summary.changedReports).toBe(1);
    const db = openReadOnly(ws.dbFile);
    const versions = db.prepare(`SELECT r.version, x.record FROM reports r JOIN records x ON x.report_id = r.id WHERE r.url = ? ORDER BY r.version`).all(corrected.url) as { version: number; record: string }[];
    const snapshots = db.prepare(`SELECT COUNT(DISTINCT digest) AS n FROM snapshots WHERE url = ?`).get(corrected.url) as { n: number };
    const lateRow = db.prepare(`SELECT version FROM reports WHERE url = ?`).get(late.url);
    db.close();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].record).not.toBe(versions[1].record);
    expect(snapshots.n).toBe(2);
    expect(lateRow).toEqual({ version: 1 });
  }, 240_000);
});
