/**
 * The views over a report's JSON columns (recordJson.ts): `cells` in long form, `checks`, one
 * wide view per template with a column per table cell, and `records` (the whole record). Wide
 * column names are `<table>_<row>_<column>` with dots as underscores, e.g.
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

/**
 * `cells` and `checks` as tables read them, one row per cell and per evaluated check. A 表二
 * breakdown (an array in the record) becomes one row per part, `<row>.breakdown.<label>`.
 */
export const LONG_VIEWS_SQL = `
  CREATE VIEW cells AS
    SELECT r.id AS report_id, t.key AS table_name, w.key AS row_key, c.key AS column_key, c.value AS value
    FROM reports r, json_each(r.cells_json) t, json_each(t.value) w, json_each(w.value) c
    WHERE c.type <> 'array'
    UNION ALL
    SELECT r.id, 'active', w.key || '.breakdown.' || json_extract(p.value, '$.label'), c.key, c.value
    FROM reports r, json_each(r.cells_json, '$.active') w, json_each(w.value, '$.breakdown') p, json_each(p.value) c
    WHERE c.key <> 'label';
  CREATE VIEW checks AS
    SELECT r.id AS report_id, i.key AS check_id, s.key AS scope,
           json_extract(s.value, '$[0]') AS ok, json_extract(s.value, '$[1]') AS detail
    FROM reports r, json_each(r.checks_json) i, json_each(i.value) s;`;

/** SQL for a JSON boolean from a 0/1 value. */
const jsonBool = (sql: string): string => `json(CASE WHEN ${sql} THEN 'true' ELSE 'false' END)`;

/**
 * `records`: each report's whole record, as `nianbao parse` prints it (same keys, same values),
 * put back together from the row. Nothing stores it twice.
 */
export const RECORDS_VIEW_SQL = `
  CREATE VIEW records AS
    SELECT r.id AS report_id, json_object(
      'url', r.url, 'isReport', ${jsonBool('r.is_report')},
      'title', r.title, 'year', r.year, 'agency', r.agency, 'publisher', r.publisher,
      'indexNumber', r.index_number, 'documentNumber', r.document_number, 'writtenOn', r.written_on, 'publishedOn', r.published_on,
      'template', r.template, 'text', r.text,
      'active', json_extract(r.cells_json, '$.active'),
      'applications', json_extract(r.cells_json, '$.applications'),
      'reviewLitigation', json_extract(r.cells_json, '$.reviewLitigation'),
      'checks', (SELECT json_group_array(json_object('id', i.key, 'scope', s.key, 'ok', ${jsonBool("json_extract(s.value, '$[0]')")}, 'detail', json_extract(s.value, '$[1]')))
                 FROM json_each(r.checks_json) i, json_each(i.value) s),
      'flags', json(r.flags), 'guessedRows', json(r.guessed_rows), 'encoding', r.encoding, 'attachments', json(r.attachments)
    ) AS record
    FROM reports r;`;

/** A key in a JSON path, quoted: row keys hold dots (`r3.3.1`). */
const pathKey = (key: string): string => `"${key}"`;

export function wideViewsSql(): string {
  return (['2019', '2021'] as WideTemplate[])
    .map((template) => {
      const columns = templateCells(template).map(
        ([t, r, c]) => `json_extract(r.cells_json, '$.${[t, r, c].map(pathKey).join('.')}') AS ${wideColumnName(t, r, c)}`,
      );
      return `CREATE VIEW reports_${template} AS
        SELECT r.id AS report_id, r.url, r.portal, r.version, r.title, r.year, r.agency, r.publisher, r.published_on,
               r.checks_failed, r.flags,
               ${columns.join(',\n               ')}
        FROM reports r
        WHERE r.template = '${template}';`;
    })
    .join('\n');
}
