/**
 * Serialise with warcio, compress as one gzip member with zlib's one-shot call: warcio's own
 * streaming compression costs several times more CPU on the crawl's thread.
 */
async function member(record: WARCRecord, digest?: { algo: 'sha-256'; prefix: string; base32: boolean }): Promise<Uint8Array> {
  return gzipSync(await WARCSerializer.serialize(record, { gzip: false, digest }), { level: 6 });
}

/**
 * Writing snapshots as WARC 1.1 (ISO 28500): one gzip member per record, so any record can be read
 * from its offset alone, and files rolled at a size limit. Records are built and serialised by the
 * `warcio` library. A response is written as [response, request] in one append, so a kill between
 * two writes leaves at most one whole exchange unindexed (the crawl adopts it on restart, see
 * recover.ts) or one partial gzip member (cut off on restart).
 * Bodies are stored as the HTTP client handed them over: transfer and content encodings removed,
 * the rest byte-exact; the original Content-Encoding is kept as X-Archive-Orig-Content-Encoding.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';
import { gzipSync } from 'node:zlib';

export interface Exchange {
  url: string;
  method: string;
  requestHeaders: Record<string, string>;
  requestBody?: Buffer;
  status: number;
  statusText?: string;
  /** Response headers as received, in order (names as the server sent them). */
  responseHeaders: [string, string][];
  body: Buffer;
  fetchedAt: Date;
  /** Kept in the request record (`Nianbao-Frontier-Key`) so an unindexed exchange can be matched to its request. */
  frontierKey?: string;
  /** `http` or `browser`, kept in the request record (`Nianbao-Fetched-By`). */
  fetchedBy?: string;
  /**
   * The crawl's context, kept in the request record (`Nianbao-Portal`, `Nianbao-Kind`, `Nianbao-Run`)
   * so that a rebuild from the archive alone can write the same snapshot rows.
   */
  portal?: string;
  kind?: string;
  runId?: number;
}

export interface WrittenRecord {
  /** File name relative to the archive directory. */
  file: string;
  offset: number;
  length: number;
  /** `sha256:<hex>` of the body. */
  digest: string;
  recordId: string;
}

/** An exchange serialised (response or revisit record + request record), not yet in a file. */
export interface PreparedExchange {
  bytes: Buffer;
  /** Length of the first (response or revisit) record: what the index stores. */
  length: number;
  digest: string;
  recordId: string;
}

/** The archived response a revisit record points at. */
export interface RevisitTarget {
  url: string;
  date: string;
  digest: string;
  recordId?: string;
}

export interface WarcWriterOptions {
  /** Roll to a new file once the current one reaches this size. */
  maxFileBytes?: number;
  /** Software and operator lines for the warcinfo record. */
  software?: string;
  operator?: string;
}

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

export function bodyDigest(body: Uint8Array): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  if (bytes.length) yield bytes;
}

const HOP_BY_HOP = new Set(['transfer-encoding', 'content-encoding', 'content-length', 'connection', 'keep-alive']);

function archivedHeaders(headers: [string, string][], bodyLength: number): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-encoding') out.push(['X-Archive-Orig-Content-Encoding', value]);
    else if (!HOP_BY_HOP.has(lower)) out.push([name, value]);
  }
  out.push(['Content-Length', String(bodyLength)]);
  return out;
}

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

  private async requestRecord(x: Exchange, concurrentTo: string): Promise<Uint8Array> {
    const u = new URL(x.url);
    const record = WARCRecord.create(
      {
        url: x.url,
        date: x.fetchedAt.toISOString(),
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `${x.method} ${u.pathname}${u.search} HTTP/1.1`,
        httpHeaders: { Host: u.host, ...x.requestHeaders },
        warcHeaders: {
          'WARC-Concurrent-To': concurrentTo,
          ...(x.frontierKey ? { 'Nianbao-Frontier-Key': x.frontierKey } : {}),
          ...(x.fetchedBy ? { 'Nianbao-Fetched-By': x.fetchedBy } : {}),
          ...(x.portal ? { 'Nianbao-Portal': x.portal } : {}),
          ...(x.kind ? { 'Nianbao-Kind': x.kind } : {}),
          ...(x.runId !== undefined ? { 'Nianbao-Run': String(x.runId) } : {}),
        },
      },
      once(x.requestBody ?? new Uint8Array()),
    );
    return member(record);
  }

  /** Store a response with its request; returns where the response record went. */
  async writeResponse(x: Exchange): Promise<WrittenRecord> {
    const prepared = await this.prepareResponse(x);
    await this.ready();
    return this.append(prepared);
  }

  /** The bytes of a response record and its request record, ready to append. */
  async prepareResponse(x: Exchange): Promise<PreparedExchange> {
    const recordId = `<urn:uuid:${randomUUID()}>`;
    const digest = bodyDigest(x.body);
    const response = WARCRecord.create(
      {
        url: x.url,
        date: x.fetchedAt.toISOString(),
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${x.status} ${x.statusText ?? ''}`.trimEnd(),
        httpHeaders: archivedHeaders(x.responseHeaders, x.body.length) as unknown as Record<string, string>,
        // Given here (native sha256), warcio does not hash the payload again.
        warcHeaders: { 'WARC-Record-ID': recordId, 'WARC-Payload-Digest': digest },
        keepHeadersCase: true,
      },
      once(x.body),
    );
    const responseBytes = await member(response, { algo: 'sha-256', prefix: 'sha256:', base32: false });
    const requestBytes = await this.requestRecord(x, recordId);
    return { bytes: Buffer.concat([responseBytes, requestBytes]), length: responseBytes.length, digest, recordId };
  }

  /**
   * Store a fetch whose body equals an earlier snapshot's (same digest, or a 304): a WARC revisit
   * record pointing at the original, not a second copy.
   */
  async writeRevisit(x: Exchange, original: RevisitTarget): Promise<WrittenRecord> {
    const prepared = await this.prepareRevisit(x, original);
    await this.ready();
    return this.append(prepared);
  }

  async prepareRevisit(x: Exchange, original: RevisitTarget): Promise<PreparedExchange> {
    const recordId = `<urn:uuid:${randomUUID()}>`;
    const warcHeaders: Record<string, string> = {
      'WARC-Record-ID': recordId,
      'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
      'WARC-Payload-Digest': original.digest,
    };
    if (original.recordId) warcHeaders['WARC-Refers-To'] = original.recordId;
    const revisit = WARCRecord.create(
      {
        url: x.url,
        date: x.fetchedAt.toISOString(),
        type: 'revisit',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${x.status} ${x.statusText ?? ''}`.trimEnd(),
        httpHeaders: archivedHeaders(x.responseHeaders, 0) as unknown as Record<string, string>,
        warcHeaders,
        refersToUrl: original.url,
        refersToDate: original.date,
        keepHeadersCase: true,
      },
      once(new Uint8Array()),
    );
    const revisitBytes = await member(revisit);
    const requestBytes = await this.requestRecord(x, recordId);
    return { bytes: Buffer.concat([revisitBytes, requestBytes]), length: revisitBytes.length, digest: original.digest, recordId };
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
