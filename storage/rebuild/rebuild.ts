/**
 * `nianbao rebuild`: regenerate the database from the WARC archive alone. The new database is built
 * in a separate file and renamed over the old one only at the end, so a rebuild that is killed or
 * fails leaves the old database untouched. The fetch log, the runs and the frontier (history and
 * crawl state, not derived data) are carried over. Parsing runs on worker threads (piscina); the
 * archive is streamed, at most a bounded number of bodies in flight, so memory stays flat.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db.ts';
import { ReportStore, type StoredRecord } from '../reports.ts';
import { SnapshotIndex } from '../snapshots.ts';
import { scanWarc, type Damage, type ScanItem } from '../warc/scan.ts';
import type { ParseOutcome, ParseTask } from './parseWorker.ts';
import { ParseThreads } from './parseThreads.ts';
import { parsingThreads, type ParseWorkers } from './parseWorkers.ts';
import { snapshotFromExchange } from './snapshotRow.ts';
import { isParseable } from '../reportOf.ts';

export interface RebuildOptions {
  archiveDir: string;
  dbFile: string;
  /** Threads parsing in parallel: this one and `workers - 1` worker threads (default: one per core). */
  workers?: number;
  onProgress?: (p: RebuildProgress) => void;
  /** Worker threads already started for `workers` (see parseWorkers.ts); else started here. */
  parseWorkers?: ParseWorkers;
}

export interface RebuildProgress {
  bytesDone: number;
  bytesTotal: number;
  snapshots: number;
  startedAt: number;
}

export interface RebuildSummary {
  files: number;
  snapshots: number;
  reports: number;
  byTemplate: Record<string, number>;
  failedChecks: number;
  unparseable: { url: string; reason: string }[];
  damaged: Damage[];
  seconds: number;
  snapshotsPerSecond: number;
}

export function emptySummary(): RebuildSummary {
  return { files: 0, snapshots: 0, reports: 0, byTemplate: {}, failedChecks: 0, unparseable: [], damaged: [], seconds: 0, snapshotsPerSecond: 0 };
}

/** Set the summary's time and rate: from `started` (epoch ms) to now. */
export function stopClock(summary: RebuildSummary, started: number): void {
  summary.seconds = (Date.now() - started) / 1000;
  summary.snapshotsPerSecond = Math.round(summary.snapshots / Math.max(summary.seconds, 0.001));
}

/** Count a stored record in the summary. */
export function countRecord(summary: RebuildSummary, record: StoredRecord): void {
  summary.reports++;
  summary.byTemplate[record.template] = (summary.byTemplate[record.template] ?? 0) + 1;
  if (record.checksFailed > 0) summary.failedChecks++;
}

/**
 * A database file being built for a swap: nobody else reads it and a failed build is thrown away,
 * so it needs no rollback journal and no foreign-key lookups (its rows are written consistent).
 * That makes writing it a good deal cheaper; swapIn() puts WAL mode back.
 */
