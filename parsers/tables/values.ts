/** What every table extractor returns, and the cell -> number step they share. */
import type { Cell } from '../document.ts';
import { parseNumber } from '../numbers.ts';

export interface TableResult<T> {
  table: T;
  /**
   * Rows whose flattened text had fewer values than columns, so which column each value belongs to
   * was guessed (record key `guessedRows`, e.g. `applications.r1`).
   */
  guessedRows: string[];
  /** A money cell had no unit anywhere (flag `unit-missing`). */
  unitMissing?: boolean;
  /** An item was broken into parts inside its cells (flag `cell-breakdown`). */
  breakdown?: boolean;
}

/** A cell's number; null for an absent or empty cell, and for text that is not a number. */
export function cellValue(cell: Cell | null | undefined): number | null {
  if (!cell) return null;
  return parseNumber(cell.text)?.value ?? null;
}
