/**
 * The database schema, versioned. Each migration runs once, in order, inside a transaction; the
 * version reached is kept in `PRAGMA user_version`. Tables are named for what they hold so that
 * anyone opening the file with a SQLite tool can read it (see README "The database").
 */
import type { Database } from 'better-sqlite3';
import type { ReportRecord } from '../parsers/record.ts';
import { cellsJson, checksJson } from './recordJson.ts';
import { LONG_VIEWS_SQL, RECORDS_VIEW_SQL, wideViewsSql } from './views.ts';

const MIGRATIONS: ((db: Database) => void)[] = [
  // 1: snapshots (the archive's index), reports, cells, checks, the fetch log, the crawl frontier.
  (db) =>
    db.exec(`
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',  -- running | finished | stopped (time limit) | crashed
        summary TEXT                              -- JSON: counts of new/changed/unchanged/failures
      );
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        portal TEXT,
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        etag TEXT,
        last_modified TEXT,
        digest TEXT NOT NULL,          -- sha256:<hex> of the body as received
        length INTEGER NOT NULL,       -- body bytes
        record_type TEXT NOT NULL,     -- response | revisit (same body as an earlier snapshot)
        refers_to INTEGER REFERENCES snapshots(id),
        warc_file TEXT NOT NULL,       -- relative to the archive directory
        warc_offset INTEGER NOT NULL,  -- of the response/revisit record
        warc_length INTEGER NOT NULL,
        fetched_by TEXT NOT NULL,      -- http | browser
        kind TEXT,                     -- home | area | column | listing | report | attachment
        run_id INTEGER
      );
      CREATE UNIQUE INDEX snapshots_location ON snapshots (warc_file, warc_offset);
      CREATE INDEX snapshots_url ON snapshots (url, fetched_at);
      CREATE INDEX snapshots_digest ON snapshots (digest);

      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        snapshot_id INTEGER NOT NULL UNIQUE REFERENCES snapshots(id),
        url TEXT NOT NULL,
        portal TEXT,
        version INTEGER NOT NULL,      -- 1, 2, … as corrected copies of the same URL appear
        is_report INTEGER NOT NULL,
        title TEXT, year INTEGER, agency TEXT, publisher TEXT, index_number TEXT, document_number TEXT,
        written_on TEXT, published_on TEXT,
        template TEXT NOT NULL,
        text TEXT NOT NULL,
        flags TEXT NOT NULL,           -- JSON array
        checks_total INTEGER NOT NULL,
        checks_failed INTEGER NOT NULL,
        encoding TEXT,
        record TEXT NOT NULL           -- the whole record as 'nianbao parse' prints it
      );
      CREATE INDEX reports_url ON reports (url, version);

      CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,      -- active | applications | reviewLitigation
        row_key TEXT NOT NULL,         -- r3.3.1, normativeDocuments, review, otherServices.breakdown.行政征收 …
        column_key TEXT NOT NULL,      -- natural, issued, upheld …
        value REAL,                    -- null: the cell was printed empty
        PRIMARY KEY (report_id, table_name, row_key, column_key)
      ) WITHOUT ROWID;

      CREATE TABLE checks (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        ok INTEGER NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (report_id, check_id, scope)
      ) WITHOUT ROWID;

      CREATE TABLE fetches (
        id INTEGER PRIMARY KEY,
        run_id INTEGER,
        url TEXT NOT NULL,
        portal TEXT,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        status INTEGER,                -- HTTP status, null when no response came
        bytes INTEGER,
        error_class TEXT,              -- null on success; dns | timeout | reset | tls | http-4xx | http-5xx | challenge | robots | too-large | decode | parse | redirect | network
        error_message TEXT,
        fetched_by TEXT NOT NULL,
        snapshot_id INTEGER REFERENCES snapshots(id)
      );
      CREATE INDEX fetches_url ON fetches (url, started_at);
      CREATE INDEX fetches_error ON fetches (error_class, host);

      CREATE TABLE frontier (
        key TEXT PRIMARY KEY,          -- method + URL (+ POST body): one entry per distinct request
        url TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT 'GET',
        payload TEXT,
        headers TEXT,                  -- JSON
        portal TEXT NOT NULL,
        kind TEXT NOT NULL,            -- home | area | column | listing | report | attachment
        depth INTEGER NOT NULL,
        browser INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL,           -- pending | done | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,   -- epoch ms: Retry-After and backoff
        run_id INTEGER NOT NULL,
        found_on TEXT,
        label TEXT                     -- the link text it was found by (a changed label means a changed entry)
      );
      CREATE INDEX frontier_pending ON frontier (state, run_id, depth);
      CREATE INDEX frontier_url ON frontier (url);
    `),
  // 2: wide views over the `cells` table. Superseded by 3, which drops them: nothing to do on a new database.
  () => {},
  // 3: cells and checks move into the report row as JSON; 4 fills the columns from the stored record.
  (db) =>
    db.exec(`ALTER TABLE reports ADD COLUMN cells_json TEXT NOT NULL DEFAULT '{}';
             ALTER TABLE reports ADD COLUMN checks_json TEXT NOT NULL DEFAULT '{}';
             DROP VIEW IF EXISTS reports_2019;
             DROP VIEW IF EXISTS reports_2021;
             DROP TABLE cells;
             DROP TABLE checks;`),
  // 4: the report row holds the whole record once: tables and checks as JSON (recordJson.ts), the
  // rest in columns; the `record` column, a second copy, goes, and the `records` view replaces it.
  (db) => {
    db.exec(`DROP VIEW IF EXISTS cells;
             DROP VIEW IF EXISTS checks;
             DROP VIEW IF EXISTS reports_2019;
             DROP VIEW IF EXISTS reports_2021;
             ALTER TABLE reports ADD COLUMN guessed_rows TEXT NOT NULL DEFAULT '[]';
             ALTER TABLE reports ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';`);
    // From the stored record, by the same functions a crawl writes them with.
    const batch = db.prepare(`SELECT id, record FROM reports WHERE id > ? ORDER BY id LIMIT 500`);
    const update = db.prepare(`UPDATE reports SET cells_json = ?, checks_json = ?, guessed_rows = ?, attachments = ? WHERE id = ?`);
    for (let last = 0; ; ) {
      const rows = batch.all(last) as { id: number; record: string }[];
      if (!rows.length) break;
      for (const { id, record } of rows) {
        const parsed = JSON.parse(record) as ReportRecord;
        update.run(cellsJson(parsed), checksJson(parsed), JSON.stringify(parsed.guessedRows ?? []), JSON.stringify(parsed.attachments ?? []), id);
      }
      last = rows.at(-1)!.id;
    }
    db.exec(`ALTER TABLE reports DROP COLUMN record;
             ${LONG_VIEWS_SQL}
             ${wideViewsSql()}
             ${RECORDS_VIEW_SQL}`);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Bring the schema up to `target` (this nianbao's version unless a test wants an older one). */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this nianbao (${SCHEMA_VERSION}): upgrade nianbao`);
  }
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      MIGRATIONS[v](db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
