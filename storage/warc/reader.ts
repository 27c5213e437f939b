/**
 * Reading WARC files back: streaming over a whole file (memory stays flat however large it is)
 * with each record's offset and length, or one record from its offset.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';

export interface ArchivedRecord {
  offset: number;
  length: number;
  type: string;
  url: string;
  date: string;
  recordId: string;
  /** HTTP status of a response or revisit, else null. */
  status: number | null;
  httpHeaders: [string, string][];
  /** The body (response) or empty (revisit, request, warcinfo). */
  body: Buffer;
  warcHeader(name: string): string | null;
}

async function toArchived(record: WARCRecord, offset: number, length: number): Promise<ArchivedRecord> {
  const body = Buffer.from(await record.readFully(false));
  const http = record.httpHeaders;
  const headers: [string, string][] = http ? [...http.headers.entries()].map(([k, v]) => [k, String(v)]) : [];
  return {
    offset,
    length,
    type: record.warcType ?? '',
    url: record.warcTargetURI ?? '',
    date: record.warcDate ?? '',
    recordId: record.warcHeader('WARC-Record-ID') ?? '',
    status: http && Number.isFinite(Number(http.statusCode)) ? Number(http.statusCode) : null,
    httpHeaders: headers,
    body,
    warcHeader: (name: string) => record.warcHeader(name) ?? null,
  };
}

/** Every record of a file from `start` on, in order, with its offset in the file. */
export async function* readWarcFile(file: string, start = 0): AsyncGenerator<ArchivedRecord> {
  const parser = new WARCParser(createReadStream(file, { start }));
  for await (const record of parser) {
    const offset = start + parser.offset;
    const archived = await toArchived(record, offset, parser.recordLength);
    yield archived;
  }
}

/** One record read from its location (as kept in the `snapshots` table). */
export async function readRecordAt(file: string, offset: number, length: number): Promise<ArchivedRecord> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(length);
  try {
    readSync(fd, buf, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  // One gzip member per record: it inflates on its own.
  const raw = gunzipSync(buf);
  const parser = new WARCParser([raw]);
  const record = await parser.parse();
  if (!record) throw new Error(`no WARC record at ${file}:${offset}`);
  return toArchived(record, offset, length);
}
