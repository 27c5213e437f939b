/**
 * Inspecting failures: after a crawl of a demo web with injected faults, `failures` lists exactly
 * the faulty URLs, grouped by host, error class and status; `retry` recovers those the web stops
 * breaking and reports the rest as still failing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/db.ts';
import { failureGroups, openFailures } from '../storage/failures.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { HTTP_PORTALS, crawlDemo, demoPortals, httpPortalsCsv, runCli, type Workspace, workspace } from './support/crawl.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const CLI = path.join(PROJECT_ROOT, 'bin/nianbao.js');

describe('failures and retry', () => {
  let web: DemoWeb;
  let ws: Workspace;
  let csv: string;
  let broken: Record<string, string>;

  beforeAll(async () => {
    web = await startDemoWeb();
    ws = workspace();
    csv = httpPortalsCsv(ws.dir);
    const reports = (host: string) => web.manifest.portals.find((p) => p.host === host)!.reports.filter((r) => r.kind === 'html' && !r.late);
    const [city, district, oldtown] = [reports('www.demo-city.gov.cn'), reports('www.demo-district.gov.cn'), reports('www.demo-oldtown.gov.cn')];
    broken = { server: city[0].url, busy: city[1].url, gone: district[0].url, reset: oldtown[0].url };
    const pathOf = (u: string) => new URL(u).pathname + new URL(u).search;
    web.setFault({ kind: 'status', status: 500, host: new URL(broken.server).host, path: pathOf(broken.server) });
    web.setFault({ kind: 'status', status: 503, retryAfter: 1, host: new URL(broken.busy).host, path: pathOf(broken.busy) });
    web.setFault({ kind: 'status', status: 404, host: new URL(broken.gone).host, path: pathOf(broken.gone) });
    web.setFault({ kind: 'reset', host: new URL(broken.reset).host, path: pathOf(broken.reset) });
    await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS), { maxAttempts: 2 });
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    ws?.cleanup();
  });

  it('lists exactly the injected faults as open, grouped by host, class and status', () => {
    const db = openDatabase(ws.dbFile);
    const groups = failureGroups(db);
    db.close();
    const open = groups.filter((g) => g.state === 'open').map((g) => [g.host, g.errorClass, g.status, g.examples].flat().filter((x) => x !== null).join(' ')).sort();
    expect(open).toEqual(
      [
        `www.demo-city.gov.cn http-5xx 500 ${broken.server}`,
        `www.demo-city.gov.cn http-5xx 503 ${broken.busy}`,
        `www.demo-district.gov.cn http-4xx 404 ${broken.gone}`,
        `www.demo-oldtown.gov.cn reset ${broken.reset}`,
      ].sort(),
    );
    const server = groups.find((g) => g.status === 500)!;
    expect(server.attempts).toBe(2); // retried once within the run, then given up
    expect(server.lastError).toMatch(/HTTP 500/);
  });

  it('filters by class and status, and prints JSON for scripts', () => {
    const run = spawnSync(process.execPath, [CLI, 'failures', '--db', ws.dbFile, '--class', 'http-5xx', '--json'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    const groups = JSON.parse(run.stdout);
    expect(groups.map((g: { status: number }) => g.status).sort()).toEqual([500, 503]);
    const bad = spawnSync(process.execPath, [CLI, 'failures', '--db', ws.dbFile, '--class', 'nonsense'], { encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).toBe(2);
  });

  it('retry recovers what the web stopped breaking; the rest stays open, the recovered show as recovered', async () => {
    web.clearFaults();
    web.setFault({ kind: 'status', status: 404, host: new URL(broken.gone).host, path: new URL(broken.gone).pathname });
    const run = await runCli(['retry', '--db', ws.dbFile, '--archive', ws.archiveDir, '--logs', ws.logDir, '--portals', csv, '--proxy', web.proxyUrl, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.recovered.sort()).toEqual([broken.server, broken.busy, broken.reset].sort());
    expect(result.stillFailing).toEqual([broken.gone]);
    const db = openDatabase(ws.dbFile);
    expect(openFailures(db).map((f) => f.url)).toEqual([broken.gone]);
    const recovered = failureGroups(db).filter((g) => g.state === 'recovered').flatMap((g) => g.examples);
    const reports = db.prepare(`SELECT COUNT(*) AS n FROM reports WHERE url IN (?, ?, ?)`).get(broken.server, broken.busy, broken.reset) as { n: number };
    db.close();
    expect(recovered.sort()).toEqual([broken.server, broken.busy, broken.reset].sort());
    expect(reports.n).toBe(3);
  }, 120_000);
});
