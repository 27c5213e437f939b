/**
 * Which snapshots become report records, and how: the one rule shared by the crawl (as pages
 * arrive) and by rebuild (from the archive), so a rebuild equals what the crawl wrote. Every HTML
 * snapshot that is not an attachment is parsed; it is stored when the parser says it is a report.
 * Attachments (PDF, DOC…) are archived but not parsed yet.
 */
import { UnparseableDocumentError } from '../parsers/errors.ts';
import { parseReport, type ParseOptions } from '../parsers/parse.ts';
import type { ReportRecord } from '../parsers/record.ts';

const HTML_TYPE = /html|xml|text\/plain/i;

export function isHtmlLike(contentType: string | null | undefined, body: Uint8Array): boolean {
  if (contentType && HTML_TYPE.test(contentType)) return true;
  if (contentType && !/octet-stream/i.test(contentType)) return false;
  return /^\s*</.test(Buffer.from(body.subarray(0, 512)).toString('latin1'));
}

export interface SnapshotForParse {
  url: string;
  contentType: string | null;
  kind: string | null;
  status: number;
}

export function isParseable(s: SnapshotForParse, body: Uint8Array): boolean {
  return s.status >= 200 && s.status < 300 && s.kind !== 'attachment' && isHtmlLike(s.contentType, body);
}

/**
 * The report record of a snapshot, or null when it is not a report (or not a parseable document).
 * `parsed`: the body already decoded and parsed by the caller (see ParseOptions.parsed).
 */
export function reportOf(s: SnapshotForParse, body: Uint8Array, parsed?: ParseOptions['parsed']): ReportRecord | null {
  if (!isParseable(s, body)) return null;
  try {
    const record = parseReport(body, { url: s.url, contentType: s.contentType ?? undefined, parsed });
    return record.isReport ? record : null;
  } catch (err) {
    if (err instanceof UnparseableDocumentError) return null;
    throw err;
  }
}
