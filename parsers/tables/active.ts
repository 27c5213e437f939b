/**
 * 表二 主动公开政府信息情况 -> `active`. The table is a run of blocks (第二十条第（一）（五）（六）（八）（九）项),
 * each with its own column header (信息内容 | 本年制发件数 | …) and item rows (规章, 行政许可 …).
 * Field names come from the column headers, so the 2019 and 2021 formats come out with their own
 * keys; money (收费金额, 采购总金额) is carried in 万元 as record.md requires.
 */
import type { Cell } from '../document.ts';
import { labelKey } from '../normalize.ts';
import { parseNumber, yuanToWan, type MoneyUnit } from '../numbers.ts';
import type { ActiveTable, BreakdownPart, Template } from '../record.ts';
import { assignValues, columnMap, type ColumnMap } from './columns.ts';
import { hasNumbers, type TableRow } from './rows.ts';
import type { TableResult } from './values.ts';

type Item = 'regulations' | 'normativeDocuments' | 'licensing' | 'otherServices' | 'penalty' | 'coercion' | 'fees' | 'procurement';
type Field = 'issued' | 'repealed' | 'inForce' | 'made' | 'published' | 'total' | 'previousItems' | 'change' | 'decisions' | 'amount' | 'items';

const ITEM_PATTERNS: [RegExp, Item][] = [
  [/^规章/, 'regulations'],
  [/规范性文件/, 'normativeDocuments'],
  [/其他对外管理服务/, 'otherServices'],
  [/行政许可/, 'licensing'],
  [/行政处罚/, 'penalty'],
  [/行政强制/, 'coercion'],
  [/事业性收费/, 'fees'],
  [/集中采购/, 'procurement'],
];

const FIELD_PATTERNS: [RegExp, Field][] = [
  [/制发/, 'issued'],
  [/废止/, 'repealed'],
  [/现行有效/, 'inForce'],
  [/新制作|制作数量/, 'made'],
  [/新公开/, 'published'],
  [/公开总数|总数量/, 'total'],
  [/上一年|上年/, 'previousItems'],
  [/增\/?减|增加|减少/, 'change'],
  [/处理决定|决定数量/, 'decisions'],
  [/采购项目|项目数量/, 'items'],
  [/金额/, 'amount'],
];

/** The format's column order per item, used when a row has no header of its own to go by. */
const DEFAULT_FIELDS: Record<'2019' | '2021', Record<Item, Field[]>> = {
  '2021': {
    regulations: ['issued', 'repealed', 'inForce'],
    normativeDocuments: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    otherServices: ['decisions'],
    penalty: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount'],
    procurement: ['items', 'amount'],
  },
  '2019': {
    regulations: ['made', 'published', 'total'],
    normativeDocuments: ['made', 'published', 'total'],
    licensing: ['previousItems', 'change', 'decisions'],
    otherServices: ['previousItems', 'change', 'decisions'],
    penalty: ['previousItems', 'change', 'decisions'],
    coercion: ['previousItems', 'change', 'decisions'],
    fees: ['previousItems', 'change'],
    procurement: ['items', 'amount'],
  },
};

const PART_RE = /^([^\d:：]{2,12})[:：]\s*((?:增|减|\+|-)?\d[\d,.]*)$/;

function itemOf(key: string): Item | null {
  const bare = key.replace(/\(.*?\)$/, '');
  for (const [re, item] of ITEM_PATTERNS) if (re.test(bare)) return item;
  return null;
}

function fieldOf(key: string): Field | null {
  if (/信息内容/.test(key)) return null;
  for (const [re, field] of FIELD_PATTERNS) if (re.test(key)) return field;
  return null;
}

function fieldOfPath(path: string[]): Field | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const f = fieldOf(path[i]);
    if (f) return f;
  }
  return null;
}

function unitOf(key: string): MoneyUnit {
  if (/万元/.test(key)) return '万元';
  if (/\(元\)|单位:元|元\)$/.test(key)) return '元';
  return null;
}

interface Header {
  fields: Field[];
  map: ColumnMap<Field> | null;
  unit: MoneyUnit;
}

