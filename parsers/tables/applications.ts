/**
 * 表三 收到和处理政府信息公开申请情况 -> `applications` (rows r1 … r4 × seven applicant columns).
 * Rows are recognised by the words of their labels (templates.md §3), which survive the typos,
 * bracket widths, `1、` numbering and spacing that portals introduce; a few labels (`3.其他`,
 * `总计`) only mean a row inside their group, so the current group label is tracked.
 */
import type { Cell } from '../document.ts';
import { labelKey } from '../normalize.ts';
import { APPLICANT_COLUMNS, type ApplicantColumn, type ApplicationsTable } from '../record.ts';
import { assignValues, columnMap, type ColumnMap } from './columns.ts';
import { cellValue, type TableResult } from './values.ts';
import { hasNumbers, type TableRow } from './rows.ts';

/** Row keys by label words, checked in order (most specific first). */
const ROW_PATTERNS: [RegExp, string][] = [
  [/本年新收/, 'r1'],
  [/上年结转|上年度结转/, 'r2'],
  [/结转下年|转入下年|下年度继续/, 'r4'],
  [/予以公开/, 'r3.1'],
  [/部分公开/, 'r3.2'],
  [/国家秘密/, 'r3.3.1'],
  [/禁止公开/, 'r3.3.2'],
  [/三安全|一稳定/, 'r3.3.3'],
  [/第三方/, 'r3.3.4'],
  [/内部事务/, 'r3.3.5'],
  [/过程性/, 'r3.3.6'],
  [/执法案卷/, 'r3.3.7'],
  [/查询事项/, 'r3.3.8'],
  [/不掌握/, 'r3.4.1'],
  [/另行制作|没有现成/, 'r3.4.2'],
  [/补正后|仍不明确/, 'r3.4.3'],
  [/信访|举报|投诉/, 'r3.5.1'],
  [/重复申请/, 'r3.5.2'],
  [/出版物/, 'r3.5.3'],
  [/大量反复|反复申请/, 'r3.5.4'],
  [/重新出具|确认或/, 'r3.5.5'],
  [/不补正/, 'r3.6.1'],
  [/缴纳费用|收费通知/, 'r3.6.2'],
];

type Group = 'results' | 'withheld' | 'unavailable' | 'notProcessed' | 'otherHandling' | null;

const GROUP_PATTERNS: [RegExp, Exclude<Group, null>][] = [
  [/本年度办理结果|办理结果$/, 'results'],
  [/^\(?[三3]\)?\.?不予公开$/, 'withheld'],
  [/无法提供$/, 'unavailable'],
  [/不予处理$/, 'notProcessed'],
  [/其他处理$/, 'otherHandling'],
];

/** Strip the numbering a label starts with: `(三)`, `三、`, `3.`, `1)`. */
function bare(key: string): string {
  return key.replace(/^(\(?[一二三四五六七八九十\d]+[).]|[一二三四五六七八九十]+\.)+/, '');
}

function groupOf(key: string): Group | undefined {
  for (const [re, g] of GROUP_PATTERNS) if (re.test(key)) return g;
  return undefined;
}

/** The row key a label names, given the group it sits in; undefined when it names no data row. */
function rowKey(key: string, group: Group, isLast: boolean): string | undefined {
  for (const [re, row] of ROW_PATTERNS) if (re.test(key)) return row;
  const b = bare(key);
  if (/^(总计|合计)$/.test(b)) return 'r3.7';
  if (b === '其他' && group === 'otherHandling') return 'r3.6.3';
  // 2019: （六）其他处理 is one data row; 2021: a group over three rows, recognised by what follows.
  if (/其他处理$/.test(key) && isLast) return 'r3.6';
  return undefined;
}

function classifyColumn(path: string[]): ApplicantColumn | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const k = path[i];
    if (/商业|企业/.test(k)) return 'commercial';
    if (/科研/.test(k)) return 'research';
    if (/公益/.test(k)) return 'nonprofit';
    if (/法律服务|律师/.test(k)) return 'legal';
    if (/总计|合计/.test(k)) return 'total';
    if (/自然人/.test(k)) return 'natural';
    if (/^其他$|^其他组织$/.test(k)) return 'other';
  }
  return null;
}

const HEADER_WORDS = /自然人|商业企业|科研机构|法律服务|公益组织|申请人情况/;

export function extractApplications(rows: TableRow[]): TableResult<ApplicationsTable> {
  const table: ApplicationsTable = {};
  const result: TableResult<ApplicationsTable> = { table, guessedRows: [] };
  let group: Group = null;
  let map: ColumnMap<ApplicantColumn> | null = null;
  let headerRows: TableRow[] = [];
  let dataStarted = false;

  const emit = (key: string, row: TableRow | null): void => {
    if (table[key]) return;
    const assigned = row
      ? assignValues(row, map, APPLICANT_COLUMNS, 'lastIsTotal')
      : { cells: {} as Partial<Record<ApplicantColumn, Cell | null>>, ambiguous: false };
    if (assigned.ambiguous) result.guessedRows.push(`applications.${key}`);
    table[key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, cellValue(assigned.cells[c])])) as Record<ApplicantColumn, number | null>;
  };

  for (const row of rows) {
    if (row.section !== 'applications') continue;
    const keys = row.labels.map((c) => labelKey(c.text));
    if (!hasNumbers(row) && keys.some((k) => HEADER_WORDS.test(k)) && !keys.some((k) => /本年新收/.test(k))) {
      headerRows = headerRows.length && headerRows[headerRows.length - 1].table !== row.table ? [row] : [...headerRows, row];
      map = columnMap(headerRows, classifyColumn) ?? map;
      continue;
    }
    headerRows = [];
    keys.forEach((key, i) => {
      const isLast = i === keys.length - 1;
      const g = groupOf(key);
      // A group label that is also the row's own label with values (2019's （六）其他处理) is a row.
      if (g !== undefined && !(g === 'otherHandling' && isLast && row.values.length)) {
        group = g;
        if (g === 'results') dataStarted = true;
        return;
      }
      const r = rowKey(key, group, isLast);
      if (!r) return;
      if (r === 'r1' || r === 'r2' || r === 'r3.1') dataStarted = true;
      if (!dataStarted) return;
      if (r === 'r4' || r === 'r1' || r === 'r2') group = null;
      if (isLast) emit(r, row);
      else if (!row.labels[i].inherited && row.labels[i].col < 0) emit(r, null);
    });
  }
  return result;
}
