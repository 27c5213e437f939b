/** A query written as Parquet reads back the same, row group after row group. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { writeParquet } from '../storage/parquetFile.ts';
import { workspace } from './support/crawl.ts';

describe('writeParquet', () => {
  const ws = workspace();
  afterAll(() => ws.cleanup());

  it('splits a large table into row groups and keeps values, nulls, types and Chinese text', async () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t (id INTEGER, agency TEXT, value REAL)`);
    const insert = db.prepare(`INSERT INTO t VALUES (?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(i, i % 7 === 0 ? null : `安澜市第${i}局`, i % 5 === 0 ? null : i / 4);
    })();
    const file = path.join(ws.dir, 't.parquet');
    // A computed column without a declared type: its type comes from the values.
    const rows = writeParquet(db.prepare(`SELECT id, agency, value, value * 2 AS doubled FROM t ORDER BY id`), file, { valuesPerGroup: 12_000 });
    expect(rows).toBe(10_000);
    const meta = parquetMetadata(readFileSync(file));
    expect(meta.row_groups.length).toBe(4);
    expect(meta.schema.map((e) => e.type ?? null)).toEqual([null, 'INT64', 'BYTE_ARRAY', 'DOUBLE', 'DOUBLE']);
    const back = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    const expected = db.prepare(`SELECT id, agency, value, value * 2 AS doubled FROM t ORDER BY id`).all() as Record<string, unknown>[];
    expect(back.map((r) => ({ ...r, id: Number(r.id) }))).toEqual(expected);
  });
});
