/**
 * The report renderer: body blocks and the official tables as HTML, in the markup the document came
 * in (a CMS rich-text editor's `<p>` cells, Word's MsoNormal export, or bare cells).
 */
import type { ReportDoc, TableStyle, Block } from '../content/model.ts';
import { DEFAULT_STYLE } from '../content/model.ts';
import { activeTable, applicationsTable, reviewTable } from './tables.ts';
import type { TableModel, Cell } from './tables.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellContent(cell: Cell, style: TableStyle): string {
  if (cell.text === '&nbsp;') return style.cellMarkup === 'word' ? '<p class=MsoNormal align=center style=\'text-align:center\'><span lang=EN-US>&nbsp;</span></p>' : '&nbsp;';
  const text = cell.text.split('\n').map(escapeHtml).join('<br>');
  switch (style.cellMarkup) {
    case 'word':
      return `<p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'><span style='font-size:10.5pt;font-family:宋体'>${text}</span></p>`;
    case 'p':
      return `<p style="text-align: center; text-indent: 0em;">${text}</p>`;
    default:
      return text;
  }
}

export function tableHtml(model: TableModel, style: TableStyle): string {
  const open = style.cellMarkup === 'word'
    ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=600 style='width:450.0pt;border-collapse:collapse;border:none'>`
    : `<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%">`;
  const rows = model.map((row) => {
    const cells = row.map((cell) => {
      const attrs = `${cell.colspan ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}`;
      const look = style.cellMarkup === 'word'
        ? ` valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'`
        : ' valign="middle"';
      return `<td${attrs}${look}>${cellContent(cell, style)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `${open}<tbody>${rows.join('\n')}</tbody></table>`;
}

function gridHtml(rows: string[][], header: number): string {
  const trs = rows.map((r, i) => `<tr>${r.map((t) => (i < header ? `<th>${escapeHtml(t)}</th>` : `<td>${escapeHtml(t)}</td>`)).join('')}</tr>`);
  return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse" align="center"><tbody>${trs.join('\n')}</tbody></table>`;
}

function blockHtml(block: Block, style: TableStyle, doc?: ReportDoc): string {
  const word = style.cellMarkup === 'word';
  switch (block.kind) {
    case 'h':
      return word
        ? `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>${escapeHtml(block.text)}</span></b></p>`
        : `<p style="text-indent: 2em;"><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'p':
      if (block.align === 'right') return `<p style="text-align: right;">${escapeHtml(block.text)}</p>`;
      return word
        ? `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${escapeHtml(block.text)}</span></p>`
        : `<p style="text-indent: 2em;">${escapeHtml(block.text)}</p>`;
    case 'image':
      return `<p style="text-align: center;"><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}" style="max-width:100%"/></p>`;
    case 'grid':
      return gridHtml(block.rows, block.header ?? 0);
    case 'table':
      return doc ? tableHtml(tableModel(doc, block.table), doc.style) : '';
  }
}

/** The grid of one official table of a report (empty when the record has no such table). */
export function tableModel(doc: ReportDoc, which: 'active' | 'applications' | 'reviewLitigation'): TableModel {
  const t = doc.truth;
  const template = t.template === '2019' ? '2019' : '2021';
  if (which === 'active') return Object.keys(t.active).length ? activeTable(t.active, template, doc.style) : [];
  if (which === 'applications') return Object.keys(t.applications).length ? applicationsTable(t.applications, template, doc.style) : [];
  return Object.keys(t.reviewLitigation).length ? reviewTable(t.reviewLitigation, doc.style) : [];
}

/** The report body as it sits inside the CMS's content container. */
export function reportBodyHtml(doc: ReportDoc): string {
  return doc.body.map((b) => blockHtml(b, doc.style, doc)).join('\n');
}

/** Blocks of a page that is not a report (notices, news): no official tables. */
export function blocksHtml(blocks: Block[], style: TableStyle = DEFAULT_STYLE): string {
  return blocks.map((b) => blockHtml(b, style)).join('\n');
}
