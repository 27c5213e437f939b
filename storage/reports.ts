/**
 * Writing parsed records: one `reports` row per report version, its cells and checks with it (see
 * recordJson.ts). A report corrected in place (same URL, new body) becomes version 2; version 1 stays.
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
  template: string; text: string; flags: string; checksTotal: number; checksFailed: number; encoding: string; record: string;
  /** See recordJson.ts. */
  cellsJson: string;
  checksJson: string;
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
    record: JSON.stringify(record),
    cellsJson: cellsJson(record),
    checksJson: checksJson(record),
  };
}

export class ReportStore {
  private readonly insertReport;
  private readonly versionStmt;
  private readonly existsStmt;

  constructor(private readonly db: Db) {
    this.insertReport = db.prepare(`INSERT INTO reports
      (snapshot_id, url, portal, version, is_report, title, year, agency, publisher, index_number, document_number,
       written_on, published_on, template, text, flags, checks_total, checks_failed, encoding, record, cells_json, checks_json)
      VALUES (@snapshotId, @url, @portal, @version, @isReport, @title, @year, @agency, @publisher, @indexNumber, @documentNumber,
       @writtenOn, @publishedOn, @template, @text, @flags, @checksTotal, @checksFailed, @encoding, @record, @cellsJson, @checksJson)`);
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
    const info = this.insertReport.run({
      snapshotId,
      url,
      portal,
      version: version ?? (this.versionStmt.get(url) as { v: number }).v + 1,
      ...record,
    });
    return Number(info.lastInsertRowid);
  }
}
