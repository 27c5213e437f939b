/**
 * Rebuilding the database from the archive: equal to what the crawl wrote, identical twice over,
 * safe when killed, and honest about damaged archives.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../storage/contentDigest.ts';
import { openDatabase } from '../storage/db.ts';
import { rebuild, type RebuildProgress } from '../storage/rebuild/rebuild.ts';
import { rebuildOnThread } from '../storage/rebuild/rebuildThread.ts';
import { rebuildPart } from '../storage/rebuild/part.ts';
import { checkArchive } from '../storage/rebuild/check.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { HTTP_PORTALS, crawlDemo, demoPortals, type Workspace, workspace } from './support/crawl.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const CLI = path.join(PROJECT_ROOT, 'bin/nianbao.js');

function digest(file: string): ReturnType<typeof contentDigest> {
  const db = openDatabase(file);
  try {
    return contentDigest(db);
  } finally {
    db.close();
  }
}

function count(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A fresh copy of the crawled workspace, so each test damages or rebuilds its own. */
function copyOf(ws: Workspace): Workspace {
  const copy = workspace();
  cpSync(ws.archiveDir, copy.archiveDir, { recursive: true });
  cpSync(ws.dbFile, copy.dbFile);
  return copy;
}

describe('nianbao rebuild', () => {
  let web: DemoWeb;
  let crawled: Workspace;
  let crawledDigest: ReturnType<typeof contentDigest>;

  beforeAll(async () => {
    web = await startDemoWeb();
    crawled = workspace();
    await crawlDemo(crawled, web.proxyUrl, demoPortals(HTTP_PORTALS));
    // A second run adds revisit records (304s), which a rebuild must resolve too.
    await crawlDemo(crawled, web.proxyUrl, demoPortals(HTTP_PORTALS));
    crawledDigest = digest(crawled.dbFile);
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    crawled?.cleanup();
  });

  it('equals the database the crawl wrote, and two rebuilds are identical', async () => {
    const ws = copyOf(crawled);
    const fetches = count(ws.dbFile, `SELECT COUNT(*) AS n FROM fetches`);
    const first = await rebuild({ archiveDir: ws.archiveDir, dbFile: ws.dbFile, workers: 2 });
    expect(first.damaged).toEqual([]);
    expect(first.reports).toBe(crawledDigest.counts.reports);
    expect(digest(ws.dbFile)).toEqual(crawledDigest);
    await rebuild({ archiveDir: ws.archiveDir, dbFile: ws.dbFile, workers: 1 });
    expect(digest(ws.dbFile)).toEqual(crawledDigest);
    // The fetch log is history: carried over whole, still pointing at the same archived records.
    expect(count(ws.dbFile, `SELECT COUNT(*) AS n FROM fetches`)).toBe(fetches);
    expect(count(ws.dbFile, `SELECT COUNT(*) AS n FROM fetches f JOIN snapshots s ON s.id = f.snapshot_id`)).toBe(
      count(crawled.dbFile, `SELECT COUNT(*) AS n FROM fetches f JOIN snapshots s ON s.id = f.snapshot_id`),
    );
    ws.cleanup();
  }, 120_000);

  it('on its own thread, as the CLI runs it: the same database, progress to the end, failures passed on', async () => {
    const ws = copyOf(crawled);
    const progress: RebuildProgress[] = [];
    const summary = await rebuildOnThread({ archiveDir: ws.archiveDir, dbFile: ws.dbFile, workers: 2, onProgress: (p) => progress.push(p) });
    expect(digest(ws.dbFile)).toEqual(crawledDigest);
    expect(summary.reports).toBe(crawledDigest.counts.reports);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ snapshots: summary.snapshots });
    expect(progress.at(-1)!.bytesDone).toBe(progress.at(-1)!.bytesTotal);
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.snapshotsPerSecond).toBe(Math.round(summary.snapshots / summary.seconds));
    // A database path under a regular file cannot be created: the error reaches the caller.
    const notADir = path.join(ws.dir, 'not-a-directory');
    writeFileSync(notADir, '');
    await expect(rebuildOnThread({ archiveDir: ws.archiveDir, dbFile: path.join(notADir, 'nianbao.db') })).rejects.toThrow(/ENOTDIR|not a directory/);
    ws.cleanup();
  }, 120_000);

  it('killed mid-way, leaves the old database working; the next rebuild cleans up and succeeds', async () => {
    const ws = copyOf(crawled);
    // Make the rebuild long enough to be caught in the middle: many copies of the archive's files.
    const files = readdirSync(ws.archiveDir);
    for (let i = 0; i < 30; i++) for (const f of files) cpSync(path.join(ws.archiveDir, f), path.join(ws.archiveDir, `z${String(i).padStart(2, '0')}-${f}`));
    const child = spawn(process.execPath, [CLI, 'rebuild', '--archive', ws.archiveDir, '--db', ws.dbFile, '--no-progress'], { stdio: 'ignore' });
    const dir = path.dirname(ws.dbFile);
    const deadline = Date.now() + 60_000;
    while (!readdirSync(dir).some((f) => f.includes('.rebuild-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readdirSync(dir).some((f) => f.includes('.rebuild-'))).toBe(true);
    expect(digest(ws.dbFile)).toEqual(crawledDigest);
    const run = spawnSync(process.execPath, [CLI, 'rebuild', '--archive', ws.archiveDir, '--db', ws.dbFile, '--no-progress'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.rebuild-'))).toEqual([]);
    ws.cleanup();
  }, 180_000);

  it('reports damaged records with file and offset, skips them, rebuilds the rest, and exits 1', async () => {
    const ws = copyOf(crawled);
    const [first] = readdirSync(ws.archiveDir).sort();
    const file = path.join(ws.archiveDir, first);
    const bytes = readFileSync(file);
    const db = new Database(ws.dbFile, { readonly: true });
    const reportRows = db.prepare(`SELECT s.warc_offset AS offset, s.warc_length AS length FROM snapshots s JOIN reports r ON r.snapshot_id = s.id WHERE s.warc_file = ? ORDER BY s.warc_offset`).all(first) as { offset: number; length: number }[];
    db.close();
    // 1. A body altered after archiving (valid gzip, wrong digest).
    const altered = reportRows[2];
    const member = gunzipSync(bytes.subarray(altered.offset, altered.offset + altered.length));
    const at = member.indexOf(Buffer.from('</html>'));
    member[at - 1] = member[at - 1] === 0x20 ? 0x21 : 0x20;
    const regzipped = gzipSync(member);
    // 2. A corrupt gzip member (bytes overwritten in its middle).
    const corrupt = reportRows[5];
    const broken = Buffer.from(bytes.subarray(corrupt.offset, corrupt.offset + corrupt.length));
    broken.fill(0x41, 40, 120);
    const damaged = Buffer.concat([
      bytes.subarray(0, altered.offset), regzipped, bytes.subarray(altered.offset + altered.length, corrupt.offset), broken, bytes.subarray(corrupt.offset + corrupt.length),
    ]);
    writeFileSync(file, damaged);
    // 3. A file that is not a WARC; 4. a torn record at the end of a file.
    writeFileSync(path.join(ws.archiveDir, 'notes.warc.gz'), 'these are my notes, not an archive\n');
    const last = path.join(ws.archiveDir, readdirSync(ws.archiveDir).filter((f) => f.startsWith('nianbao-')).sort().at(-1)!);
    writeFileSync(last, Buffer.concat([readFileSync(last), damaged.subarray(altered.offset, altered.offset + 100)]));

    const check = await checkArchive(ws.archiveDir, null);
    expect(check.damaged.length).toBeGreaterThanOrEqual(4);

    const run = spawnSync(process.execPath, [CLI, 'rebuild', '--archive', ws.archiveDir, '--db', ws.dbFile, '--no-progress', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout);
    const reasons = summary.damaged.map((d: { file: string; offset: number; reason: string }) => `${d.file}@${d.offset}: ${d.reason}`).join('\n');
    expect(reasons).toMatch(new RegExp(`${first}@${altered.offset}: body does not match its digest`));
    expect(reasons).toMatch(new RegExp(`${first}@\\d+: unreadable record`));
    expect(reasons).toMatch(/notes\.warc\.gz@0: not a WARC file/);
    expect(summary.damaged.some((d: { file: string }) => last.endsWith(d.file))).toBe(true);
    // Everything else is there: the two damaged reports are missing, no more.
    expect(summary.reports).toBe(crawledDigest.counts.reports - 2);
    ws.cleanup();
  }, 180_000);

  it('--check verifies without writing; --portal rebuilds one portal\'s records', async () => {
    const ws = copyOf(crawled);
    const mtime = statSync(ws.dbFile).mtimeMs;
    const check = spawnSync(process.execPath, [CLI, 'rebuild', '--check', '--archive', ws.archiveDir, '--db', ws.dbFile], { encoding: 'utf8', timeout: 60_000 });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/0 damaged, 0 index problems/);
    expect(statSync(ws.dbFile).mtimeMs).toBe(mtime);

    const db = new Database(ws.dbFile);
    const portal = (db.prepare(`SELECT portal FROM reports LIMIT 1`).get() as { portal: string }).portal;
    db.prepare(`DELETE FROM reports WHERE portal = ?`).run(portal);
    db.close();
    expect(digest(ws.dbFile)).not.toEqual(crawledDigest);
    const part = await rebuildPart({ archiveDir: ws.archiveDir, dbFile: ws.dbFile, workers: 1 }, { portal });
    expect(part.reports).toBeGreaterThan(0);
    expect(digest(ws.dbFile)).toEqual(crawledDigest);
    expect(existsSync(ws.dbFile)).toBe(true);
    ws.cleanup();
  }, 120_000);
});
