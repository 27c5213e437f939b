/**
 * A record's tables and checks as the `reports` row keeps them: JSON text in `cells_json` and
 * `checks_json`, unpacked by the `cells` and `checks` views (views.ts). One column per report
 * instead of ~200 cell rows and ~40 check rows: under a third of the space, several times cheaper to
 * write, and the wide views read a cell by its JSON path. Plain JSON text, not SQLite's JSONB, so
 * that any SQLite from 3.9 on (Python's, R's, the Debian CLI) reads the database.
 */
import type { ReportRecord } from '../parsers/record.ts';

/** `cells_json`: {table: {row: {column: value}}}, value null where the cell was printed empty. */
export function cellsJson(record: ReportRecord): string {
  // The record's tables already have that shape, but for the breakdowns of 表二, whose parts
  // become rows of their own (`otherServices.breakdown.行政征收`). Null-prototype rows: a label is
  // data, never a property.
  const active: Record<string, Record<string, unknown>> = Object.create(null);
  for (const [row, values] of Object.entries(record.active)) {
    for (const [column, value] of Object.entries(values ?? {})) {
      if (column === 'breakdown' && Array.isArray(value)) {
        for (const part of value as { label: string; [k: string]: unknown }[]) {
          const cells = (active[`${row}.breakdown.${part.label}`] ??= Object.create(null));
          for (const [k, v] of Object.entries(part)) if (k !== 'label') cells[k] = v;
        }
      } else (active[row] ??= Object.create(null))[column] = value;
    }
  }
  return JSON.stringify({ active, applications: record.applications, reviewLitigation: record.reviewLitigation });
}

/** `checks_json`: {check id: {scope: [ok (1 or 0), detail]}}. */
export function checksJson(record: ReportRecord): string {
  const checks: Record<string, Record<string, [number, string]>> = Object.create(null);
  for (const c of record.checks) (checks[c.id] ??= Object.create(null))[c.scope] = [c.ok ? 1 : 0, c.detail];
  return JSON.stringify(checks);
}
