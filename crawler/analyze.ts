/**
 * What a fetched body says, computed away from the fetching thread: the next requests it leads to
 * (discovery) and, for a new body, its report record. Pure: the same input gives the same output
 * whether it runs inline or in a worker thread (analyzeWorker.ts).
 */
import { decodeDocument, type DecodedDocument } from '../parsers/decode.ts';
import { parseHtml, type Document } from '../parsers/html/dom.ts';
import { isHtmlLike, reportOf } from '../storage/reportOf.ts';
import { storedRecord, type StoredRecord } from '../storage/reports.ts';
import { discover, type Discovery, type PageRole } from './discovery/candidates.ts';
import type { PortalScope } from './discovery/scope.ts';

export interface AnalyzeInput {
  url: string;
  body: Uint8Array;
  contentType: string | null;
  /** Browser fetches: the DOM after scripts ran, where script-written links are. */
  renderedHtml?: string;
  status: number;
  role: PageRole;
  depth: number;
  pagesSoFar: number;
  scope: PortalScope;
  /** Parse into a record (only bodies not archived before: a revisit's record exists already). */
  parse: boolean;
}

export interface Analysis {
  discovery: Discovery | null;
  /** The report record, already in the form the database stores. */
  record: StoredRecord | null;
}

export function analyze(input: AnalyzeInput): Analysis {
  let discovery: Discovery | null = null;
  let parsed: { decoded: DecodedDocument; doc?: Document } | undefined;
  if (input.role !== 'attachment' && isHtmlLike(input.contentType, input.body)) {
    try {
      const decoded = decodeDocument(input.body, input.contentType ?? undefined);
      // One tree for both readers: link discovery and the report parser.
      parsed = { decoded, doc: decoded.kind === 'html' ? parseHtml(decoded.text) : undefined };
    } catch {
      /* not a text document: no links, no record */
    }
    discovery = discover(
      { url: input.url, html: input.renderedHtml ?? parsed?.decoded.text ?? '', status: input.status, doc: input.renderedHtml ? undefined : parsed?.doc },
      input.scope,
      { depth: input.depth, role: input.role, pagesSoFar: input.pagesSoFar },
    );
  }
  const record = input.parse ? reportOf({ url: input.url, contentType: input.contentType, kind: input.role, status: input.status }, input.body, parsed) : null;
  return { discovery, record: record ? storedRecord(record) : null };
}
