/**
 * After a run was killed (even with kill -9): WARC records appended after the last indexed one are
 * exchanges the killed run fetched and stored but did not get to index. They are adopted: handed to
 * the same processing as a live fetch, so the archive and database end as an uninterrupted run's
 * would. A record cut off mid-write is removed from the end of its file (it was never complete).
 */
import { existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { MemberError } from '../storage/warc/members.ts';
import { readWarcFile, type ArchivedRecord } from '../storage/warc/reader.ts';

export interface OrphanExchange {
  file: string;
  response: ArchivedRecord;
  request: ArchivedRecord | null;
}

/** Complete orphaned exchanges of the archive, in the order they were written; repairs torn tails. */
export async function findOrphans(archiveDir: string, indexedEnds: Map<string, number>): Promise<{ orphans: OrphanExchange[]; repaired: string[] }> {
  const orphans: OrphanExchange[] = [];
  const repaired: string[] = [];
  if (!existsSync(archiveDir)) return { orphans, repaired };
  const files = readdirSync(archiveDir).filter((f) => f.endsWith('.warc.gz')).sort();
  for (const file of files) {
    const full = path.join(archiveDir, file);
    const size = statSync(full).size;
    const start = indexedEnds.get(file) ?? 0;
    if (start >= size) continue;
    let goodEnd = start;
    let torn = false;
    let pending: ArchivedRecord | null = null;
    try {
      for await (const record of readWarcFile(full, start)) {
        if (record.type === 'response' || record.type === 'revisit') {
          pending = record;
        } else if (record.type === 'request' && pending) {
          orphans.push({ file, response: pending, request: record });
          goodEnd = record.offset + record.length;
          pending = null;
        } else {
          goodEnd = record.offset + record.length;
        }
      }
      // A response without its request: the pair is appended in one write, so the write was cut.
      torn = pending !== null;
    } catch (err) {
      // Only a member cut off by the end of the file is a torn write; damage inside a file is left
      // for `nianbao rebuild --check` to report, never cut away.
      torn = err instanceof MemberError && /cut off at the end/.test(err.message);
    }
    if (torn && goodEnd < size) {
      truncateSync(full, goodEnd);
      repaired.push(`${file}: removed ${size - goodEnd} bytes of an incomplete record at offset ${goodEnd}`);
    }
  }
  return { orphans, repaired };
}
