/**
 * The fetch log: every attempt, success or failure, in the `fetches` table and as one JSON object a
 * line in `<logs>/fetches-YYYY-MM-DD.jsonl` (keys: time, run, url, portal, host, status, bytes,
 * durationMs, errorClass, error, fetchedBy, snapshot). The JSON-lines file is for grep/jq; the
 * table is what `nianbao failures` reads.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';

export type ErrorClass =
  | 'dns' | 'timeout' | 'reset' | 'tls' | 'http-4xx' | 'http-5xx' | 'challenge' | 'robots'
  | 'too-large' | 'decode' | 'parse' | 'redirect' | 'network';

export interface FetchAttempt {
  runId: number | null;
  url: string;
  portal: string | null;
  startedAt: Date;
  durationMs: number;
  status: number | null;
  bytes: number | null;
  errorClass: ErrorClass | null;
  errorMessage: string | null;
  fetchedBy: 'http' | 'browser';
  snapshotId: number | null;
}

export class FetchLog {
  private readonly insert;

  constructor(
    db: Db,
    private readonly logDir: string | null,
  ) {
    this.insert = db.prepare(`INSERT INTO fetches
      (run_id, url, portal, host, started_at, duration_ms, status, bytes, error_class, error_message, fetched_by, snapshot_id)
      VALUES (@runId, @url, @portal, @host, @startedAt, @durationMs, @status, @bytes, @errorClass, @errorMessage, @fetchedBy, @snapshotId)`);
    if (logDir) mkdirSync(logDir, { recursive: true });
  }

  record(a: FetchAttempt): void {
    const host = (() => {
      try {
        return new URL(a.url).host;
      } catch {
        return '';
      }
    })();
    const startedAt = a.startedAt.toISOString();
    this.insert.run({ ...a, host, startedAt });
    if (this.logDir) {
      const line = {
        time: startedAt,
        run: a.runId,
        url: a.url,
        portal: a.portal,
        host,
        status: a.status,
        bytes: a.bytes,
        durationMs: a.durationMs,
        errorClass: a.errorClass,
        error: a.errorMessage,
        fetchedBy: a.fetchedBy,
        snapshot: a.snapshotId,
      };
      appendFileSync(path.join(this.logDir, `fetches-${startedAt.slice(0, 10)}.jsonl`), JSON.stringify(line) + '\n');
    }
  }
}
