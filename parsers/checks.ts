/**
 * The tables' own arithmetic (勾稽关系, templates.md §3–4). Every identity the parsed cells allow is
 * evaluated and reported, passed or not; a check with a null operand is skipped. Checks never
 * change the cells.
 */
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS, type ApplicationsTable, type Check, type ReviewLitigationTable, type Template } from './record.ts';

const OUTCOME_ROWS_COMMON = [
  'r3.1', 'r3.2', 'r3.3.1', 'r3.3.2', 'r3.3.3', 'r3.3.4', 'r3.3.5', 'r3.3.6', 'r3.3.7', 'r3.3.8',
  'r3.4.1', 'r3.4.2', 'r3.4.3', 'r3.5.1', 'r3.5.2', 'r3.5.3', 'r3.5.4', 'r3.5.5',
];

/** Sums without binary noise (0.1 + 0.2 must equal 0.3). */
function sum(values: number[]): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(6));
}

function allNumbers(values: (number | null | undefined)[]): values is number[] {
  return values.every((v) => typeof v === 'number');
}

function outcomeRows(applications: ApplicationsTable, template: Template): string[] {
  const other = template === '2019' || (applications['r3.6'] && !applications['r3.6.1']) ? ['r3.6'] : ['r3.6.1', 'r3.6.2', 'r3.6.3'];
  return [...OUTCOME_ROWS_COMMON, ...other];
}

/**
 * `guessedRows` (rows whose columns were guessed from flattened text) are left out: a failure there
 * would say more about the guess than about the report.
 */
export function runChecks(applications: ApplicationsTable, review: ReviewLitigationTable, template: Template, guessedRows: string[] = []): Check[] {
  const checks: Check[] = [];
  const guessed = new Set(guessedRows);
  const cell = (row: string, col: (typeof APPLICANT_COLUMNS)[number]): number | null | undefined =>
    guessed.has(`applications.${row}`) ? null : applications[row]?.[col];

  for (const col of APPLICANT_COLUMNS) {
    const [r1, r2, r37, r4] = ['r1', 'r2', 'r3.7', 'r4'].map((r) => cell(r, col));
    if (allNumbers([r1, r2, r37, r4])) {
      const left = sum([r1!, r2!]);
      const right = sum([r37!, r4!]);
      checks.push({ id: 'applications.balance', scope: col, ok: left === right, detail: `r1+r2=${left}, r3.7+r4=${right}` });
    }
  }
  for (const [row, values] of Object.entries(applications)) {
    if (!values || guessed.has(`applications.${row}`)) continue;
    const parts = APPLICANT_COLUMNS.slice(0, 6).map((c) => values[c]);
    if (!allNumbers(parts) || values.total === null) continue;
    const s = sum(parts);
    checks.push({ id: 'applications.rowTotal', scope: row, ok: s === values.total, detail: `sum of columns ${s} ${s === values.total ? '=' : '!='} total ${values.total}` });
  }
  const outcomes = outcomeRows(applications, template);
  if (applications['r3.7'] && outcomes.every((r) => applications[r])) {
    for (const col of APPLICANT_COLUMNS) {
      const parts = outcomes.map((r) => cell(r, col));
      const total = cell('r3.7', col);
      if (!allNumbers(parts) || typeof total !== 'number') continue;
      const s = sum(parts);
      checks.push({ id: 'applications.outcomeTotal', scope: col, ok: s === total, detail: `sum of outcomes ${s} ${s === total ? '=' : '!='} r3.7 ${total}` });
    }
  }
  for (const block of REVIEW_BLOCKS) {
    const values = review[block];
    if (!values || guessed.has('reviewLitigation')) continue;
    const parts = OUTCOME_COLUMNS.slice(0, 4).map((c) => values[c]);
    if (!allNumbers(parts) || values.total === null) continue;
    const s = sum(parts);
    checks.push({ id: 'reviewLitigation.total', scope: block, ok: s === values.total, detail: `${parts.join('+')}=${s} ${s === values.total ? '=' : '!='} total ${values.total}` });
  }
  return checks;
}
