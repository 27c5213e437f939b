/** `nianbao rebuild`: the database again from the archive, offline. */
import type { Command } from 'commander';
import { acquireLock, LockHeldError } from '../storage/lock.ts';
import { openDatabase } from '../storage/db.ts';
import { checkArchive } from '../storage/rebuild/check.ts';
import { rebuildPart } from '../storage/rebuild/part.ts';
import type { RebuildProgress, RebuildSummary } from '../storage/rebuild/rebuild.ts';
import { rebuildOnThread } from '../storage/rebuild/rebuildThread.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UserError } from './exit.ts';

interface RebuildFlags {
  archive: string;
  db: string;
  workers?: string;
  since?: string;
  portal?: string;
  check?: boolean;
  json?: boolean;
  progress?: boolean;
}

function progressLine(p: RebuildProgress): string {
  const secs = (Date.now() - p.startedAt) / 1000;
  const rate = p.snapshots / Math.max(secs, 0.001);
  const share = p.bytesTotal ? p.bytesDone / p.bytesTotal : 1;
  const eta = share > 0 ? (secs / share) * (1 - share) : 0;
  return `${(share * 100).toFixed(1)}%  ${p.snapshots} snapshots  ${rate.toFixed(0)}/s  ETA ${eta.toFixed(0)} s`;
}

function formatSummary(s: RebuildSummary): string {
  const lines = [
    `rebuilt ${s.snapshots} snapshots from ${s.files} WARC files in ${s.seconds.toFixed(1)} s (${s.snapshotsPerSecond}/s)`,
    `  reports: ${s.reports} (${Object.entries(s.byTemplate).map(([t, n]) => `${t}: ${n}`).join(', ') || 'none'}); with failed checks: ${s.failedChecks}`,
  ];
  if (s.unparseable.length) lines.push(`  unparseable snapshots: ${s.unparseable.length}`, ...s.unparseable.slice(0, 20).map((u) => `    ${u.url}: ${u.reason}`));
  if (s.damaged.length) lines.push(`  damaged records skipped: ${s.damaged.length}`, ...s.damaged.slice(0, 50).map((d) => `    ${d.file} @ ${d.offset}: ${d.reason}`));
  return lines.join('\n');
}

export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description('Regenerate the database from the WARC archive (no network); the old database is replaced only when the new one is complete')
    .option('--archive <dir>', 'WARC archive directory', 'data/archive')
    .option('--db <file>', 'SQLite database', 'data/nianbao.db')
    .option('--workers <n>', 'parser threads (default: one per core)')
    .option('--since <date>', 'rebuild only the records of snapshots fetched since this date (YYYY-MM-DD)')
    .option('--portal <id>', 'rebuild only the records of this portal')
    .option('--check', 'verify the archive (digests) and the index without writing anything')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress line')
    .addHelpText('after', `
The fetch log, runs and frontier are carried over from the old database. Damaged WARC records
(torn, corrupt, digest mismatch, not a WARC) are reported with file and offset and skipped.
Exit codes: 0 clean; 1 something was damaged or unparseable (listed); 2 usage error;
3 a crawl or another rebuild holds the lock.`)
    .action(async (flags: RebuildFlags) => {
      if (!existsSync(flags.archive)) throw new UserError(`archive directory ${flags.archive} not found`);
      const workers = flags.workers === undefined ? undefined : Number(flags.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UserError(`--workers: expected a positive whole number`, EXIT.usage);
      if (flags.since && Number.isNaN(Date.parse(flags.since))) throw new UserError(`--since: cannot read the date "${flags.since}"`, EXIT.usage);
      if (flags.check) {
        const db = existsSync(flags.db) ? openDatabase(flags.db) : null;
        const report = await checkArchive(flags.archive, db);
        db?.close();
        if (flags.json) process.stdout.write(JSON.stringify(report, null, 1) + '\n');
        else {
          process.stdout.write(`checked ${report.records} records in ${report.files} files: ${report.damaged.length} damaged, ${report.indexProblems.length} index problems\n`);
          for (const d of report.damaged) process.stdout.write(`  ${d.file} @ ${d.offset}: ${d.reason}\n`);
          for (const p of report.indexProblems.slice(0, 50)) process.stdout.write(`  snapshot ${p.id} ${p.url}: ${p.reason}\n`);
        }
        if (report.damaged.length || report.indexProblems.length) process.exitCode = EXIT.inputFailed;
        return;
      }
      let release: () => void;
      try {
        release = acquireLock(`${path.resolve(flags.db)}.lock`);
      } catch (err) {
        if (err instanceof LockHeldError) throw new UserError(err.message, EXIT.locked);
        throw err;
      }
      try {
        const onProgress = flags.progress !== false && process.stderr.isTTY ? (p: RebuildProgress) => process.stderr.write(`\r\x1b[2K${progressLine(p)}`) : undefined;
        const summary =
          flags.since || flags.portal
            ? await rebuildPart({ archiveDir: flags.archive, dbFile: flags.db, workers }, { since: flags.since ? new Date(flags.since).toISOString() : undefined, portal: flags.portal })
            : await rebuildOnThread({ archiveDir: flags.archive, dbFile: flags.db, workers, onProgress });
        if (onProgress) process.stderr.write('\n');
        process.stdout.write((flags.json ? JSON.stringify(summary, null, 1) : formatSummary(summary)) + '\n');
        if (summary.damaged.length || summary.unparseable.length) process.exitCode = EXIT.inputFailed;
      } finally {
        release();
      }
    });
}
