/**
 * Rebuilding a part (`--since`, `--portal`): the database is copied (VACUUM INTO, a consistent
 * copy), the matching snapshots' records are dropped and parsed again from their WARC records
 * (read by offset), keeping their version numbers, and the copy is swapped in.
 */
import path from 'node:path';
import { openDatabase } from '../db.ts';
import { ReportStore } from '../reports.ts';
import { readRecordAt } from '../warc/reader.ts';
import type { ParseOutcome, ParseTask } from './parseWorker.ts';
import { buildAndSwap, buildFileFor, countRecord, emptySummary, openForBuild, stopClock, type RebuildSummary } from './rebuild.ts';
import { ParseThreads } from './parseThreads.ts';
import { parsingThreads } from './parseWorkers.ts';

const CHUNK = 64;

export interface PartFilter {
  /** ISO date or time: snapshots fetched at or after it. */
  since?: string;
  portal?: string;
}

export async function rebuildPart(options: { archiveDir: string; dbFile: string; workers?: number }, filter: PartFilter): Promise<RebuildSummary> {
  const started = Date.now();
  const target = path.resolve(options.dbFile);
  const temp = buildFileFor(target);
  const source = openDatabase(target);
  source.prepare(`VACUUM INTO ?`).run(temp);
  source.close();
  const db = openForBuild(temp);
  const reports = new ReportStore(db);
  const threads = new ParseThreads(parsingThreads(options.workers));
  const summary: RebuildSummary = emptySummary();
  await buildAndSwap(db, temp, target, threads, async () => {
    const rows = db
      .prepare(`SELECT s.id, s.url, s.portal, s.status, s.content_type, s.kind, s.warc_file, s.warc_offset, s.warc_length, r.version
                FROM snapshots s LEFT JOIN reports r ON r.snapshot_id = s.id
                WHERE s.record_type = 'response' AND (? IS NULL OR s.fetched_at >= ?) AND (? IS NULL OR s.portal = ?) ORDER BY s.id`)
      .all(filter.since ?? null, filter.since ?? null, filter.portal ?? null, filter.portal ?? null) as {
      id: number; url: string; portal: string | null; status: number; content_type: string | null; kind: string | null;
      warc_file: string; warc_offset: number; warc_length: number; version: number | null;
    }[];
    // In chunks: only a few bodies in memory at a time.
    const outcomes: (ParseOutcome | null)[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) outcomes.push(...(await Promise.all(rows.slice(i, i + CHUNK).map(async (s) => {
        try {
          const record = await readRecordAt(path.join(options.archiveDir, s.warc_file), s.warc_offset, s.warc_length);
          const task: ParseTask = { url: s.url, contentType: s.content_type, kind: s.kind, status: s.status, body: record.body };
          return await threads.parse(task, { moveBody: true });
        } catch (err) {
          summary.damaged.push({ file: s.warc_file, offset: s.warc_offset, reason: (err as Error).message });
          return null;
        }
      }))));
    db.transaction(() => {
      rows.forEach((s, i) => {
        summary.snapshots++;
        const outcome = outcomes[i];
        if (!outcome) return;
        db.prepare(`DELETE FROM reports WHERE snapshot_id = ?`).run(s.id);
        if (outcome.error !== undefined) summary.unparseable.push({ url: s.url, reason: outcome.error });
        else if (outcome.record) {
          const version = s.version ?? ((db.prepare(`SELECT COALESCE(MAX(version), 0) + 1 AS v FROM reports WHERE url = ? AND snapshot_id < ?`).get(s.url, s.id) as { v: number }).v);
          reports.add(s.id, s.url, s.portal, outcome.record, version);
          countRecord(summary, outcome.record);
        }
      });
    })();
  });
  stopClock(summary, started);
  return summary;
}
