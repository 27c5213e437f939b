/**
 * `nianbao export`: the database as files analysts open in their own tools. One file of reports
 * (metadata, template, flags, check summary), one of cells in long form, one of checks, and one wide
 * file per template (a column per cell, named as the views name them: `applications_r3_3_1_natural`).
 * CSV is UTF-8 with a BOM so spreadsheet programs show the Chinese text; JSONL is one object a line;
 * Parquet (parquetFile.ts) keeps the column types, for pandas, DuckDB, R and Spark.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { writeParquet, type ParquetKind } from './parquetFile.ts';
import { templateCells, wideColumnName, type WideTemplate } from './views.ts';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  file: string;
  rows: number;
}

interface ExportQuery {
  name: string;
  sql: string;
  /** Parquet types of the columns read from JSON, for which SQLite declares no type. */
  kinds?: Record<string, ParquetKind>;
}

const wideKinds = (template: WideTemplate): Record<string, ParquetKind> =>
  Object.fromEntries(templateCells(template).map(([t, r, c]) => [wideColumnName(t, r, c), 'DOUBLE']));

const QUERIES: ExportQuery[] = [
  {
    name: 'reports',
    sql: `SELECT r.id AS report_id, r.url, r.portal, r.version,
            CASE WHEN r.version = (SELECT MAX(v.version) FROM reports v WHERE v.url = r.url) THEN 1 ELSE 0 END AS latest,
            r.title, r.year, r.agency, r.publisher, r.index_number, r.document_number, r.written_on, r.published_on,
            r.template, r.flags, r.checks_total, r.checks_failed, r.encoding, s.fetched_at
     FROM reports r JOIN snapshots s ON s.id = r.snapshot_id ORDER BY r.id`,
    kinds: { latest: 'INT64' },
  },
  {
    name: 'cells',
    sql: `SELECT c.report_id, r.url, r.version, c.table_name AS "table", c.row_key AS "row", c.column_key AS "column", c.value
     FROM cells c JOIN reports r ON r.id = c.report_id ORDER BY c.report_id, c.table_name, c.row_key, c.column_key`,
    kinds: { table: 'STRING', row: 'STRING', column: 'STRING', value: 'DOUBLE' },
  },
  {
    name: 'checks',
    sql: `SELECT k.report_id, r.url, k.check_id, k.scope, k.ok, k.detail FROM checks k JOIN reports r ON r.id = k.report_id ORDER BY k.report_id, k.check_id, k.scope`,
    kinds: { check_id: 'STRING', scope: 'STRING', ok: 'INT64', detail: 'STRING' },
  },
  { name: 'reports_2019', sql: `SELECT * FROM reports_2019 ORDER BY report_id`, kinds: wideKinds('2019') },
  { name: 'reports_2021', sql: `SELECT * FROM reports_2021 ORDER BY report_id`, kinds: wideKinds('2021') },
];

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** flags are a JSON array in the database: a list in JSONL, `a;b` in CSV, the JSON text in Parquet. */
function shape(row: Record<string, unknown>, format: ExportFormat): Record<string, unknown> {
  if (typeof row.flags !== 'string' || format === 'parquet') return row;
  const flags = JSON.parse(row.flags) as string[];
  return { ...row, flags: format === 'csv' ? flags.join(';') : flags };
}

export function exportDatabase(db: Db, dir: string, format: ExportFormat): ExportedFile[] {
  mkdirSync(dir, { recursive: true });
  const out: ExportedFile[] = [];
  for (const { name, sql, kinds } of QUERIES) {
    const file = path.join(dir, `${name}.${format}`);
    if (format === 'parquet') {
      out.push({ file, rows: writeParquet(db.prepare(sql), file, { kinds }) });
      continue;
    }
    const fd = openSync(file, 'w');
    let rows = 0;
    try {
      const stmt = db.prepare(sql);
      const columns = stmt.columns().map((c) => c.name);
      const buffer: string[] = [];
      const drain = (): void => {
        if (buffer.length) writeSync(fd, buffer.join(''));
        buffer.length = 0;
      };
      if (format === 'csv') buffer.push('\ufeff' + columns.map(csvField).join(',') + '\r\n');
      for (const raw of stmt.iterate() as Iterable<Record<string, unknown>>) {
        const row = shape(raw, format);
        buffer.push(format === 'csv' ? columns.map((c) => csvField(row[c])).join(',') + '\r\n' : JSON.stringify(row) + '\n');
        if (++rows % 1000 === 0) drain();
      }
      drain();
    } finally {
      closeSync(fd);
    }
    out.push({ file, rows });
  }
  return out;
}
