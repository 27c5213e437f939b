/**
 * A query's rows written as a Parquet file (hyparquet-writer: pure JavaScript, no native or WASM
 * build), in row groups of a bounded size so memory stays flat however large the table. Column types
 * are given by the caller, else come from the declared SQLite type where the query reads a table column, else from the values:
 * INTEGER -> INT64, REAL (and numbers of computed columns, such as the wide views' cells) -> DOUBLE,
 * text -> UTF-8 string; every column is nullable.
 */
import type { Statement } from 'better-sqlite3';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet-writer';

/** Values held before a row group is written: bounds memory for narrow and wide (one column per cell) tables alike. */
const VALUES_PER_GROUP = 2_000_000;

export type ParquetKind = 'INT64' | 'DOUBLE' | 'STRING';

/** One pass over the rows for the columns whose type neither the caller nor the query declares. */
function columnKinds(stmt: Statement, given: Record<string, ParquetKind>): ParquetKind[] {
  const columns = stmt.columns();
  const kinds: (ParquetKind | null)[] = columns.map((c) => {
    if (given[c.name]) return given[c.name];
    const declared = (c.type ?? '').toUpperCase();
    if (declared.includes('INT')) return 'INT64';
    if (declared.includes('REAL') || declared.includes('FLOA') || declared.includes('DOUB')) return 'DOUBLE';
    if (declared.includes('TEXT') || declared.includes('CHAR')) return 'STRING';
    return null;
  });
  const open = kinds.flatMap((k, i) => (k === null ? [i] : []));
  if (open.length) {
    const seen = open.map(() => ({ text: false, number: false }));
    for (const row of stmt.raw(true).iterate() as Iterable<unknown[]>) {
      open.forEach((col, j) => {
        const v = row[col];
        if (typeof v === 'string') seen[j].text = true;
        else if (typeof v === 'number' || typeof v === 'bigint') seen[j].number = true;
      });
    }
    stmt.raw(false);
    open.forEach((col, j) => (kinds[col] = seen[j].text || !seen[j].number ? 'STRING' : 'DOUBLE'));
  }
  return kinds as ParquetKind[];
}

function schemaElement(name: string, kind: ParquetKind): SchemaElement {
  if (kind === 'STRING') return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
  return { name, type: kind, repetition_type: 'OPTIONAL' };
}

function cell(v: unknown, kind: ParquetKind): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'INT64') return BigInt(v as number | bigint);
  if (kind === 'DOUBLE') return Number(v);
  return String(v);
}

/**
 * Write every row of `stmt` to `file`; returns the row count. `kinds`: the types of computed
 * columns (JSON values, say), so that they do not depend on the values of one export.
 */
export function writeParquet(stmt: Statement, file: string, options: { valuesPerGroup?: number; kinds?: Record<string, ParquetKind> } = {}): number {
  const names = stmt.columns().map((c) => c.name);
  const kinds = columnKinds(stmt, options.kinds ?? {});
  const writer = new ParquetWriter({
    writer: fileWriter(file),
    schema: [{ name: 'root', num_children: names.length }, ...names.map((n, i) => schemaElement(n, kinds[i]))],
    createdBy: 'nianbao',
  });
  const rowsPerGroup = Math.max(1, Math.floor((options.valuesPerGroup ?? VALUES_PER_GROUP) / names.length));
  let batch: unknown[][] = names.map(() => []);
  let inBatch = 0;
  let rows = 0;
  const flush = (): void => {
    if (!inBatch) return;
    writer.write({ columnData: names.map((name, i) => ({ name, data: batch[i] as unknown[] })), rowGroupSize: rowsPerGroup });
    batch = names.map(() => []);
    inBatch = 0;
  };
  for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
    names.forEach((n, i) => batch[i].push(cell(row[n], kinds[i])));
    rows++;
    if (++inBatch >= rowsPerGroup) flush();
  }
  flush();
  writer.finish();
  return rows;
}