export function openForBuild(file: string): Db {
  const db = openDatabase(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  return db;
}

/** Close the new database and rename it over the old one: the swap is one rename, atomic. */
function swapIn(db: Db, temp: string, target: string): void {
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // Built without syncs (openForBuild): on disk before it replaces the old file, and the rename too.
  syncFile(temp);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(temp, target);
  syncFile(path.dirname(target));
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Remove a half-built database (the old one is untouched). */
function discard(db: Db, temp: string): void {
  if (db.open) db.close();
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
}

/** The file a rebuild of `target` builds in, beside it; what killed rebuilds left there is removed. */
export function buildFileFor(target: string): string {
  for (const stale of readdirSync(path.dirname(target)).filter((f) => f.startsWith(`${path.basename(target)}.rebuild-`))) {
    rmSync(path.join(path.dirname(target), stale), { force: true });
  }
  return `${target}.rebuild-${process.pid}`;
}

/**
 * Fill the new database (`build`), then swap it in. If anything fails, the half-built file is
 * removed and the old database stays as it was; the parse threads are stopped either way.
 */
export async function buildAndSwap(db: Db, temp: string, target: string, threads: ParseThreads, build: () => Promise<void> | void): Promise<void> {
  try {
    await build();
    swapIn(db, temp, target);
  } catch (err) {
    discard(db, temp);
    throw err;
  } finally {
    await threads.destroy();
  }
}

const COMMIT_EVERY = 500;

/** A run of the archive read at once: this many records, or this many bytes of bodies. */
const RUN_RECORDS = 16;
const RUN_BYTES = 4 * 1024 * 1024;

/**
 * The archive's items a run at a time. Between parses, inflating and digesting code and tables
 * fall out of the CPU's caches; reading a run at once keeps them warm (measured: 150 → 115 µs per
 * record, about 1.5% of a rebuild). The byte bound keeps memory flat when a run meets large files.
 */
async function* inRuns(items: AsyncIterable<ScanItem>): AsyncGenerator<ScanItem> {
  const source = items[Symbol.asyncIterator]();
  for (let done = false; !done; ) {
    const run: ScanItem[] = [];
    for (let bytes = 0; run.length < RUN_RECORDS && bytes < RUN_BYTES; ) {
      const next = await source.next();
      if (next.done) {
        done = true;
        break;
      }
      run.push(next.value);
      if (next.value.type === 'exchange') bytes += next.value.exchange.response.body.length;
    }
    yield* run;
  }
}

export function warcFiles(archiveDir: string): string[] {
  if (!existsSync(archiveDir)) return [];
  return readdirSync(archiveDir).filter((f) => /\.warc(\.gz)?$/.test(f)).sort();
}

/** History that a rebuild keeps from the old database. */
function carryOver(db: Db, oldFile: string): void {
  if (!existsSync(oldFile)) return;
  db.prepare(`ATTACH DATABASE ? AS old`).run(oldFile);
  db.transaction(() => {
    db.exec(`INSERT INTO runs SELECT * FROM old.runs`);
    db.exec(`INSERT INTO frontier SELECT * FROM old.frontier`);
    // Snapshot ids change; a fetch keeps pointing at the same archived record.
    db.exec(`INSERT INTO fetches (id, run_id, url, portal, host, started_at, duration_ms, status, bytes, error_class, error_message, fetched_by, snapshot_id)
             SELECT f.id, f.run_id, f.url, f.portal, f.host, f.started_at, f.duration_ms, f.status, f.bytes, f.error_class, f.error_message, f.fetched_by,
                    (SELECT n.id FROM snapshots n JOIN old.snapshots o ON o.warc_file = n.warc_file AND o.warc_offset = n.warc_offset WHERE o.id = f.snapshot_id)
             FROM old.fetches f`);
  })();
  db.exec(`DETACH DATABASE old`);
}

export async function rebuild(options: RebuildOptions): Promise<RebuildSummary> {
  const started = Date.now();
  const files = warcFiles(options.archiveDir);
  const bytesTotal = files.reduce((n, f) => n + statSync(path.join(options.archiveDir, f)).size, 0);
  const target = path.resolve(options.dbFile);
  const temp = buildFileFor(target);
  const db = openForBuild(temp);
  const snapshots = new SnapshotIndex(db);
  const reports = new ReportStore(db);
  const threads = new ParseThreads(parsingThreads(options.workers), options.parseWorkers);
  const summary: RebuildSummary = { ...emptySummary(), files: files.length };

  // Records are written in archive order (that order decides report versions); parses finish in any order.
  const done = new Map<number, { snapshotId: number; url: string; portal: string | null; outcome: ParseOutcome }>();
  const running = new Set<Promise<void>>();
  let nextSeq = 0;
  let writeSeq = 0;
  let sinceCommit = 0;
  const flush = (): void => {
    while (done.has(writeSeq)) {
      const { snapshotId, url, portal, outcome } = done.get(writeSeq)!;
      done.delete(writeSeq++);
      if (outcome.error !== undefined) summary.unparseable.push({ url, reason: outcome.error });
      else if (outcome.record) {
        reports.add(snapshotId, url, portal, outcome.record);
        countRecord(summary, outcome.record);
      }
    }
  };

  await buildAndSwap(db, temp, target, threads, async () => {
    db.exec('BEGIN');
    let bytesBefore = 0;
    for (const file of files) {
      const full = path.join(options.archiveDir, file);
      for await (const item of inRuns(scanWarc(full, file))) {
        if (item.type === 'damage') {
          summary.damaged.push(item.damage);
          continue;
        }
        const row = snapshotFromExchange(item.exchange, snapshots);
        if (!row) {
          summary.damaged.push({ file, offset: item.exchange.response.offset, reason: 'revisit record whose original is not in the archive' });
          continue;
        }
        const snapshotId = snapshots.add(row);
        summary.snapshots++;
        const body = item.exchange.response.body;
        const task: ParseTask = { url: row.url, contentType: row.contentType, kind: row.kind, status: row.status, body };
        if (row.recordType === 'response' && isParseable(task, body)) {
          const seq = nextSeq++;
          const p: Promise<void> = threads.parse(task, { moveBody: true }).then((outcome) => void done.set(seq, { snapshotId, url: row.url, portal: row.portal, outcome }));
          running.add(p);
          void p.finally(() => running.delete(p));
          // Bodies in flight are bounded: memory stays flat whatever the archive's size.
          while (running.size >= threads.capacity) {
            await Promise.race(running);
            flush();
          }
        }
        flush();
        if (++sinceCommit >= COMMIT_EVERY) {
          db.exec('COMMIT');
          db.exec('BEGIN');
          sinceCommit = 0;
          options.onProgress?.({ bytesDone: bytesBefore + item.exchange.response.offset, bytesTotal, snapshots: summary.snapshots, startedAt: started });
        }
      }
      bytesBefore += statSync(full).size;
    }
    await Promise.all(running);
    flush();
    db.exec('COMMIT');
    carryOver(db, target);
  });
  stopClock(summary, started);
  options.onProgress?.({ bytesDone: bytesTotal, bytesTotal, snapshots: summary.snapshots, startedAt: started });
  return summary;
}
