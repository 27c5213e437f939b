/**
 * The rows the `cells` view must show for a record, written out on their own terms (not through
 * storage/recordJson.ts, which they check): every table cell as (table, row, column, value), the
 * parts of a 表二 breakdown as rows `<row>.breakdown.<label>`.
 */
import type { ReportRecord } from '../../parsers/record.ts';

export interface CellRow {
  table: 'active' | 'applications' | 'reviewLitigation';
  row: string;
  column: string;
  value: number | null;
}

/** The record's tables flattened into (table, row, column, value); breakdown parts keep their label. */
export function recordCells(record: ReportRecord): CellRow[] {
  const cells: CellRow[] = [];
  for (const [row, values] of Object.entries(record.active)) {
    for (const [column, value] of Object.entries(values ?? {})) {
      if (column === 'breakdown' && Array.isArray(value)) {
        for (const part of value as { label: string; [k: string]: unknown }[]) {
          for (const [k, v] of Object.entries(part)) {
            if (k !== 'label') cells.push({ table: 'active', row: `${row}.breakdown.${part.label}`, column: k, value: v as number | null });
          }
        }
      } else cells.push({ table: 'active', row, column, value: value as number | null });
    }
  }
  for (const [row, values] of Object.entries(record.applications)) {
    for (const [column, value] of Object.entries(values ?? {})) cells.push({ table: 'applications', row, column, value });
  }
  for (const [row, values] of Object.entries(record.reviewLitigation)) {
    for (const [column, value] of Object.entries(values ?? {})) cells.push({ table: 'reviewLitigation', row, column, value });
  }
  return cells;
}
