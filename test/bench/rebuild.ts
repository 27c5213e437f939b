/**
 * Rebuild throughput: an archive of bench-portal report snapshots (pages exactly as the demo web
 * serves them) is rebuilt on all cores, in a child process whose peak RSS (all worker threads
 * included) is the memory figure; against parsing the same documents from plain files on disk with
 * the same number of parsing threads; three rounds, medians reported.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsWorkerPool } from '../../storage/workerPool.ts';
import { WarcWriter } from '../../storage/warc/writer.ts';
import { benchSite } from '../web/portals/bench.ts';
import { workspace } from '../support/crawl.ts';
import { PROJECT_ROOT } from '../support/shared.ts';

export interface RebuildBench {
  rebuild_snapshots_per_s: number;
  direct_parse_per_s: number;
  rebuild_ratio: number;
  rebuild_peak_mb: number;
  snapshots: number;
  workers: number;
  /** Each round's ratio, in the order run. */
  roundRatios: number[];
}

async function writeArchive(archiveDir: string, filesDir: string, n: number): Promise<string[]> {
  const site = benchSite(n, { cachePages: 0 });
  const writer = new WarcWriter(archiveDir, { maxFileBytes: 64 * 1024 * 1024 });
  const files: string[] = [];
  mkdirSync(filesDir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const url = site.manifest.reports[i].url;
    const body = site.page(i);
    await writer.writeResponse({
      url, method: 'GET', requestHeaders: { 'User-Agent': 'nianbao-bench' }, status: 200, statusText: 'OK',
      responseHeaders: [['Content-Type', 'text/html; charset=utf-8']], body, fetchedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)),
      frontierKey: url, fetchedBy: 'http', portal: site.manifest.host, kind: 'report', runId: 1,
    });
    const file = path.join(filesDir, `${i}.html`);
    writeFileSync(file, body);
    files.push(file);
  }
  writer.close();
  return files;
}

/**
 * Parsing the same documents from files, `workers` threads, as `rebuild` parses them. Timed as the
 * rebuild times itself: from the start of the job (its threads start and load the parser) to its
 * end (the last document, and the threads stopped), so both rates are what a user waiting for the
 * job sees.
 */
async function directParse(files: string[], workers: number): Promise<number> {
  const start = process.hrtime.bigint();
  const pool = tsWorkerPool(new URL('./parseFileWorker.ts', import.meta.url), workers);
  const results = await Promise.all(files.map((f) => pool.run(f) as Promise<boolean>));
  // Stopping the threads is part of the job, as the rebuild's time includes stopping its workers.
  await pool.destroy();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!results.every(Boolean)) throw new Error('a bench document did not parse as a report');
  return files.length / seconds;
}

/** `nianbao rebuild` (as the CLI runs it) in a child process: its own summary gives the rate, its rusage the peak memory. */
function childRebuild(archiveDir: string, dbFile: string, workers: number): Promise<{ rate: number; peakMb: number; snapshots: number }> {
  const script = `
    const { rebuildOnThread } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'storage/rebuild/rebuildThread.ts'))});
    const s = await rebuildOnThread({ archiveDir: ${JSON.stringify(archiveDir)}, dbFile: ${JSON.stringify(dbFile)}, workers: ${workers} });
    console.log(JSON.stringify({ rate: s.snapshotsPerSecond, snapshots: s.snapshots, reports: s.reports, peakMb: process.resourceUsage().maxRSS / 1024 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: PROJECT_ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`rebuild exited with ${code}`));
      const r = JSON.parse(out.trim().split('\n').at(-1)!);
      if (r.reports !== r.snapshots) return reject(new Error(`rebuild found ${r.reports} reports in ${r.snapshots} snapshots`));
      resolve({ rate: r.rate, peakMb: r.peakMb, snapshots: r.snapshots });
    });
  });
}

/** Rounds of (direct parse, rebuild), each pair run back to back so that both see the machine alike. */
const ROUNDS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The figures are medians over ROUNDS pairs: a machine's speed drifts by a few percent from one
 * run to the next, and one pair could catch the drift on one side only. The ratio is the median of
 * each pair's own ratio; the peak memory is the highest of all rounds.
 */
export async function benchRebuild(n = 5000): Promise<RebuildBench> {
  const ws = workspace('nianbao-rebuild-bench-');
  const workers = Number(process.env.NIANBAO_BENCH_WORKERS ?? os.availableParallelism());
  try {
    const files = await writeArchive(ws.archiveDir, path.join(ws.dir, 'files'), n);
    const rounds: { direct: number; rebuilt: Awaited<ReturnType<typeof childRebuild>> }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const f of [ws.dbFile, `${ws.dbFile}-wal`, `${ws.dbFile}-shm`]) rmSync(f, { force: true });
      rounds.push({ direct: await directParse(files, workers), rebuilt: await childRebuild(ws.archiveDir, ws.dbFile, workers) });
    }
    const ratios = rounds.map((r) => r.rebuilt.rate / r.direct);
    return {
      rebuild_snapshots_per_s: Math.round(median(rounds.map((r) => r.rebuilt.rate))),
      direct_parse_per_s: Math.round(median(rounds.map((r) => r.direct))),
      rebuild_ratio: Number(median(ratios).toFixed(3)),
      rebuild_peak_mb: Math.round(Math.max(...rounds.map((r) => r.rebuilt.peakMb))),
      snapshots: rounds[0].rebuilt.snapshots,
      workers,
      roundRatios: ratios.map((r) => Number(r.toFixed(3))),
    };
  } finally {
    ws.cleanup();
  }
}
