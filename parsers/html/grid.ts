/**
 * An HTML table as a grid: rowspan and colspan expanded, so every cell knows its column and the
 * cells that span down from earlier rows are repeated (marked `inherited`) in the rows they cover.
 * Spans are clamped as browsers clamp them (colspan ≤ 1000, rowspan ≤ rows left), so a hostile
 * `colspan=99999` cannot blow up memory.
 */
import type { Cell } from '../document.ts';
import { collapseSpaces } from '../normalize.ts';
import { cellText, isElement, type AnyNode, type Element } from './dom.ts';

const MAX_COLSPAN = 1000;
/** A row wider than this is not a report table; the rest of it is dropped. */
const MAX_COLUMNS = 2000;

export interface GridRow {
  cells: Cell[];
}

export interface Grid {
  rows: GridRow[];
  width: number;
}

/** The `<tr>` elements of this table, not of tables nested inside it. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'tr') {
      rows.push(node);
      return;
    }
    if (node.name === 'table') return;
    for (const child of node.children) visit(child);
  };
  for (const child of table.children) visit(child);
  return rows;
}

function ownCells(tr: Element): Element[] {
  const cells: Element[] = [];
  const visit = (node: AnyNode): void => {
    if (!isElement(node)) return;
    if (node.name === 'td' || node.name === 'th') {
      cells.push(node);
      return;
    }
    if (node.name === 'table' || node.name === 'tr') return;
    for (const child of node.children) visit(child);
  };
  for (const child of tr.children) visit(child);
  return cells;
}

function spanOf(el: Element, name: string): number {
  const n = parseInt(el.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? n : name === 'rowspan' && n === 0 ? Number.MAX_SAFE_INTEGER : 1;
}

export function tableGrid(table: Element): Grid {
  const trs = ownRows(table);
  // pending[c] = a cell spanning down into later rows at column c, with how many rows it still covers.
  const pending: ({ cell: Cell; rowsLeft: number } | undefined)[] = [];
  const rows: GridRow[] = [];
  let width = 0;
  trs.forEach((tr, r) => {
    const cells: Cell[] = [];
    const taken = new Set<number>();
    for (let c = 0; c < pending.length; c++) {
      const p = pending[c];
      if (!p) continue;
      if (c === p.cell.col) cells.push({ ...p.cell, inherited: true });
      taken.add(c);
      if (--p.rowsLeft <= 0) pending[c] = undefined;
    }
    let col = 0;
    for (const td of ownCells(tr)) {
      while (taken.has(col)) col++;
      if (col >= MAX_COLUMNS) break;
      const colspan = Math.min(spanOf(td, 'colspan'), MAX_COLSPAN, MAX_COLUMNS - col);
      const rowspan = Math.min(spanOf(td, 'rowspan'), trs.length - r);
      const cell: Cell = { text: collapseSpaces(cellText(td)), col, span: colspan, inherited: false };
      cells.push(cell);
      for (let k = col; k < col + colspan; k++) {
        taken.add(k);
        if (rowspan > 1) pending[k] = { cell, rowsLeft: rowspan - 1 };
      }
      col += colspan;
    }
    cells.sort((a, b) => a.col - b.col);
    const last = cells[cells.length - 1];
    if (last) width = Math.max(width, last.col + last.span);
    rows.push({ cells });
  });
  return { rows, width };
}
