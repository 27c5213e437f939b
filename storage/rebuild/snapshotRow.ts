/** A snapshot row as the crawl writes it, rebuilt from an archived exchange alone. */
import type { SnapshotIndex, NewSnapshot, SnapshotKind } from '../snapshots.ts';
import type { Exchange } from '../warc/scan.ts';

function httpHeader(headers: [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1] ?? null;
}

/** Null when a revisit points at no archived original (its original was damaged or is missing). */
export function snapshotFromExchange(x: Exchange, index: SnapshotIndex): NewSnapshot | null {
  const { response, request } = x;
  const digest = response.warcHeader('WARC-Payload-Digest') ?? '';
  const revisit = response.type === 'revisit';
  const original = revisit ? index.original(response.url, digest) : undefined;
  if (revisit && !original) return null;
  const run = request?.warcHeader('Nianbao-Run');
  return {
    url: response.url,
    portal: request?.warcHeader('Nianbao-Portal') ?? null,
    fetchedAt: response.date,
    status: response.status ?? 0,
    contentType: httpHeader(response.httpHeaders, 'content-type'),
    etag: httpHeader(response.httpHeaders, 'etag') ?? original?.etag ?? null,
    lastModified: httpHeader(response.httpHeaders, 'last-modified') ?? original?.last_modified ?? null,
    length: original ? original.length : response.body.length,
    recordType: revisit ? 'revisit' : 'response',
    refersTo: original?.id ?? null,
    fetchedBy: request?.warcHeader('Nianbao-Fetched-By') === 'browser' ? 'browser' : 'http',
    kind: (request?.warcHeader('Nianbao-Kind') as SnapshotKind | null) ?? null,
    runId: run ? Number(run) : null,
    written: { file: x.file, offset: response.offset, length: response.length, digest, recordId: response.recordId },
  };
}
