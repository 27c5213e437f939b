/** The archive's index: where each snapshot's record sits, and what a URL looked like last time. */
import type { Db } from './db.ts';
import type { WrittenRecord } from './warc/writer.ts';

export type SnapshotKind = 'home' | 'area' | 'column' | 'listing' | 'report' | 'attachment';

export interface SnapshotRow {
  id: number;
  url: string;
  portal: string | null;
  fetched_at: string;
  status: number;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  digest: string;
  length: number;
  record_type: 'response' | 'revisit';
  refers_to: number | null;
  warc_file: string;
  warc_offset: number;
  warc_length: number;
  fetched_by: 'http' | 'browser';
  kind: SnapshotKind | null;
  run_id: number | null;
}

export interface NewSnapshot {
  url: string;
  portal: string | null;
  fetchedAt: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  length: number;
  recordType: 'response' | 'revisit';
  refersTo: number | null;
  fetchedBy: 'http' | 'browser';
  kind: SnapshotKind | null;
  runId: number | null;
  written: WrittenRecord;
}

export class SnapshotIndex {
  private readonly insertStmt;
  private readonly latestStmt;
  private readonly byDigestStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO snapshots
      (url, portal, fetched_at, status, content_type, etag, last_modified, digest, length, record_type, refers_to,
       warc_file, warc_offset, warc_length, fetched_by, kind, run_id)
      VALUES (${Array(17).fill('?').join(', ')})`);
    this.latestStmt = db.prepare(`SELECT * FROM snapshots WHERE url = ? ORDER BY fetched_at DESC, id DESC LIMIT 1`);
    this.byDigestStmt = db.prepare(`SELECT * FROM snapshots WHERE url = ? AND digest = ? AND record_type = 'response' ORDER BY id LIMIT 1`);
  }

  add(s: NewSnapshot): number {
    // Positional, in the column order above (cheaper to bind than by name).
    const w = s.written;
    const info = this.insertStmt.run(
      s.url, s.portal, s.fetchedAt, s.status, s.contentType, s.etag, s.lastModified, w.digest, s.length, s.recordType, s.refersTo,
      w.file, w.offset, w.length, s.fetchedBy, s.kind, s.runId,
    );
    return Number(info.lastInsertRowid);
  }

  latest(url: string): SnapshotRow | undefined {
    return this.latestStmt.get(url) as SnapshotRow | undefined;
  }

  /** The first stored copy of this URL with this body, the target of revisit records. */
  original(url: string, digest: string): SnapshotRow | undefined {
    return this.byDigestStmt.get(url, digest) as SnapshotRow | undefined;
  }

  /** Per WARC file, the end of the last indexed record: anything after it was not indexed. */
  indexedEnds(): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT warc_file AS file, MAX(warc_offset + warc_length) AS end FROM snapshots GROUP BY warc_file`)
      .all() as { file: string; end: number }[];
    return new Map(rows.map((r) => [r.file, r.end]));
  }
}
