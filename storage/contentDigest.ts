/**
 * A digest of what a database says, independent of row ids, times and WARC file names: two
 * databases with the same digest hold the same snapshots (by URL, body digest and kind), the same
 * report versions with the same records, cells and checks. Used to prove that a resumed crawl
 * equals an uninterrupted one and that rebuilds are deterministic.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.ts';

const QUERIES: Record<string, string> = {
  snapshots: `SELECT url, digest, record_type, status, kind, length FROM snapshots ORDER BY url, digest, record_type, status, kind, length`,
  reports: `SELECT r.url, r.version, r.template, x.record FROM reports r JOIN records x ON x.report_id = r.id ORDER BY r.url, r.version`,
  cells: `SELECT r.url, r.version, c.table_name, c.row_key, c.column_key, c.value FROM cells c JOIN reports r ON r.id = c.report_id
          ORDER BY r.url, r.version, c.table_name, c.row_key, c.column_key`,
  checks: `SELECT r.url, r.version, k.check_id, k.scope, k.ok, k.detail FROM checks k JOIN reports r ON r.id = k.report_id
           ORDER BY r.url, r.version, k.check_id, k.scope`,
};

export interface ContentDigest {
  digest: string;
  counts: Record<string, number>;
}

export function contentDigest(db: Db): ContentDigest {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const [table, sql] of Object.entries(QUERIES)) {
    let n = 0;
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(sql).iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      n++;
    }
    counts[table] = n;
  }
  return { digest: hash.digest('hex'), counts };
}
