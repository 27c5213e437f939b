/**
 * Writing parsed records: one `reports` row per report version, holding the whole record: metadata
 * in columns, tables and checks as JSON (recordJson.ts); the `records` view gives the record back.
 * A report corrected in place (same URL, new body) becomes version 2; version 1 stays.
 */
import type { ReportRecord } from '../parsers/record.ts';
import type { Db } from './db.ts';
import { cellsJson, checksJson } from './recordJson.ts';

/**
 * A record in the shape the tables store it: prepared where it was parsed (a worker thread), so
 * the writing thread only inserts.
 */
export interface StoredRecord {
  isReport: number; title: string | null; year: number | null; agency: string | null; publisher: string | null;
  indexNumber: string | null; documentNumber: string | null; writtenOn: string | null; publishedOn: string | null;
  template: string; text: string; flags: string; checksTotal: number; checksFailed: number; encoding: string;
  /** See recordJson.ts. */
  cellsJson: string;
  checksJson: string;
  /** JSON arrays, as in the record. */
  guessedRows: string;
  attachments: string;
}

export function storedRecord(record: ReportRecord): StoredRecord {
  return {
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
    cellsJson: cellsJson(record),
    checksJson: checksJson(record),
    guessedRows: JSON.stringify(record.guessedRows),
    attachments: JSON.stringify(record.attachments),
  };
}

export class ReportStore {
  private readonly insertReport;
  private readonly versionStmt;
  private readonly existsStmt;

  constructor(private readonly db: Db) {
    this.insertReport = db.prepare(`INSERT INTO reports
      (snapshot_id, url, portal, version, is_report, title, year, agency, publisher, index_number, document_number,
       written_on, published_on, template, text, flags, checks_total, checks_failed, encoding, cells_json, checks_json, guessed_rows, attachments)
      VALUES (${Array(23).fill('?').join(', ')})`);
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
    const r = record;
    // Positional, in the column order above: binding by name costs a property lookup per column.
    const info = this.insertReport.run(
      snapshotId, url, portal, version ?? (this.versionStmt.get(url) as { v: number }).v + 1,
      r.isReport, r.title, r.year, r.agency, r.publisher, r.indexNumber, r.documentNumber, r.writtenOn, r.publishedOn,
      r.template, r.text, r.flags, r.checksTotal, r.checksFailed, r.encoding, r.cellsJson, r.checksJson, r.guessedRows, r.attachments,
    );
    return Number(info.lastInsertRowid);
  }
}
