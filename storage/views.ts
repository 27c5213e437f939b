/**
 * Wide views: one row per report with a column per table cell, for each template, built from the
 * long `cells` table. Column names are `<table>_<row>_<column>` with dots as underscores, e.g.
 * `applications_r3_3_1_natural`, `active_normativeDocuments_issued`, `reviewLitigation_review_total`.
 */
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS } from '../parsers/record.ts';

const APPLICATION_ROWS_COMMON = [
  'r1', 'r2', 'r3.1', 'r3.2', 'r3.3.1', 'r3.3.2', 'r3.3.3', 'r3.3.4', 'r3.3.5', 'r3.3.6', 'r3.3.7', 'r3.3.8',
  'r3.4.1', 'r3.4.2', 'r3.4.3', 'r3.5.1', 'r3.5.2', 'r3.5.3', 'r3.5.4', 'r3.5.5',
];

export type WideTemplate = '2019' | '2021';

/** Every cell of a template as [table, row, column], in the order the format prints them. */
export function templateCells(template: WideTemplate): [string, string, string][] {
  const active: [string, string[]][] =
    template === '2021'
      ? [
          ['regulations', ['issued', 'repealed', 'inForce']],
          ['normativeDocuments', ['issued', 'repealed', 'inForce']],
          ['licensing', ['decisions']],
          ['penalty', ['decisions']],
          ['coercion', ['decisions']],
          ['fees', ['amount']],
        ]
      : [
          ['regulations', ['made', 'published', 'total']],
          ['normativeDocuments', ['made', 'published', 'total']],
          ['licensing', ['previousItems', 'change', 'decisions']],
          ['otherServices', ['previousItems', 'change', 'decisions']],
          ['penalty', ['previousItems', 'change', 'decisions']],
          ['coercion', ['previousItems', 'change', 'decisions']],
          ['fees', ['previousItems', 'change']],
          ['procurement', ['items', 'amount']],
        ];
  const rows = [...APPLICATION_ROWS_COMMON, ...(template === '2021' ? ['r3.6.1', 'r3.6.2', 'r3.6.3'] : ['r3.6']), 'r3.7', 'r4'];
  return [
    ...active.flatMap(([row, cols]) => cols.map((c) => ['active', row, c] as [string, string, string])),
    ...rows.flatMap((row) => APPLICANT_COLUMNS.map((c) => ['applications', row, c] as [string, string, string])),
    ...REVIEW_BLOCKS.flatMap((row) => OUTCOME_COLUMNS.map((c) => ['reviewLitigation', row, c] as [string, string, string])),
  ];
}

export function wideColumnName(table: string, row: string, column: string): string {
  return `${table}_${row}_${column}`.replace(/\./g, '_');
}

export function wideViewsSql(): string {
  return (['2019', '2021'] as WideTemplate[])
    .map((template) => {
      const columns = templateCells(template).map(
        ([t, r, c]) => `MAX(CASE WHEN c.table_name = '${t}' AND c.row_key = '${r}' AND c.column_key = '${c}' THEN c.value END) AS ${wideColumnName(t, r, c)}`,
      );
      return `CREATE VIEW reports_${template} AS
        SELECT r.id AS report_id, r.url, r.portal, r.version, r.title, r.year, r.agency, r.publisher, r.published_on,
               r.checks_failed, r.flags,
               ${columns.join(',\n               ')}
        FROM reports r LEFT JOIN cells c ON c.report_id = r.id
        WHERE r.template = '${template}'
        GROUP BY r.id;`;
    })
    .join('\n');
}
