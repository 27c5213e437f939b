/**
 * A WARC.gz file is a series of gzip members, one per record. This walks them exactly: each member's
 * header is parsed, its deflate stream inflated raw (zlib reports how many bytes it consumed), its
 * CRC-32 and length checked. That gives every record's true offset and length — what the snapshot
 * index stores — and pinpoints damage. (warcio's stream reader mis-measures members that cross its
 * read chunks, and can stop early, so it is used for writing only.)
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import zlib from 'node:zlib';

export interface Member {
  offset: number;
  length: number;
  data: Buffer;
}

export class MemberError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const FIRST_WINDOW = 256 * 1024;
/** Larger than any body the crawl keeps (50 MB), compressed or not. */
const MAX_WINDOW = 128 * 1024 * 1024;

function headerLength(buf: Buffer, offset: number): number {
  if (buf.length < 10) throw new MemberError(offset, 'truncated gzip header');
  if (buf[0] !== 0x1f || buf[1] !== 0x8b || buf[2] !== 0x08) throw new MemberError(offset, 'not a gzip member');
  const flags = buf[3];
  let pos = 10;
  if (flags & 4) pos += 2 + buf.readUInt16LE(pos);
  if (flags & 8) pos = buf.indexOf(0, pos) + 1;
  if (flags & 16) pos = buf.indexOf(0, pos) + 1;
  if (flags & 2) pos += 2;
  if (pos <= 0 || pos > buf.length) throw new MemberError(offset, 'truncated gzip header');
  return pos;
}

/** Inflate the member starting at `offset` (of a file descriptor). */
export function readMember(fd: number, offset: number, fileSize: number): Member {
  let window = Math.min(FIRST_WINDOW, fileSize - offset);
  for (;;) {
    const buf = Buffer.alloc(window);
    const n = readSync(fd, buf, 0, window, offset);
    const chunk = buf.subarray(0, n);
    const head = headerLength(chunk, offset);
    let result: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      result = zlib.inflateRawSync(chunk.subarray(head), { info: true }) as unknown as typeof result;
    } catch (err) {
      const atEnd = offset + n >= fileSize;
      if (/unexpected end/i.test((err as Error).message) && !atEnd && window < MAX_WINDOW) {
        window = Math.min(window * 4, MAX_WINDOW, fileSize - offset);
        continue;
      }
      throw new MemberError(offset, atEnd ? 'record cut off at the end of the file' : `corrupt gzip data: ${(err as Error).message}`);
    }
    const end = head + result.engine.bytesWritten;
    if (end + 8 > n) {
      if (offset + n >= fileSize) throw new MemberError(offset, 'record cut off at the end of the file');
      window = Math.min(window * 4, MAX_WINDOW, fileSize - offset);
      continue;
    }
    const crc = chunk.readUInt32LE(end);
    const size = chunk.readUInt32LE(end + 4);
    if (size !== (result.buffer.length >>> 0) || crc !== zlib.crc32(result.buffer)) {
      throw new MemberError(offset, 'gzip member fails its CRC/length check');
    }
    return { offset, length: end + 8, data: result.buffer };
  }
}

/** Every member from `start` on. Stops (throws MemberError) at the first damaged one. */
export function* gzipMembers(path: string, start = 0): Generator<Member> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let offset = start;
    while (offset < size) {
      const member = readMember(fd, offset, size);
      yield member;
      offset += member.length;
    }
  } finally {
    closeSync(fd);
  }
}
