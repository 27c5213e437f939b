/**
 * Reading an archive that may be damaged: every exchange (response or revisit record with its
 * request record) in order, and every problem with its file and offset — a torn or corrupt gzip
 * member, a record whose body does not match its digest, a file that is not a WARC at all. After
 * a damaged member the scan resynchronises at the next gzip header and goes on.
 */
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MemberError } from './members.ts';
import { readWarcFile, type ArchivedRecord } from './reader.ts';

export interface Exchange {
  file: string;
  response: ArchivedRecord;
  request: ArchivedRecord | null;
}

export interface Damage {
  file: string;
  offset: number;
  reason: string;
}

export type ScanItem = { type: 'exchange'; exchange: Exchange } | { type: 'damage'; damage: Damage };

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

function readAt(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The next gzip member start after `from`, or -1. */
function nextMember(path: string, from: number, size: number): number {
  const chunk = 1 << 20;
  for (let pos = from; pos < size; pos += chunk - GZIP_MAGIC.length) {
    const buf = readAt(path, pos, chunk);
    const i = buf.indexOf(GZIP_MAGIC);
    if (i >= 0) return pos + i;
  }
  return -1;
}

/** Check a record's body against its WARC-Payload-Digest (sha256 hex as nianbao writes, sha1 base32 as many tools do). */
export function digestProblem(record: ArchivedRecord): string | null {
  const declared = record.warcHeader('WARC-Payload-Digest');
  if (!declared || record.type !== 'response') return null;
  const [algo, value] = declared.split(/:(.*)/s);
  if (/^sha-?256$/i.test(algo)) {
    const actual = hash('sha256', record.body);
    return actual === value.toLowerCase() ? null : `body does not match its digest (${declared}, body sha256:${actual})`;
  }
  if (/^sha-?1$/i.test(algo)) {
    const hex = hash('sha1', record.body, 'buffer');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const byte of hex) bits += byte.toString(2).padStart(8, '0');
    let b32 = '';
    for (let i = 0; i < bits.length; i += 5) b32 += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
    return b32 === value.toUpperCase() ? null : `body does not match its digest (${declared})`;
  }
  return null;
}

export async function* scanWarc(path: string, file: string): AsyncGenerator<ScanItem> {
  const size = statSync(path).size;
  const head = readAt(path, 0, 4);
  if (!(head[0] === 0x1f && head[1] === 0x8b) && head.toString('latin1') !== 'WARC') {
    yield { type: 'damage', damage: { file, offset: 0, reason: 'not a WARC file' } };
    return;
  }
  let start = 0;
  while (start >= 0 && start < size) {
    let pending: ArchivedRecord | null = null;
    let goodEnd = start;
    try {
      for await (const record of readWarcFile(path, start)) {
        if (record.type === 'response' || record.type === 'revisit') {
          if (pending) yield { type: 'exchange', exchange: { file, response: pending, request: null } };
          const problem = digestProblem(record);
          if (problem) {
            yield { type: 'damage', damage: { file, offset: record.offset, reason: problem } };
            pending = null;
          } else pending = record;
        } else if (record.type === 'request') {
          if (pending) yield { type: 'exchange', exchange: { file, response: pending, request: record } };
          pending = null;
        }
        goodEnd = record.offset + record.length;
      }
      if (pending) yield { type: 'exchange', exchange: { file, response: pending, request: null } };
      return;
    } catch (err) {
      if (pending) yield { type: 'exchange', exchange: { file, response: pending, request: null } };
      const at = err instanceof MemberError ? err.offset : goodEnd;
      yield { type: 'damage', damage: { file, offset: at, reason: `unreadable record: ${(err as Error).message.split('\n')[0]}` } };
      start = nextMember(path, at + 1, size);
    }
  }
}
