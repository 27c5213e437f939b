/** Worker thread of a rebuild: one snapshot body in, its report record (or why not) out. */
import type { ReportRecord } from '../../parsers/record.ts';
import { reportOf, type SnapshotForParse } from '../reportOf.ts';

export interface ParseTask extends SnapshotForParse {
  body: Uint8Array;
}

export type ParseOutcome = { record: ReportRecord | null; error?: undefined } | { record: null; error: string };

export default function parseSnapshot(task: ParseTask | null): ParseOutcome {
  // A null task only loads this module: the pool is warmed up before the clock starts.
  if (task === null) return { record: null };
  try {
    return { record: reportOf(task, task.body) };
  } catch (err) {
    return { record: null, error: (err as Error).message };
  }
}
