/**
 * The arithmetic identities of templates.md evaluated on the *truth* (the data a page is rendered
 * from), so the expected `checks-failed` flag is known without parsing anything. Same rule as the
 * record contract: a check with a null operand is skipped.
 */
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS } from '../../../parsers/record.ts';
import type { ApplicationsTable, Flag, ReviewLitigationTable, CellValue } from '../../../parsers/record.ts';
import type { ReportTruth } from './model.ts';

export const OUTCOME_ROWS_2019 = [
  'r3.1', 'r3.2', 'r3.3.1', 'r3.3.2', 'r3.3.3', 'r3.3.4', 'r3.3.5', 'r3.3.6', 'r3.3.7', 'r3.3.8',
  'r3.4.1', 'r3.4.2', 'r3.4.3', 'r3.5.1', 'r3.5.2', 'r3.5.3', 'r3.5.4', 'r3.5.5', 'r3.6',
] as const;
export const OUTCOME_ROWS_2021 = [
  ...OUTCOME_ROWS_2019.slice(0, -1), 'r3.6.1', 'r3.6.2', 'r3.6.3',
] as const;

export function applicationRows(template: '2019' | '2021'): string[] {
  return ['r1', 'r2', ...(template === '2019' ? OUTCOME_ROWS_2019 : OUTCOME_ROWS_2021), 'r3.7', 'r4'];
}

const sum = (xs: CellValue[]): number | null =>
  xs.some((x) => x === null || x === undefined) ? null : (xs as number[]).reduce((a, b) => a + b, 0);

/** Names of the identities that fail (empty when all hold or are skipped). */
export function failedChecks(
  template: string,
  apps: ApplicationsTable,
  review: ReviewLitigationTable,
): string[] {
  const failed: string[] = [];
  const cell = (row: string, col: string): CellValue =>
    apps[row] ? (apps[row] as Record<string, CellValue>)[col] ?? null : null;
  if (Object.keys(apps).length > 0) {
    for (const c of APPLICANT_COLUMNS) {
      const left = sum([cell('r1', c), cell('r2', c)]);
      const right = sum([cell('r3.7', c), cell('r4', c)]);
      if (left !== null && right !== null && left !== right) failed.push(`applications.balance:${c}`);
    }
    for (const [row, values] of Object.entries(apps)) {
      if (!values) continue;
      const parts = sum(APPLICANT_COLUMNS.slice(0, 6).map((c) => values[c]));
      if (parts !== null && values.total !== null && parts !== values.total) failed.push(`applications.rowTotal:${row}`);
    }
    const outcomes = template === '2019' ? OUTCOME_ROWS_2019 : OUTCOME_ROWS_2021;
    if (outcomes.every((r) => apps[r])) {
      for (const c of APPLICANT_COLUMNS) {
        const parts = sum(outcomes.map((r) => cell(r, c)));
        const total = cell('r3.7', c);
        if (parts !== null && total !== null && parts !== total) failed.push(`applications.outcomeTotal:${c}`);
      }
    }
  }
  for (const block of REVIEW_BLOCKS) {
    const b = review[block];
    if (!b) continue;
    const parts = sum(OUTCOME_COLUMNS.slice(0, 4).map((c) => b[c]));
    if (parts !== null && b.total !== null && parts !== b.total) failed.push(`reviewLitigation.total:${block}`);
  }
  return failed;
}

const FLAG_ORDER: Flag[] = [
  'unit-missing', 'cell-breakdown', 'table-missing', 'attachment-only', 'tampered-text', 'checks-failed', 'not-utf8',
];

/** Flags in one canonical order, without duplicates (tests compare them as sets anyway). */
export function normaliseFlags(flags: Flag[]): Flag[] {
  const known = FLAG_ORDER.filter((f) => flags.includes(f));
  return [...known, ...[...new Set(flags)].filter((f) => !FLAG_ORDER.includes(f))];
}

/** Adds `checks-failed` exactly when an identity fails on the truth's own cells. */
export function withComputedFlags(truth: ReportTruth, extra: Flag[] = []): ReportTruth {
  const flags: Flag[] = [...truth.flags, ...extra].filter((f) => f !== 'checks-failed');
  if (failedChecks(truth.template, truth.applications, truth.reviewLitigation).length > 0) flags.push('checks-failed');
  return { ...truth, flags: normaliseFlags(flags) };
}
