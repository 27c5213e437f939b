/**
 * The nightly crawl on the demo web: every report of every portal is found (counted against the
 * demo web's own manifest), parsed to its expected record, and archived byte-exact; distractors
 * never become reports; the browser-only and challenge portals go through Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordAt, readWarcFile } from '../storage/warc/reader.ts';
import { reportOf } from '../storage/reportOf.ts';
import type { SnapshotRow } from '../storage/snapshots.ts';
import type { CrawlSummary } from '../crawler/progress.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { agents, get } from './web/helpers.ts';
import { recordDifferences } from './support/expected.ts';
import { recordCells } from './support/cells.ts';
import { crawlDemo, demoPortals, openReadOnly, workspace, type Workspace } from './support/crawl.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const hasChromium = existsSync('/usr/bin/chromium') || !!process.env.CRAWLEE_DEFAULT_BROWSER_PATH;

describe.skipIf(!hasChromium)('a crawl of the demo web', () => {
  let web: DemoWeb;
  let ws: Workspace;
  let summary: CrawlSummary;
  let db: ReturnType<typeof openReadOnly>;

  beforeAll(async () => {
    web = await startDemoWeb();
    ws = workspace();
    summary = await crawlDemo(ws, web.proxyUrl, demoPortals());
    db = openReadOnly(ws.dbFile);
  }, 240_000);

  afterAll(async () => {
    db?.close();
    await web?.close();
    ws?.cleanup();
  });

  const snapshot = (url: string): SnapshotRow | undefined =>
    db.prepare(`SELECT * FROM snapshots WHERE url = ? AND record_type = 'response' ORDER BY id LIMIT 1`).get(url) as SnapshotRow | undefined;
  const body = async (s: SnapshotRow): Promise<Buffer> => (await readRecordAt(path.join(ws.archiveDir, s.warc_file), s.warc_offset, s.warc_length)).body;

  it('finishes and reports what it found', () => {
    expect(summary.status).toBe('finished');
    const htmlReports = web.manifest.portals.flatMap((p) => p.reports).filter((r) => !r.late && r.kind !== 'attachment');
    expect(summary.newReports).toBeGreaterThanOrEqual(htmlReports.length);
  });

  it('finds every report of every portal, and each parses to its expected record', () => {
    for (const portal of web.manifest.portals) {
      for (const report of portal.reports.filter((r) => !r.late)) {
        const row = db.prepare(`SELECT x.record FROM reports r JOIN records x ON x.report_id = r.id WHERE r.url = ? ORDER BY r.version LIMIT 1`).get(report.url) as { record: string } | undefined;
        expect(row, `${portal.host}: ${report.url}`).toBeDefined();
        const expected = JSON.parse(readFileSync(path.join(PROJECT_ROOT, report.expected), 'utf8'));
        expect(recordDifferences(expected, JSON.parse(row!.record)), report.url).toEqual([]);
      }
    }
  });

  it('leaves no open failure on a web without faults (the challenge pages are recovered through Chromium)', async () => {
    const { failureGroups } = await import('../storage/failures.ts');
    const { openDatabase } = await import('../storage/db.ts');
    const rw = openDatabase(ws.dbFile);
    const groups = failureGroups(rw);
    rw.close();
    expect(groups.filter((g) => g.state === 'open')).toEqual([]);
  });

  it('lets no distractor become a report', () => {
    const distractors = web.manifest.portals.flatMap((p) => p.distractors.map((d) => d.url));
    const reports = new Set((db.prepare(`SELECT url FROM reports`).all() as { url: string }[]).map((r) => r.url));
    expect(distractors.filter((u) => reports.has(u))).toEqual([]);
    const known = new Set(web.manifest.portals.flatMap((p) => p.reports.flatMap((r) => [r.url, ...(r.attachments ?? []).map((a) => a.url)])));
    expect([...reports].filter((u) => !known.has(u))).toEqual([]);
  });

  it('walks every listing page: static index_N, script-written counts, Hanweb data-proxy POSTs, JS lists', () => {
    const fetched = new Set((db.prepare(`SELECT url FROM fetches`).all() as { url: string }[]).map((r) => r.url));
    for (const portal of web.manifest.portals) {
      for (const page of portal.listPages) {
        const seen = fetched.has(page) || [...fetched].some((u) => u.split('?')[0] === page.split('?')[0] && page.includes('dataproxy'));
        expect(seen, `${portal.host}: ${page}`).toBe(true);
      }
    }
  });

  it('crawls the JS-list portal and the challenge portal through Chromium', () => {
    const byBrowser = (host: string): number =>
      (db.prepare(`SELECT COUNT(*) AS n FROM snapshots WHERE fetched_by = 'browser' AND url LIKE ?`).get(`http://${host}/%`) as { n: number }).n;
    expect(byBrowser('xxgk.demo-county.gov.cn')).toBeGreaterThan(0);
    expect(byBrowser('www.demo-province.gov.cn')).toBeGreaterThan(0);
    const challenges = db.prepare(`SELECT COUNT(*) AS n FROM fetches WHERE error_class = 'challenge'`).get() as { n: number };
    expect(challenges.n).toBeGreaterThan(0);
    // Switching to the browser is not a failure of the run.
    expect(summary.challenges).toBe(challenges.n);
    expect(summary.failures).toBe(0);
  });

  it('stores the GBK pages byte-exact and parses them', async () => {
    const { forward } = agents(web.proxyUrl);
    const portal = web.manifest.portals.find((p) => p.host === 'www.demo-oldtown.gov.cn')!;
    for (const report of portal.reports) {
      const s = snapshot(report.url)!;
      const served = await get(forward, report.url);
      expect(Buffer.compare(await body(s), served.body), report.url).toBe(0);
      const record = JSON.parse((db.prepare(`SELECT x.record FROM reports r JOIN records x ON x.report_id = r.id WHERE r.url = ?`).get(report.url) as { record: string }).record);
      expect(record.flags).toContain('not-utf8');
    }
    await forward.close();
  });

  it('stores attachments (PDF, DOCX, DOC) byte-exact', async () => {
    const { forward } = agents(web.proxyUrl);
    const files = web.manifest.portals.flatMap((p) => p.reports.flatMap((r) => r.attachments ?? []));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const s = snapshot(file.url);
      expect(s, file.url).toBeDefined();
      expect(Buffer.compare(await body(s!), (await get(forward, file.url)).body), file.url).toBe(0);
    }
    await forward.close();
  });

  it('obeys robots.txt: the disallowed draft is never requested', () => {
    const disallowed = web.manifest.portals.flatMap((p) => p.disallowed ?? []);
    expect(disallowed.length).toBeGreaterThan(0);
    for (const url of disallowed) {
      const path = new URL(url).pathname;
      expect(web.requests.some((r) => r.path === path), url).toBe(false);
    }
  });

  it('logs every fetch attempt and writes the JSON-lines log', () => {
    const fetches = (db.prepare(`SELECT COUNT(*) AS n FROM fetches`).get() as { n: number }).n;
    expect(fetches).toBeGreaterThanOrEqual(summary.fetched);
    const logFile = path.join(ws.logDir, `fetches-${new Date().toISOString().slice(0, 10)}.jsonl`);
    const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(fetches);
    expect(Object.keys(lines[0])).toEqual(['time', 'run', 'url', 'portal', 'host', 'status', 'bytes', 'durationMs', 'errorClass', 'error', 'fetchedBy', 'snapshot']);
  });

  it('gives one wide row per report in the template views', () => {
    const wide = db.prepare(`SELECT applications_r1_total, active_normativeDocuments_issued FROM reports_2021 WHERE url LIKE '%demo-city%'`).all();
    expect(wide.length).toBeGreaterThan(0);
    const n2019 = (db.prepare(`SELECT COUNT(*) AS n FROM reports_2019`).get() as { n: number }).n;
    expect(n2019).toBe((db.prepare(`SELECT COUNT(*) AS n FROM reports WHERE template = '2019'`).get() as { n: number }).n);
  });

  it('keeps each report whole: `records` gives back what the parser makes of the archived page; `cells` and `checks` its tables and checks', async () => {
    const reports = db.prepare(`SELECT s.*, x.report_id AS id, x.record FROM records x JOIN reports r ON r.id = x.report_id JOIN snapshots s ON s.id = r.snapshot_id`)
      .all() as (SnapshotRow & { id: number; record: string })[];
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      const record = reportOf({ url: r.url, contentType: r.content_type, kind: r.kind, status: r.status }, await body(r))!;
      expect(JSON.parse(r.record), r.url).toEqual(JSON.parse(JSON.stringify(record)));
      const expected = recordCells(record).map((c) => [c.table, c.row, c.column, c.value]).sort((a, b) => String(a.slice(0, 3)).localeCompare(String(b.slice(0, 3))));
      const stored = (db.prepare(`SELECT table_name, row_key, column_key, value FROM cells WHERE report_id = ?`).raw().all(r.id) as unknown[][])
        .sort((a, b) => String(a.slice(0, 3)).localeCompare(String(b.slice(0, 3))));
      expect(stored, String(r.id)).toEqual(expected);
      const checks = db.prepare(`SELECT check_id, scope, ok, detail FROM checks WHERE report_id = ? ORDER BY check_id, scope`).raw().all(r.id) as unknown[][];
      const expectedChecks = (record.checks as { id: string; scope: string; ok: boolean; detail: string }[])
        .map((c) => [c.id, c.scope, c.ok ? 1 : 0, c.detail])
        .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
      expect(checks, String(r.id)).toEqual(expectedChecks);
    }
  });

  it('archives each request as it was sent: our User-Agent, a Chinese Accept-Language, one Content-Type on a form POST', async () => {
    const post = db.prepare(`SELECT * FROM snapshots WHERE url LIKE '%dataproxy%' AND fetched_by = 'http' ORDER BY id LIMIT 1`).get() as SnapshotRow | undefined;
    expect(post, 'a Hanweb data-proxy POST was archived').toBeDefined();
    let request: Awaited<ReturnType<typeof readRecordAt>> | undefined;
    let responseId = '';
    for await (const r of readWarcFile(path.join(ws.archiveDir, post!.warc_file))) {
      if (r.offset === post!.warc_offset) responseId = r.recordId;
      else if (responseId && r.type === 'request' && r.warcHeader('WARC-Concurrent-To') === responseId) request = r;
    }
    expect(request).toBeDefined();
    const named = (name: string) => request!.httpHeaders.filter(([k]) => k.toLowerCase() === name);
    expect(named('user-agent').map(([, v]) => v)).toEqual([expect.stringMatching(/^nianbao\//)]);
    expect(named('accept-language').map(([, v]) => v)).toEqual([expect.stringMatching(/^zh-CN/)]);
    expect(named('content-type')).toHaveLength(1);
    expect(request!.body.toString()).not.toBe('');
  });
});
