/**
 * Flattened page text (as in ../shared/seeds) -> PageDocument. Tables arrive as `|`-terminated
 * cells, one or several per line, with row boundaries lost and empty cells sometimes dropped; the
 * cells are regrouped into rows at each label that follows a value ("label… value…" runs). Such rows
 * are inexact: the table extractors fall back to the format's column order for them.
 */
import type { Block, Cell, PageDocument } from './document.ts';
import { isChromeLine } from './chrome.ts';
import { collapseSpaces } from './normalize.ts';
import { isValueText } from './numbers.ts';

/** A report title is printed near the top; lines after it are the report. */
const TITLE_SEARCH_LINES = 15;
const TITLE_RE = /(年度报告|年报|工作报告)\s*$/;

export function looksLikeTitle(line: string): boolean {
  return line.length >= 8 && line.length <= 90 && TITLE_RE.test(line) && /\d{4}|[〇零一二三四五六七八九]{4}/.test(line) && !/[。；;>]/.test(line) && !isChromeLine(line);
}

function cellsToRows(cells: string[], table: number): Block[] {
  const rows: Block[] = [];
  let current: Cell[] = [];
  let sawValue = false;
  for (const text of cells) {
    const value = isValueText(text);
    if (!value && sawValue) {
      rows.push({ kind: 'row', cells: current, table, width: 0, exact: false });
      current = [];
      sawValue = false;
    }
    current.push({ text, col: -1, span: 1, inherited: false });
    if (value) sawValue = true;
  }
  if (current.length) rows.push({ kind: 'row', cells: current, table, width: 0, exact: false });
  return rows;
}

export function readPlainText(input: string): PageDocument {
  const lines = input.split(/\r?\n/).map(collapseSpaces);
  const titleIndex = lines.slice(0, TITLE_SEARCH_LINES).findIndex(looksLikeTitle);
  const blocks: Block[] = [];
  let cells: string[] = [];
  let tables = 0;
  const flushCells = (): void => {
    if (!cells.length) return;
    blocks.push(...cellsToRows(cells, tables++));
    cells = [];
  };
  lines.forEach((line, i) => {
    if (i <= titleIndex || !line) return;
    if (line.includes('|')) {
      for (const part of line.split('|')) {
        const text = collapseSpaces(part);
        if (text) cells.push(text);
      }
    } else {
      flushCells();
      blocks.push({ kind: 'paragraph', text: line });
    }
  });
  flushCells();
  return {
    blocks,
    metaTags: {},
    htmlTitle: null,
    headingTitle: titleIndex >= 0 ? lines[titleIndex] : null,
    pageLines: lines.filter(Boolean),
    attachments: [],
    contentImages: 0,
    truncated: false,
  };
}
