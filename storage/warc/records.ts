/**
 * WARC 1.1 records (ISO 28500) as bytes: an exchange becomes a response (or revisit) record and a
 * request record, each its own gzip member so any record can be read from its offset alone. Records
 * are built and serialised by the `warcio` library (its Node build: note that 'warcio/node' cannot be
 * loaded in a worker thread here, so records are made on the writing thread).
 * Bodies are stored as the HTTP client handed them over: transfer and content encodings removed,
 * the rest byte-exact; the original Content-Encoding is kept as X-Archive-Orig-Content-Encoding.
 */
import { createHash, hash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';

/**
 * Serialise with warcio, compress as one gzip member with zlib's one-shot call: warcio's own
 * streaming compression costs several times more CPU. The block digest (HTTP header block + body)
 * is computed here with Node's native sha256, the same digest warcio would compute with its WASM
 * hasher at several times the cost; given the headers, warcio does not hash again.
 */
export async function member(record: WARCRecord, block?: Uint8Array): Promise<Uint8Array> {
  if (record.warcType !== 'warcinfo') {
    if (record.warcType !== 'revisit' && !record.warcPayloadDigest) {
      record.warcHeaders.headers.set('WARC-Payload-Digest', bodyDigest(block ?? new Uint8Array()));
    }
    const hash = createHash('sha256');
    if (record.httpHeaders) hash.update(`${record.httpHeaders.toString()}\r\n`);
    if (block) hash.update(block);
    record.warcHeaders.headers.set('WARC-Block-Digest', `sha256:${hash.digest('hex')}`);
  }
  return gzipSync(await WARCSerializer.serialize(record, { gzip: false }), { level: 6 });
}

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


export function bodyDigest(body: Uint8Array): string {
  return `sha256:${hash('sha256', body)}`;
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

async function requestRecord(x: Exchange, concurrentTo: string): Promise<Uint8Array> {
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
  return member(record, x.requestBody);
}


/** The bytes of a response record and its request record, ready to append. */
export async function prepareResponse(x: Exchange): Promise<PreparedExchange> {
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
  const responseBytes = await member(response, x.body);
  const requestBytes = await requestRecord(x, recordId);
  return { bytes: Buffer.concat([responseBytes, requestBytes]), length: responseBytes.length, digest, recordId };
}

/** The bytes of a revisit record and its request record, ready to append. */
export async function prepareRevisit(x: Exchange, original: RevisitTarget): Promise<PreparedExchange> {
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
  const requestBytes = await requestRecord(x, recordId);
  return { bytes: Buffer.concat([revisitBytes, requestBytes]), length: revisitBytes.length, digest: original.digest, recordId };
}

