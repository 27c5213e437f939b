/** Worker thread of a rebuild: one snapshot body in, its report record (or why not) out. */
import { reportOf, type SnapshotForParse } from '../reportOf.ts';
import { storedRecord, type StoredRecord } from '../reports.ts';

export interface ParseTask extends SnapshotForParse {
  body: Uint8Array;
}

/** The record already in stored form: the writing thread only inserts it. */
export type ParseOutcome = { record: StoredRecord | null; error?: undefined } | { record: null; error: string };

export default function parseSnapshot(task: ParseTask): ParseOutcome {
  try {
    const record = reportOf(task, task.body);
    return { record: record ? storedRecord(record) : null };
  } catch (err) {
    return { record: null, error: (err as Error).message };
  }
}
