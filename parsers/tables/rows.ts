/**
 * Table rows split into labels and values, each tagged with the table section (表二/三/四) it
 * belongs to. The section is followed as the reader follows it: section headings between tables,
 * and the rows' own labels (a row saying 第二十条 is 表二 whatever heading came before).
 */
import type { Block, Cell } from '../document.ts';
import { labelKey } from '../normalize.ts';
import { isEmptyText, isValueText } from '../numbers.ts';

export type Section = 'active' | 'applications' | 'reviewLitigation';

export interface TableRow {
  section: Section | null;
  /** Label cells in reading order, inherited group labels included; blank cells left out. */
  labels: Cell[];
  /** Value cells after the row's last label; copies spanning down from earlier rows left out. */
  values: Cell[];
  exact: boolean;
  width: number;
  table: number;
}

const HEADING_MAX = 60;

function sectionOfHeading(text: string): Section | null | undefined {
  if (text.length > HEADING_MAX) return undefined;
  const k = labelKey(text);
  if (/收到和处理政府信息公开申请|依申请公开.*情况统计/.test(k)) return 'applications';
  if (/行政复议.*行政诉讼|复议.*诉讼情况/.test(k)) return 'reviewLitigation';
  if (/^(二|2)[.,]?主动公开|^主动公开政府信息情况$/.test(k)) return 'active';
  if (/^(五|六|5|6)[.,]|存在的主要问题|其他需要报告/.test(k)) return null;
  return undefined;
}

function sectionOfLabels(keys: string[]): Section | undefined {
  const joined = keys.join('|');
  if (/第二十条|规范性文件|行政许可|行政事业性收费|政府集中采购/.test(joined)) return 'active';
  if (/申请人情况|本年新收|自然人|上年结转/.test(joined)) return 'applications';
  if (/^行政复议|\|行政复议|未经复议|复议后起诉/.test(joined)) return 'reviewLitigation';
  return undefined;
}

function splitRow(cells: Cell[]): { labels: Cell[]; values: Cell[] } {
  let last = -1;
  for (let i = 0; i < cells.length; i++) if (cells[i].text && !isValueText(cells[i].text)) last = i;
  return {
    labels: cells.slice(0, last + 1).filter((c) => c.text),
    values: cells.slice(last + 1).filter((c) => !c.inherited),
  };
}

/** A row with at least one printed number (a header row has none, though it may have blank cells). */
export function hasNumbers(row: TableRow): boolean {
  return row.values.some((c) => !isEmptyText(c.text));
}

export function tableRows(blocks: Block[]): TableRow[] {
  const rows: TableRow[] = [];
  let section: Section | null = null;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const s = sectionOfHeading(block.text);
      if (s !== undefined) section = s;
      continue;
    }
    const { labels, values } = splitRow(block.cells);
    const own = labels.filter((c) => !c.inherited).map((c) => labelKey(c.text));
    section = sectionOfLabels(own) ?? section;
    rows.push({ section, labels, values, exact: block.exact, width: block.width, table: block.table });
  }
  return rows;
}
