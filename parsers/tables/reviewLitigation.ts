/**
 * 表四 政府信息公开行政复议、行政诉讼情况 -> `reviewLitigation`: three blocks of five outcomes.
 * A grid column's block comes from the header above it (行政复议 / 未经复议直接起诉 / 复议后起诉);
 * its outcome from its own label where legible, else from its place inside the block, because
 * portals print truncated labels (`结果`, `尚未`) and typos (`结果维护`).
 */
import type { Cell } from '../document.ts';
import { labelKey } from '../normalize.ts';
import { OUTCOME_COLUMNS, REVIEW_BLOCKS, type OutcomeColumn, type ReviewBlock, type ReviewLitigationTable } from '../record.ts';
import { assignValues, type ColumnMap } from './columns.ts';
import { hasNumbers, type TableRow } from './rows.ts';
import { cellValue, type TableResult } from './values.ts';

type Slot = `${ReviewBlock}.${OutcomeColumn}`;
const SLOTS: Slot[] = REVIEW_BLOCKS.flatMap((b) => OUTCOME_COLUMNS.map((o) => `${b}.${o}` as Slot));

function blockOf(path: string[]): ReviewBlock | null {
  const joined = path.join('>');
  if (/复议后/.test(joined)) return 'litigationAfterReview';
  if (/未经复议|直接起诉/.test(joined)) return 'litigationDirect';
  if (/行政复议/.test(joined)) return 'review';
  return null;
}

function outcomeOf(label: string): OutcomeColumn | null {
  if (/维持|维护/.test(label)) return 'upheld';
  if (/纠正/.test(label)) return 'corrected';
  if (/其他/.test(label)) return 'other';
  if (/未审结|尚未|未结/.test(label)) return 'pending';
  if (/总计|合计|小计/.test(label)) return 'total';
  return null;
}

/** Header rows -> grid column -> slot, outcome by label or by place within the block. */
function headerMap(headerRows: TableRow[]): ColumnMap<Slot> | null {
  const paths = new Map<number, string[]>();
  for (const row of headerRows) {
    for (const cell of row.labels) {
      if (cell.col < 0) return null;
      for (let c = cell.col; c < cell.col + cell.span; c++) paths.set(c, [...(paths.get(c) ?? []), labelKey(cell.text)]);
    }
  }
  const columnsOf = new Map<ReviewBlock, number[]>();
  for (const [col, path] of [...paths].sort((a, b) => a[0] - b[0])) {
    const block = blockOf(path);
    if (block) columnsOf.set(block, [...(columnsOf.get(block) ?? []), col]);
  }
  const byColumn = new Map<number, Slot>();
  for (const [block, cols] of columnsOf) {
    cols.forEach((col, i) => {
      const path = paths.get(col)!;
      const outcome = outcomeOf(path[path.length - 1]) ?? (cols.length === 5 ? OUTCOME_COLUMNS[i] : null);
      if (outcome) byColumn.set(col, `${block}.${outcome}`);
    });
  }
  return byColumn.size ? { byColumn, width: headerRows[0].width, table: headerRows[0].table } : null;
}

export function extractReviewLitigation(rows: TableRow[]): TableResult<ReviewLitigationTable> {
  const table: ReviewLitigationTable = {};
  const result: TableResult<ReviewLitigationTable> = { table, guessedRows: [] };
  let headerRows: TableRow[] = [];
  for (const row of rows) {
    if (row.section !== 'reviewLitigation') continue;
    if (!hasNumbers(row)) {
      headerRows.push(row);
      continue;
    }
    if (REVIEW_BLOCKS.every((b) => table[b])) break;
    const assigned = assignValues(row, headerMap(headerRows), SLOTS, 'exactOnly');
    if (assigned.ambiguous) result.guessedRows.push('reviewLitigation');
    else {
      for (const block of REVIEW_BLOCKS) {
        const cells = OUTCOME_COLUMNS.map((o) => assigned.cells[`${block}.${o}`] as Cell | null | undefined);
        if (cells.some((c) => c !== undefined) && !table[block]) {
          table[block] = Object.fromEntries(OUTCOME_COLUMNS.map((o, i) => [o, cellValue(cells[i])])) as Record<OutcomeColumn, number | null>;
        }
      }
    }
    headerRows = [];
  }
  return result;
}
