/** `nianbao rebuild --check`: verify the archive (record digests) and the index (every snapshot row points at its record). */
import path from 'node:path';
import type { Db } from '../db.ts';
import { scanWarc, type Damage } from '../warc/scan.ts';
import { warcFiles } from './rebuild.ts';

export interface CheckReport {
  files: number;
  records: number;
  damaged: Damage[];
  /** Snapshot rows whose record is missing or differs (URL, digest). */
  indexProblems: { id: number; url: string; reason: string }[];
}

export async function checkArchive(archiveDir: string, db: Db | null): Promise<CheckReport> {
  const report: CheckReport = { files: 0, records: 0, damaged: [], indexProblems: [] };
  const seen = new Map<string, { url: string; digest: string }>();
  for (const file of warcFiles(archiveDir)) {
    report.files++;
    for await (const item of scanWarc(path.join(archiveDir, file), file)) {
      if (item.type === 'damage') report.damaged.push(item.damage);
      else {
        report.records++;
        const r = item.exchange.response;
        seen.set(`${file}:${r.offset}`, { url: r.url, digest: r.warcHeader('WARC-Payload-Digest') ?? '' });
      }
    }
  }
  if (db) {
    for (const row of db.prepare(`SELECT id, url, digest, warc_file, warc_offset FROM snapshots`).iterate() as Iterable<{ id: number; url: string; digest: string; warc_file: string; warc_offset: number }>) {
      const rec = seen.get(`${row.warc_file}:${row.warc_offset}`);
      if (!rec) report.indexProblems.push({ id: row.id, url: row.url, reason: `no readable record at ${row.warc_file}:${row.warc_offset}` });
      else if (rec.url !== row.url || rec.digest !== row.digest) report.indexProblems.push({ id: row.id, url: row.url, reason: `record at ${row.warc_file}:${row.warc_offset} is ${rec.url} (${rec.digest})` });
    }
  }
  return report;
}
