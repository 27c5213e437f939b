/**
 * Reading WARC records back: streaming over a whole file (one record in memory at a time) with
 * each record's offset and length, or one record from its offset. The record format is parsed here
 * (WARC header block, then for HTTP records the HTTP header block, then the payload).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { gzipMembers, readMember } from './members.ts';

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
  /** The payload: a response's body; empty for revisit and warcinfo records. */
  body: Buffer;
  warcHeader(name: string): string | null;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const WARC_MAGIC = Buffer.from('WARC/');

function headerBlock(text: string): { first: string; fields: [string, string][] } {
  const [first, ...lines] = text.split('\r\n');
  const fields: [string, string][] = [];
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) fields.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return { first, fields };
}

/** One decompressed record -> its parts. */
export function parseRecord(data: Buffer, offset: number, length: number): ArchivedRecord {
  const end = data.indexOf(CRLF2);
  if (end < 0 || !data.subarray(0, 5).equals(WARC_MAGIC)) throw new Error(`not a WARC record at offset ${offset}`);
  const warc = headerBlock(data.subarray(0, end).toString('utf8'));
  // Names are case-insensitive; the first of repeated fields counts.
  const byName = new Map<string, string>();
  for (const [k, v] of warc.fields) if (!byName.has(k.toLowerCase())) byName.set(k.toLowerCase(), v);
  const get = (name: string): string | null => byName.get(name.toLowerCase()) ?? null;
  const declared = Number(get('Content-Length') ?? 0);
  const block = data.subarray(end + 4, end + 4 + declared);
  if (block.length < declared) throw new Error(`record at offset ${offset} is shorter than its Content-Length`);
  let status: number | null = null;
  let httpHeaders: [string, string][] = [];
  let body = block;
  if (/application\/http/i.test(get('Content-Type') ?? '')) {
    const httpEnd = block.indexOf(CRLF2);
    const http = headerBlock(block.subarray(0, httpEnd < 0 ? block.length : httpEnd).toString('latin1'));
    httpHeaders = http.fields;
    const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(http.first);
    status = m ? Number(m[1]) : null;
    body = httpEnd < 0 ? Buffer.alloc(0) : block.subarray(httpEnd + 4);
  }
  return {
    offset,
    length,
    type: get('WARC-Type') ?? '',
    url: get('WARC-Target-URI') ?? '',
    date: get('WARC-Date') ?? '',
    recordId: get('WARC-Record-ID') ?? '',
    status,
    httpHeaders,
    body,
    warcHeader: get,
  };
}

/** Every record of a file from `start` on, in order. Throws at the first damaged member (see scan.ts). */
export async function* readWarcFile(file: string, start = 0): AsyncGenerator<ArchivedRecord> {
  for (const member of gzipMembers(file, start)) yield parseRecord(member.data, member.offset, member.length);
}

/** One record read from its location (as kept in the `snapshots` table). */
export async function readRecordAt(file: string, offset: number, length: number): Promise<ArchivedRecord> {
  const fd = openSync(file, 'r');
  try {
    const member = readMember(fd, offset, fstatSync(fd).size);
    if (member.length !== length) throw new Error(`record at ${file}:${offset} is ${member.length} bytes, the index says ${length}`);
    return parseRecord(member.data, offset, member.length);
  } finally {
    closeSync(fd);
  }
}
