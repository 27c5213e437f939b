/**
 * Reading the official tables of a served page the way a person reads them, independently of the
 * parser (parsers/html/grid.ts): row and column spans expanded into a full grid of cell texts, and
 * a cell's text as the number it shows (null when printed empty, "/" or "—").
 */
import type { CheerioAPI } from 'cheerio';
import type { CellValue } from '../../parsers/record.ts';

export function grid($: CheerioAPI, table: Parameters<CheerioAPI>[0]): string[][] {
  const out: string[][] = [];
  $(table).find('tr').each((r, tr) => {
    out[r] ??= [];
    let c = 0;
    $(tr).children('td,th').each((_, td) => {
      while (out[r]?.[c] !== undefined) c++;
      const rs = Number($(td).attr('rowspan') ?? 1);
      const cs = Number($(td).attr('colspan') ?? 1);
      const text = $(td).text().replace(/\u00a0/g, ' ').trim();
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (out[r + i] ??= [])[c + j] = text;
      c += cs;
    });
  });
  return out;
}

export function cell(text: string): CellValue {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  return t === '' || t === '/' || t === '—' ? null : Number(t);
}
