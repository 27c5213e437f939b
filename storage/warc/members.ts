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

/** Compressed bytes read ahead: members are small, so one read serves many of them. */
const READ_AHEAD = 1024 * 1024;
/**
 * Inflated output is gathered in chunks of this size: most records fit in one, which is then
 * returned as is, where zlib's default (16 kB) would need two or three and a copy to join them.
 */
const OUTPUT_CHUNK = 64 * 1024;
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

/** A read-ahead window over a file: a run of members costs one read, not one per member. */
class FileWindow {
  private buf = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  /** The bytes from `offset` on: at least `want` of them, or up to the end of the file. */
  from(offset: number, want: number): Buffer {
    const end = Math.min(offset + want, this.size);
    if (offset < this.start || end > this.start + this.buf.length) {
      const length = Math.min(Math.max(want, READ_AHEAD), this.size - offset);
      this.buf = Buffer.allocUnsafe(length);
      this.buf = this.buf.subarray(0, readSync(this.fd, this.buf, 0, length, offset));
      this.start = offset;
    }
    return this.buf.subarray(offset - this.start);
  }
}

/** Inflate the member starting at `offset`. */
function memberAt(file: FileWindow, offset: number): Member {
  // Most members fit in the first try; a larger one is retried with a window four times as big.
  for (let want = 256 * 1024; ; want = Math.min(want * 4, MAX_WINDOW)) {
    const chunk = file.from(offset, want);
    const n = chunk.length;
    const atEnd = offset + n >= file.size;
    const head = headerLength(chunk, offset);
    let result: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      result = zlib.inflateRawSync(chunk.subarray(head), { info: true, chunkSize: OUTPUT_CHUNK }) as unknown as typeof result;
    } catch (err) {
      if (/unexpected end/i.test((err as Error).message) && !atEnd && want < MAX_WINDOW) continue;
      throw new MemberError(offset, atEnd ? 'record cut off at the end of the file' : `corrupt gzip data: ${(err as Error).message}`);
    }
    const end = head + result.engine.bytesWritten;
    if (end + 8 > n) {
      if (atEnd) throw new MemberError(offset, 'record cut off at the end of the file');
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

/** Inflate the member starting at `offset` (of a file descriptor). */
export function readMember(fd: number, offset: number, fileSize: number): Member {
  return memberAt(new FileWindow(fd, fileSize), offset);
}

/** Every member from `start` on. Stops (throws MemberError) at the first damaged one. */
export function* gzipMembers(path: string, start = 0): Generator<Member> {
  const fd = openSync(path, 'r');
  try {
    const file = new FileWindow(fd, fstatSync(fd).size);
    let offset = start;
    while (offset < file.size) {
      const member = memberAt(file, offset);
      yield member;
      offset += member.length;
    }
  } finally {
    closeSync(fd);
  }
}
