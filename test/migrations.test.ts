/**
 * A database written by an older nianbao opens in this one: its schema is migrated in place and
 * nothing it held is lost. Schema 2 kept cells and checks as tables; 3 kept them in the report row
 * beside a `record` column holding the whole record again; 4 keeps the record once, and the
 * `records` view gives it back.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReport } from '../parsers/parse.ts';
import type { ReportRecord } from '../parsers/record.ts';
import { openDatabase } from '../storage/db.ts';
import { migrate, SCHEMA_VERSION } from '../storage/migrations.ts';
import { recordCells } from './support/cells.ts';
import { wideColumnName } from '../storage/views.ts';
import { PROJECT_ROOT } from './support/shared.ts';
import { workspace, type Workspace } from './support/crawl.ts';

const fixture = (name: string): ReportRecord =>
  parseReport(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/pages', `${name}.html`)), { url: `https://www.example.gov.cn/${name}.html` });

/** A schema-2 database as nianbao 2 wrote it: records with their cells and checks as rows. */
function writeSchema2(file: string, records: ReportRecord[]): void {
  const db = new Database(file);
  migrate(db, 2);
  // Schema 2's wide views read the cells table; migrating must replace them, not trip over them.
  db.exec(`CREATE VIEW reports_2019 AS SELECT report_id FROM cells; CREATE VIEW reports_2021 AS SELECT report_id FROM cells;`);
  records.forEach((record, i) => {
    const snapshot = Number(db.prepare(`INSERT INTO snapshots (url, fetched_at, status, digest, length, record_type, warc_file, warc_offset, warc_length, fetched_by)
      VALUES (?, '2026-01-01T00:00:00Z', 200, 'sha256:00', 1, 'response', 'a.warc.gz', ?, 1, 'http')`).run(record.url, i).lastInsertRowid);
    const id = Number(db.prepare(`INSERT INTO reports (snapshot_id, url, version, is_report, title, year, agency, publisher, index_number, document_number,
        written_on, published_on, template, text, flags, checks_total, checks_failed, encoding, record)
      VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(snapshot, record.url, record.title, record.year, record.agency, record.publisher,
      record.indexNumber, record.documentNumber, record.writtenOn, record.publishedOn, record.template, record.text, JSON.stringify(record.flags),
      record.checks.length, record.checks.filter((c) => !c.ok).length, record.encoding, JSON.stringify(record)).lastInsertRowid);
    for (const c of recordCells(record)) {
      db.prepare(`INSERT INTO cells VALUES (?, ?, ?, ?, ?)`).run(id, c.table, c.row, c.column, c.value);
    }
    for (const c of record.checks) db.prepare(`INSERT INTO checks VALUES (?, ?, ?, ?, ?)`).run(id, c.id, c.scope, c.ok ? 1 : 0, c.detail);
  });
  db.close();
}

describe('schema migrations', () => {
  let ws: Workspace;
  afterEach(() => ws?.cleanup());

  /** The views of a migrated database show each record whole: cells, checks, wide columns, the record itself. */
  function expectViewsToHold(file: string, records: ReportRecord[]): void {
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const kinds = db.prepare(`SELECT name, type FROM sqlite_master WHERE name IN ('cells', 'checks', 'records')`).all();
      expect(kinds).toEqual(expect.arrayContaining(['cells', 'checks', 'records'].map((name) => ({ name, type: 'view' }))));
      const columns = (db.prepare(`PRAGMA table_info(reports)`).all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('record');
      const sort = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
      records.forEach((record, i) => {
        const id = i + 1;
        const cells = db.prepare(`SELECT table_name, row_key, column_key, value FROM cells WHERE report_id = ?`).raw().all(id) as unknown[][];
        expect(cells.length).toBeGreaterThan(100);
        expect(sort(cells)).toEqual(sort(recordCells(record).map((c) => [c.table, c.row, c.column, c.value])));
        // The 2020 bureau report breaks an item of 表二 into parts: each part is a row of its own.
        if (record.template === '2019') expect(cells.some(([, row]) => String(row).includes('.breakdown.'))).toBe(true);
        const checks = db.prepare(`SELECT check_id, scope, ok, detail FROM checks WHERE report_id = ?`).raw().all(id) as unknown[][];
        expect(sort(checks)).toEqual(sort(record.checks.map((c) => [c.id, c.scope, c.ok ? 1 : 0, c.detail])));
        const wide = db.prepare(`SELECT * FROM reports_${record.template} WHERE report_id = ?`).get(id) as Record<string, unknown>;
        expect(wide[wideColumnName('applications', 'r1', 'natural')]).toBe(record.applications.r1?.natural ?? null);
        const whole = db.prepare(`SELECT record FROM records WHERE report_id = ?`).get(id) as { record: string };
        expect(JSON.parse(whole.record)).toEqual(JSON.parse(JSON.stringify(record)));
      });
    } finally {
      db.close();
    }
  }

  it('moves schema 2 cells and checks into the report row, and the views read them back unchanged', () => {
    ws = workspace('nianbao-migrate-');
    const records = [fixture('hanweb_bureau_2020'), fixture('trs_city_2022')];
    expect(records.map((r) => r.template)).toEqual(['2019', '2021']);
    expect(records[0].checks.length).toBeGreaterThan(0);
    writeSchema2(ws.dbFile, records);
    expectViewsToHold(ws.dbFile, records);
  });

  it('drops schema 3\'s second copy of each record, rebuilding the JSON columns from it', () => {
    ws = workspace('nianbao-migrate-');
    const records = [fixture('hanweb_bureau_2020'), fixture('trs_city_2022')];
    writeSchema2(ws.dbFile, records);
    const db = new Database(ws.dbFile);
    migrate(db, 3);
    // Whatever schema 3 held in its JSON columns, the record is what counts.
    db.exec(`UPDATE reports SET cells_json = '{"active":{"stale":{"x":1}}}', checks_json = '{}'`);
    db.close();
    expectViewsToHold(ws.dbFile, records);
  });

  it('refuses a database from a newer nianbao, leaving it as it was', () => {
    ws = workspace('nianbao-migrate-');
    const db = new Database(ws.dbFile);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(ws.dbFile)).toThrow(/newer than this nianbao/);
    const again = new Database(ws.dbFile);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    again.close();
  });
});
