/**
 * Matching values to columns. A grid row is matched through its table's header: every grid column
 * gets the path of header labels above it (`法人或其他组织 > 商业企业`), and a value cell takes the
 * column whose path names it. Rows without geometry (flattened text) or whose table has no header
 * of its own fall back to the format's printed column order.
 */
import type { Cell } from '../document.ts';
import { labelKey } from '../normalize.ts';
import type { TableRow } from './rows.ts';

export interface ColumnMap<K extends string> {
  byColumn: Map<number, K>;
  width: number;
  table: number;
}

/** Build a column map from header rows; `classify` names a column from its label path (top-down). */
export function columnMap<K extends string>(headerRows: TableRow[], classify: (path: string[]) => K | null): ColumnMap<K> | null {
  const paths = new Map<number, string[]>();
  for (const row of headerRows) {
    for (const cell of row.labels) {
      if (cell.col < 0) continue;
      const key = labelKey(cell.text);
      for (let c = cell.col; c < cell.col + cell.span; c++) {
        const path = paths.get(c) ?? [];
        if (path[path.length - 1] !== key) path.push(key);
        paths.set(c, path);
      }
    }
  }
  const byColumn = new Map<number, K>();
  for (const [col, path] of paths) {
    const key = classify(path);
    if (key) byColumn.set(col, key);
  }
  if (!byColumn.size || !headerRows.length) return null;
  return { byColumn, width: headerRows[0].width, table: headerRows[0].table };
}

export type Fallback = 'left' | 'lastIsTotal' | 'exactOnly';

export interface Assigned<K extends string> {
  cells: Partial<Record<K, Cell | null>>;
  /** Values were present but their columns could not be determined. */
  ambiguous: boolean;
}

/**
 * Assign a row's value cells to column keys. With a header map covering the row's geometry, by
 * column; otherwise in `order`. When a flattened row has fewer values than columns the positions are
 * unknown: `lastIsTotal` puts the last value in the last (total) column and the rest from the left,
 * `left` fills from the left, `exactOnly` assigns nothing; all three report the row as ambiguous.
 */
export function assignValues<K extends string>(row: TableRow, map: ColumnMap<K> | null, order: readonly K[], fallback: Fallback): Assigned<K> {
  const cells: Partial<Record<K, Cell | null>> = {};
  const usable = map && row.exact && map.width === row.width;
  if (usable) {
    for (const cell of row.values) {
      for (let c = cell.col; c < cell.col + cell.span; c++) {
        const key = map.byColumn.get(c);
        if (key && !(key in cells)) {
          cells[key] = cell;
          break;
        }
      }
    }
    for (const key of order) if (!(key in cells) && [...map.byColumn.values()].includes(key)) cells[key] = null;
    return { cells, ambiguous: false };
  }
  let values = row.values;
  if (values.length > order.length) values = values.slice(values.length - order.length);
  if (values.length === order.length || values.length === 0) {
    order.forEach((key, i) => (cells[key] = values[i] ?? null));
    return { cells, ambiguous: false };
  }
  if (fallback === 'exactOnly') return { cells, ambiguous: true };
  const head = fallback === 'lastIsTotal' ? values.slice(0, -1) : values;
  order.forEach((key, i) => (cells[key] = head[i] ?? null));
  if (fallback === 'lastIsTotal') cells[order[order.length - 1]] = values[values.length - 1];
  return { cells, ambiguous: true };
}