export function extractActive(rows: TableRow[], template: Template): TableResult<ActiveTable> {
  const table: Record<string, Record<string, unknown>> = {};
  const result: TableResult<ActiveTable> = { table: table as ActiveTable, guessedRows: [] };
  const defaults = DEFAULT_FIELDS[template === '2019' ? '2019' : '2021'];
  let header: Header = { fields: [], map: null, unit: null };
  let headerRows: TableRow[] = [];
  let sectionUnit: MoneyUnit = null;
  let current: { item: Item; parts: BreakdownPart[] } | null = null;

  const number = (field: Field, cell: Cell | null | undefined): number | null => {
    if (!cell) return null;
    const parsed = parseNumber(cell.text);
    if (!parsed || parsed.value === null) return null;
    if (field !== 'amount') return parsed.value;
    const unit = parsed.unit ?? header.unit ?? sectionUnit;
    if (unit === null) result.unitMissing = true;
    return unit === '元' ? yuanToWan(parsed.value) : parsed.value;
  };

  const fill = (item: Item, row: TableRow | null, part: { label: string; value: string; col: number } | null): void => {
    const fields = header.fields.length ? header.fields : defaults[item];
    const target = (table[item] ??= {});
    if (!row) {
      for (const f of fields) if (!(f in target)) target[f] = null;
      return;
    }
    const byHeader = assignValues(row, header.map, fields, 'left');
    let assigned = byHeader.cells;
    if (!part) {
      if (byHeader.ambiguous) result.guessedRows.push(`active.${item}`);
      for (const f of fields) if (!(f in target) || target[f] === null) target[f] = number(f, assigned[f]);
      return;
    }
    // A part cell (`行政征收:14`) holds the first field; the row's values continue from there.
    const partField = header.map?.byColumn.get(part.col) ?? fields[0];
    const rest = fields.slice(fields.indexOf(partField) + 1);
    if (!header.map || !row.exact || header.map.width !== row.width) assigned = assignValues(row, null, rest, 'left').cells;
    const entry: BreakdownPart = { label: part.label };
    (entry as unknown as Record<string, unknown>)[partField] = number(partField, { text: part.value, col: part.col, span: 1, inherited: false });
    for (const f of rest) {
      const v = number(f, assigned[f]);
      if (f === 'decisions' && v !== null && (target.decisions ?? null) === null) target.decisions = v;
      else if (assigned[f] !== undefined) (entry as unknown as Record<string, unknown>)[f] = v;
    }
    for (const f of fields) if (!(f in target)) target[f] = null;
    current!.parts.push(entry);
    target.breakdown = current!.parts;
    result.breakdown = true;
  };

  for (const row of rows) {
    if (row.section !== 'active') continue;
    const keys = row.labels.map((c) => labelKey(c.text));
    for (const k of keys) if (/单位:?万元/.test(k) && !fieldOf(k)) sectionUnit = '万元';
    // A grid header row: labels only, naming columns.
    if (row.exact && !hasNumbers(row) && keys.some((k) => fieldOf(k)) && !keys.some((k) => itemOf(k))) {
      headerRows = headerRows.length && headerRows[headerRows.length - 1].table === row.table ? [...headerRows, row] : [row];
      const map = columnMap(headerRows, fieldOfPath);
      const fields = [...new Set(map ? [...map.byColumn.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f) : [])];
      header = { fields, map, unit: keys.map(unitOf).find((u) => u) ?? null };
      continue;
    }
    headerRows = [];
    let rowItem = null as Item | null;
    let part = null as { label: string; value: string; col: number } | null;
    row.labels.forEach((cell, i) => {
      const key = labelKey(cell.text);
      const isLast = i === row.labels.length - 1;
      if (/第二十条/.test(key)) {
        header = { fields: [], map: null, unit: null };
        return;
      }
      if (!row.exact && /信息内容/.test(key)) {
        header = { fields: [], map: null, unit: null };
        return;
      }
      const partMatch = PART_RE.exec(key);
      if (partMatch && current) {
        part = { label: partMatch[1], value: partMatch[2], col: cell.col };
        return;
      }
      const item = itemOf(key);
      if (item) {
        if (isLast || cell.inherited || cell.col >= 0) rowItem = item;
        else fill(item, null, null);
        if (!current || current.item !== item || !cell.inherited) current = { item, parts: [] };
        return;
      }
      const field = fieldOf(key);
      if (field && !row.exact) {
        header.fields.push(field);
        header.unit = unitOf(key) ?? header.unit;
      }
    });
    const item = rowItem ?? (part ? (current as { item: Item } | null)?.item ?? null : null);
    if (item && (row.values.length || part || !row.exact)) fill(item, row, part);
  }
  return result;
}
