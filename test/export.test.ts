/** Exported files load back and say what the database says. */
import { readFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from 'hyparquet';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../crawler/portals.ts';
import { openDatabase, type Db } from '../storage/db.ts';
import { exportDatabase } from '../storage/export.ts';
import { templateCells, wideColumnName } from '../storage/views.ts';
import { startDemoWeb, type DemoWeb } from './web/server.ts';
import { HTTP_PORTALS, crawlDemo, demoPortals, runCli, type Workspace, workspace } from './support/crawl.ts';


describe('nianbao export', () => {
  let web: DemoWeb;
  let ws: Workspace;
  let db: Db;

  beforeAll(async () => {
    web = await startDemoWeb();
    ws = workspace();
    await crawlDemo(ws, web.proxyUrl, demoPortals(HTTP_PORTALS));
    db = openDatabase(ws.dbFile);
  }, 240_000);

  afterAll(async () => {
    db?.close();
    await web?.close();
    ws?.cleanup();
  });

  it('writes CSV with a BOM that loads back to the database contents', () => {
    const out = path.join(ws.dir, 'csv');
    const files = exportDatabase(db, out, 'csv');
    expect(files.map((f) => path.basename(f.file))).toEqual(['reports.csv', 'cells.csv', 'checks.csv', 'reports_2019.csv', 'reports_2021.csv']);
    const load = (name: string) => {
      const text = readFileSync(path.join(out, name), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = parseCsv(text.slice(1)).rows;
      return rows.map((r) => ({ values: Object.fromEntries(header.fields.map((h, i) => [h, r.fields[i] ?? ''])) }));
    };
    const reports = load('reports.csv');
    const dbReports = db.prepare(`SELECT id, url, title, template, flags, checks_failed FROM reports ORDER BY id`).all() as { id: number; url: string; title: string; template: string; flags: string; checks_failed: number }[];
    expect(reports.map((r) => [Number(r.values.report_id), r.values.url, r.values.title, r.values.template, r.values.flags, Number(r.values.checks_failed)])).toEqual(
      dbReports.map((r) => [r.id, r.url, r.title, r.template, (JSON.parse(r.flags) as string[]).join(';'), r.checks_failed]),
    );
    const cells = load('cells.csv');
    const dbCells = db.prepare(`SELECT report_id, table_name, row_key, column_key, value FROM cells ORDER BY report_id, table_name, row_key, column_key`).all() as { report_id: number; table_name: string; row_key: string; column_key: string; value: number | null }[];
    expect(cells.length).toBe(dbCells.length);
    cells.forEach((c, i) => {
      const d = dbCells[i];
      expect([Number(c.values.report_id), c.values.table, c.values.row, c.values.column, c.values.value === '' ? null : Number(c.values.value)]).toEqual([d.report_id, d.table_name, d.row_key, d.column_key, d.value]);
    });
    const wide = load('reports_2021.csv');
    const column = wideColumnName('applications', 'r3.3.1', 'natural');
    for (const row of wide) {
      const v = db.prepare(`SELECT value FROM cells WHERE report_id = ? AND table_name = 'applications' AND row_key = 'r3.3.1' AND column_key = 'natural'`).get(Number(row.values.report_id)) as { value: number | null } | undefined;
      expect(row.values[column] === '' ? null : Number(row.values[column])).toEqual(v?.value ?? null);
    }
  });

  it('writes JSON lines through the CLI, one object a line with the flags as a list', async () => {
    const out = path.join(ws.dir, 'jsonl');
    const run = await runCli(['export', '--db', ws.dbFile, '--format', 'jsonl', '--out', out]);
    expect(run.status).toBe(0);
    const reports = readFileSync(path.join(out, 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.length).toBe((db.prepare(`SELECT COUNT(*) AS n FROM reports`).get() as { n: number }).n);
    expect(Array.isArray(reports[0].flags)).toBe(true);
    const bad = await runCli(['export', '--db', ws.dbFile, '--format', 'xlsx']);
    expect(bad.status).toBe(2);
  });

  it('writes Parquet that loads back to the database contents, with the column types kept', async () => {
    const out = path.join(ws.dir, 'parquet');
    const run = await runCli(['export', '--db', ws.dbFile, '--format', 'parquet', '--out', out]);
    expect(run.status).toBe(0);
    const read = async (name: string) => parquetReadObjects({ file: await asyncBufferFromFile(path.join(out, name)) });

    const reports = await read('reports.parquet');
    const dbReports = db.prepare(`SELECT id, url, title, year, template, flags, checks_failed FROM reports ORDER BY id`).all() as Record<string, unknown>[];
    expect(reports.map((r) => [Number(r.report_id), r.url, r.title, r.year === null ? null : Number(r.year), r.template, r.flags, Number(r.checks_failed)])).toEqual(
      dbReports.map((r) => [r.id, r.url, r.title, r.year, r.template, r.flags, r.checks_failed]),
    );

    const cells = await read('cells.parquet');
    const dbCells = db.prepare(`SELECT report_id, table_name, row_key, column_key, value FROM cells ORDER BY report_id, table_name, row_key, column_key`).raw().all();
    expect(cells.map((c) => [Number(c.report_id), c.table, c.row, c.column, c.value])).toEqual(dbCells);

    const wide = await read('reports_2021.parquet');
    const column = wideColumnName('applications', 'r3.3.1', 'natural');
    expect(wide.length).toBe((db.prepare(`SELECT COUNT(*) AS n FROM reports_2021`).get() as { n: number }).n);
    for (const row of wide) {
      const v = db.prepare(`SELECT value FROM cells WHERE report_id = ? AND table_name = 'applications' AND row_key = 'r3.3.1' AND column_key = 'natural'`).get(Number(row.report_id)) as { value: number | null } | undefined;
      expect(row[column]).toEqual(v?.value ?? null);
    }

    // Types a data tool relies on: ids as integers, cell values as doubles, text as UTF-8 strings.
    const schema = parquetMetadata(readFileSync(path.join(out, 'cells.parquet'))).schema;
    const typeOf = (name: string) => schema.find((e) => e.name === name);
    expect(typeOf('report_id')?.type).toBe('INT64');
    expect(typeOf('value')?.type).toBe('DOUBLE');
    expect([typeOf('row')?.type, typeOf('row')?.converted_type]).toEqual(['BYTE_ARRAY', 'UTF8']);
    const checksSchema = parquetMetadata(readFileSync(path.join(out, 'checks.parquet'))).schema;
    expect(checksSchema.find((e) => e.name === 'ok')?.type).toBe('INT64');
    // Every cell column is a double, whatever the values of this export (even all empty).
    const wideSchema = parquetMetadata(readFileSync(path.join(out, 'reports_2021.parquet'))).schema;
    const cellColumns = templateCells('2021').map(([t, r, c]) => wideColumnName(t, r, c));
    expect(cellColumns.map((name) => wideSchema.find((e) => e.name === name)?.type)).toEqual(cellColumns.map(() => 'DOUBLE'));
  });
});
