/**
 * Writing snapshots into WARC files: prepared exchanges (records.ts) appended to the current file,
 * files rolled at a size limit, each starting with a warcinfo record. A response is appended as
 * [response, request] in one write, so a kill between two writes leaves at most one whole exchange
 * unindexed (the crawl adopts it on restart, see crawler/recover.ts) or one partial gzip member (cut
 * off on restart).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { WARCRecord } from 'warcio';
import { member, prepareResponse, prepareRevisit, type Exchange, type PreparedExchange, type RevisitTarget, type WrittenRecord } from './records.ts';

export { bodyDigest, prepareResponse, prepareRevisit } from './records.ts';
export type { Exchange, PreparedExchange, RevisitTarget, WrittenRecord } from './records.ts';

export interface WarcWriterOptions {
  /** Roll to a new file once the current one reaches this size. */
  maxFileBytes?: number;
  /** Software and operator lines for the warcinfo record. */
  software?: string;
  operator?: string;
}

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

function timestamp(d: Date): string {
  return d.toISOString().replace(/[-:TZ.]/g, '').slice(0, 17);
}

export class WarcWriter {
  private fd: number | null = null;
  private file = '';
  private size = 0;
  private seq = 0;
  private readonly maxFileBytes: number;

  constructor(
    readonly dir: string,
    private readonly options: WarcWriterOptions = {},
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    mkdirSync(dir, { recursive: true });
  }

  private opening: Promise<void> | null = null;

  /**
   * Make sure a file with room is open. Call before `append`: appending itself is synchronous, so a
   * caller can append and then commit its index rows with nothing else running in between.
   */
  async ready(): Promise<void> {
    while (this.fd === null || this.size >= this.maxFileBytes) {
      this.opening ??= this.open().finally(() => (this.opening = null));
      await this.opening;
    }
  }

  private async open(): Promise<void> {
    const file = `nianbao-${timestamp(new Date())}-${process.pid}-${String(this.seq++).padStart(5, '0')}.warc.gz`;
    const info = await member(
      WARCRecord.createWARCInfo(
        { filename: file, warcVersion: 'WARC/1.1' },
        { software: this.options.software ?? 'nianbao', format: 'WARC File Format 1.1', operator: this.options.operator ?? '' },
      ),
    );
    this.closeFile();
    this.file = file;
    this.fd = openSync(path.join(this.dir, file), 'a');
    this.size = statSync(path.join(this.dir, file)).size;
    this.write(info);
  }

  private write(bytes: Uint8Array): number {
    const offset = this.size;
    writeSync(this.fd!, bytes);
    this.size += bytes.length;
    return offset;
  }

  /** Append a prepared exchange (after `ready()`); returns where its first record went. */
  append(prepared: PreparedExchange): WrittenRecord {
    if (this.fd === null) throw new Error('WarcWriter.append before ready()');
    const offset = this.write(prepared.bytes);
    return { file: this.file, offset, length: prepared.length, digest: prepared.digest, recordId: prepared.recordId };
  }

  /** Store a response with its request; returns where the response record went. */
  async writeResponse(x: Exchange): Promise<WrittenRecord> {
    const prepared = await prepareResponse(x);
    await this.ready();
    return this.append(prepared);
  }

  /**
   * Store a fetch whose body equals an earlier snapshot's (same digest, or a 304): a WARC revisit
   * record pointing at the original, not a second copy.
   */
  async writeRevisit(x: Exchange, original: RevisitTarget): Promise<WrittenRecord> {
    const prepared = await prepareRevisit(x, original);
    await this.ready();
    return this.append(prepared);
  }

  private closeFile(): void {
    if (this.fd === null) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
  }

  close(): void {
    this.closeFile();
  }
}
