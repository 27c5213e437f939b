/**
 * Writing parsed records: one `reports` row per report version, its cells in long form and its
 * checks. A report corrected in place (same URL, new body) becomes version 2; version 1 stays.
 */
import type { ReportRecord } from '../parsers/record.ts';
import { prepared, type Db } from './db.ts';


export interface CellRow {
  table: 'active' | 'applications' | 'reviewLitigation';
  row: string;
  column: string;
  value: number | null;
}

/** The record's tables flattened into (table, row, column, value); breakdown parts keep their label. */
export function recordCells(record: ReportRecord): CellRow[] {
  const cells: CellRow[] = [];
  for (const [row, values] of Object.entries(record.active)) {
    for (const [column, value] of Object.entries(values ?? {})) {
      if (column === 'breakdown' && Array.isArray(value)) {
        for (const part of value as { label: string; [k: string]: unknown }[]) {
          for (const [k, v] of Object.entries(part)) {
            if (k !== 'label') cells.push({ table: 'active', row: `${row}.breakdown.${part.label}`, column: k, value: v as number | null });
          }
        }
      } else cells.push({ table: 'active', row, column, value: value as number | null });
    }
  }
  for (const [row, values] of Object.entries(record.applications)) {
    for (const [column, value] of Object.entries(values ?? {})) cells.push({ table: 'applications', row, column, value });
  }
  for (const [row, values] of Object.entries(record.reviewLitigation)) {
    for (const [column, value] of Object.entries(values ?? {})) cells.push({ table: 'reviewLitigation', row, column, value });
  }
  return cells;
}

/**
 * A record in the shape the tables store it: prepared where it was parsed (a worker thread), so
 * the writing thread only inserts.
 */
export interface StoredRecord {
  fields: {
    isReport: number; title: string | null; year: number | null; agency: string | null; publisher: string | null;
    indexNumber: string | null; documentNumber: string | null; writtenOn: string | null; publishedOn: string | null;
    template: string; text: string; flags: string; checksTotal: number; checksFailed: number; encoding: string; record: string;
  };
  /**
   * JSON {table: {row: {column: value}}}: SQLite unpacks it in one statement (nested json_each),
   * about twice as fast as a flat list of [table, row, column, value] rows, whose every field
   * would be extracted on its own.
   */
  cells: string;
  /** JSON {check id: {scope: [ok, detail]}}, unpacked the same way. */
  checks: string;
}

/** Rows (leading key fields, then the leaf) nested by those keys: {k1: {k2: … leaf}}. */
function nestByKeys(rows: unknown[][], keys: number): Record<string, unknown> {
  // Null-prototype objects: a key is data (a breakdown label could be anything), never a property.
  const root: Record<string, unknown> = Object.create(null);
  for (const row of rows) {
    let node = root;
    for (let i = 0; i < keys - 1; i++) node = (node[row[i] as string] ??= Object.create(null)) as Record<string, unknown>;
    node[row[keys - 1] as string] = row.length === keys + 1 ? row[keys] : row.slice(keys);
  }
  return root;
}

export function storedRecord(record: ReportRecord): StoredRecord {
  return {
    fields: {
      isReport: record.isReport ? 1 : 0,
      title: record.title,
      year: record.year,
      agency: record.agency,
      publisher: record.publisher,
      indexNumber: record.indexNumber,
      documentNumber: record.documentNumber,
      writtenOn: record.writtenOn,
      publishedOn: record.publishedOn,
      template: record.template,
      text: record.text,
      flags: JSON.stringify(record.flags),
      checksTotal: record.checks.length,
      checksFailed: record.checks.filter((c) => !c.ok).length,
      encoding: record.encoding,
      record: JSON.stringify(record),
    },
    cells: JSON.stringify(nestByKeys(recordCells(record).map((c) => [c.table, c.row, c.column, c.value]), 3)),
    checks: JSON.stringify(nestByKeys(record.checks.map((c) => [c.id, c.scope, c.ok ? 1 : 0, c.detail]), 2)),
  };
}

export class ReportStore {
  private readonly insertReport;
  private readonly versionStmt;
  private readonly existsStmt;

  constructor(private readonly db: Db) {
    this.insertReport = db.prepare(`INSERT INTO reports
      (snapshot_id, url, portal, version, is_report, title, year, agency, publisher, index_number, document_number,
       written_on, published_on, template, text, flags, checks_total, checks_failed, encoding, record)
      VALUES (@snapshotId, @url, @portal, @version, @isReport, @title, @year, @agency, @publisher, @indexNumber, @documentNumber,
       @writtenOn, @publishedOn, @template, @text, @flags, @checksTotal, @checksFailed, @encoding, @record)`);
    this.versionStmt = db.prepare(`SELECT COALESCE(MAX(version), 0) AS v FROM reports WHERE url = ?`);
    this.existsStmt = db.prepare(`SELECT id FROM reports WHERE snapshot_id = ?`);
  }

  /**
   * Store the record parsed from a snapshot; returns the report id (existing one if already stored).
   * The version is the next one for the URL unless given (a partial rebuild keeps the old numbers).
   */
  add(snapshotId: number, url: string, portal: string | null, record: StoredRecord, version?: number): number {
    const existing = this.existsStmt.get(snapshotId) as { id: number } | undefined;
    if (existing) return existing.id;
    const write = this.db.transaction(() => {
      const info = this.insertReport.run({
        snapshotId,
        url,
        portal,
        version: version ?? (this.versionStmt.get(url) as { v: number }).v + 1,
        ...record.fields,
      });
      const id = Number(info.lastInsertRowid);
      // One statement per table: row-by-row inserts cost more than everything else here.
      prepared(this.db, `INSERT INTO cells (report_id, table_name, row_key, column_key, value)
        SELECT ?, t.key, r.key, c.key, c.value FROM json_each(?) t, json_each(t.value) r, json_each(r.value) c`).run(id, record.cells);
      prepared(this.db, `INSERT INTO checks (report_id, check_id, scope, ok, detail)
        SELECT ?, i.key, s.key, s.value->>0, s.value->>1 FROM json_each(?) i, json_each(i.value) s`).run(id, record.checks);
      return id;
    });
    return write();
  }
}
