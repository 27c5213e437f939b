/**
 * Nightly operation: a run killed with SIGKILL at an arbitrary moment resumes on the next start and
 * ends with the same archive content and database as an uninterrupted run; --max-duration ends a
 * run cleanly and the next one carries on; two runs never overlap.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { acquireLock } from '../storage/lock.ts';
import { contentDigest } from '../storage/contentDigest.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { HTTP_PORTALS, crawlDemo, demoPortals, httpPortalsCsv, openReadOnly, type Workspace, workspace } from './support/crawl.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const CLI = path.join(PROJECT_ROOT, 'bin/nianbao.js');

function digestOf(ws: Workspace): ReturnType<typeof contentDigest> {
  const db = openReadOnly(ws.dbFile);
  try {
    return contentDigest(db);
  } finally {
    db.close();
  }
}

function snapshotCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM snapshots`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('resuming and bounding runs', () => {
  let web: DemoWeb;
  let reference: Workspace;
  let portalsCsv: string;

  beforeAll(async () => {
    web = await startDemoWeb();
    reference = workspace();
    await crawlDemo(reference, web.proxyUrl, demoPortals(HTTP_PORTALS));
    portalsCsv = httpPortalsCsv(reference.dir);
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    reference?.cleanup();
  });

  it('a run killed with SIGKILL mid-crawl resumes to the same archive and database', async () => {
    const ws = workspace();
    const args = [CLI, 'crawl', '--portals', portalsCsv, '--proxy', web.proxyUrl, '--impolite', '--archive', ws.archiveDir, '--db', ws.dbFile, '--logs', ws.logDir, '--no-progress'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const total = digestOf(reference).counts.snapshots;
    // Kill once part of the work is stored (an arbitrary point: between or during writes).
    const deadline = Date.now() + 60_000;
    while (snapshotCount(ws.dbFile) < total / 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = snapshotCount(ws.dbFile);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);

    const summary = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    expect(summary.resumed).toBe(true);
    expect(summary.status).toBe('finished');
    expect(digestOf(ws)).toEqual(digestOf(reference));
    ws.cleanup();
  }, 240_000);

  it('responses archived but not indexed when a run died are adopted, not fetched again; a torn record is cut off', async () => {
    const ws = workspace();
    await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    // Make the database forget the last 10 exchanges, as if the run died after writing their WARC
    // records and before committing: their requests are pending again, the run unfinished.
    const db = new Database(ws.dbFile);
    const lost = db.prepare(`SELECT id, url, warc_file FROM snapshots ORDER BY id DESC LIMIT 10`).all() as { id: number; url: string; warc_file: string }[];
    db.transaction(() => {
      for (const s of lost) {
        db.prepare(`DELETE FROM reports WHERE snapshot_id = ?`).run(s.id);
        db.prepare(`DELETE FROM fetches WHERE snapshot_id = ?`).run(s.id);
        db.prepare(`DELETE FROM snapshots WHERE id = ?`).run(s.id);
        db.prepare(`UPDATE frontier SET state = 'pending' WHERE url = ?`).run(s.url);
      }
      db.prepare(`UPDATE runs SET status = 'running'`).run();
    })();
    db.close();
    const warc = path.join(ws.archiveDir, lost[0].warc_file);
    const torn = readFileSync(warc).subarray(0, 200);
    writeFileSync(warc, Buffer.concat([readFileSync(warc), torn]));
    web.clearRequests();
    const summary = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    expect(summary.adopted).toBe(10);
    const refetched = lost.filter((s) => web.requests.some((r) => `http://${r.host}${r.path}` === s.url));
    expect(refetched).toEqual([]);
    expect(digestOf(ws)).toEqual(digestOf(reference));
    ws.cleanup();
  }, 240_000);

  it('--max-duration stops a run cleanly; the next start resumes it to the same result', async () => {
    const ws = workspace();
    web.setFault({ kind: 'latency', ms: 150 });
    const first = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS), { maxDurationMs: 1500 });
    web.clearFaults();
    expect(first.status).toBe('stopped');
    expect(first.pendingLeft).toBeGreaterThan(0);
    const second = await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    expect(second.resumed).toBe(true);
    expect(second.runId).toBe(first.runId);
    expect(digestOf(ws)).toEqual(digestOf(reference));
    ws.cleanup();
  }, 240_000);

  it('refuses to start while another run holds the lock (exit code 3)', () => {
    const ws = workspace();
    mkdirSync(ws.dir, { recursive: true });
    const release = acquireLock(`${path.resolve(ws.dbFile)}.lock`);
    try {
      const run = spawnSync(process.execPath, [CLI, 'crawl', '--portals', portalsCsv, '--proxy', web.proxyUrl, '--db', ws.dbFile, '--archive', ws.archiveDir, '--logs', ws.logDir], { encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/another crawl \(pid \d+\) holds/);
    } finally {
      release();
      ws.cleanup();
    }
  });
});
