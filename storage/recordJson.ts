/**
 * A report's tables and checks as the `reports` row keeps them: JSON text in `cells_json` and
 * `checks_json`, unpacked by the views (views.ts): `cells` in long form, `checks`, the wide views,
 * and `records`, which puts the whole record back together from the row. One column per report
 * instead of ~200 cell rows and ~40 check rows, and no second copy of the record: a report row is
 * under half the size it was with a `record` column (schema 3), and cheaper to write. Plain JSON
 * text, not SQLite's JSONB, so that any SQLite from 3.9 on (Python's, R's, the Debian CLI) reads it.
 */
import type { ReportRecord } from '../parsers/record.ts';

/**
 * `cells_json`: the record's three tables as the record has them, {active, applications,
 * reviewLitigation}, value null where a cell was printed empty. The `cells` view turns each part of
 * a 表二 breakdown into a row of its own (`otherServices.breakdown.行政征收`).
 */
export function cellsJson(record: ReportRecord): string {
  return JSON.stringify({ active: record.active, applications: record.applications, reviewLitigation: record.reviewLitigation });
}

/**
 * `checks_json`: {check id: {scope: [ok (1 or 0), detail]}}, in the record's order (checks come
 * grouped by id), so `records` gives back the same list.
 */
export function checksJson(record: ReportRecord): string {
  const checks: Record<string, Record<string, [number, string]>> = Object.create(null);
  for (const c of record.checks) (checks[c.id] ??= Object.create(null))[c.scope] = [c.ok ? 1 : 0, c.detail];
  return JSON.stringify(checks);
}
