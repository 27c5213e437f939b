/**
 * `parse`: one stored document -> the record (../shared/spec/record.md). A pure function of the
 * bytes (and the URL and Content-Type they were served with): no network, no database, no clock.
 */
import { runChecks } from './checks.ts';
import { detectTemplate, isReport } from './classify.ts';
import { decodeDocument, type DecodedDocument } from './decode.ts';
import type { Document } from './html/dom.ts';
import type { PageDocument } from './document.ts';
import { readHtmlPage } from './html/page.ts';
import { extractMetadata } from './metadata.ts';
import { readPlainText } from './plaintext.ts';
import type { ActiveTable, ApplicationsTable, Flag, ReportRecord, ReviewLitigationTable } from './record.ts';
import { extractActive } from './tables/active.ts';
import { extractApplications } from './tables/applications.ts';
import { extractReviewLitigation } from './tables/reviewLitigation.ts';
import { tableRows } from './tables/rows.ts';
import { findTampering } from './tampering.ts';
import { mainText } from './text.ts';

export interface ParseOptions {
  /** The URL the document was served from; printed in the record and used to resolve links. */
  url?: string | null;
  /** The HTTP Content-Type it was served with, when known (its charset is a decoding hint). */
  contentType?: string;
  /**
   * The document already decoded (and its HTML tree built) by the caller, which needed them too:
   * the crawl's link discovery reads the same tree. Must come from these same bytes.
   */
  parsed?: { decoded: DecodedDocument; doc?: Document };
}

/** Fewer characters than this of body text next to file links: the page only points to the report. */
const ATTACHMENT_ONLY_MAX_TEXT = 500;

const FLAG_ORDER: Flag[] = ['not-utf8', 'truncated', 'attachment-only', 'table-missing', 'unit-missing', 'cell-breakdown', 'checks-failed', 'tampered-text'];

function isEmpty(table: object): boolean {
  return Object.keys(table).length === 0;
}

export function parseReport(bytes: Uint8Array, options: ParseOptions = {}): ReportRecord {
  const url = options.url ?? null;
  const decoded = options.parsed?.decoded ?? decodeDocument(bytes, options.contentType);
  const page: PageDocument = decoded.kind === 'html' ? readHtmlPage(decoded.text, url, options.parsed?.doc) : readPlainText(decoded.text);
  const meta = extractMetadata(page);
  const rows = tableRows(page.blocks);
  const paragraphs = page.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const report = isReport({ title: meta.title, paragraphs, hasTables: rows.length > 0, hasAttachments: page.attachments.length > 0 });
  const bodyLength = paragraphs.reduce((n, p) => n + p.length, 0);
  // Only file links next to a short body: the format cannot be seen from the page.
  const statisticRows = rows.filter((r) => r.section !== null).length;
  const attachmentOnly = report && page.attachments.length > 0 && statisticRows === 0 && bodyLength < ATTACHMENT_ONLY_MAX_TEXT;
  const template = attachmentOnly ? 'unknown' : detectTemplate(rows, meta.year, report);

  const flags = new Set<Flag>();
  let active: ActiveTable = {};
  let applications: ApplicationsTable = {};
  let reviewLitigation: ReviewLitigationTable = {};
  let guessedRows: string[] = [];
  if (template === '2019' || template === '2021') {
    const a = extractActive(rows, template);
    const b = extractApplications(rows);
    const c = extractReviewLitigation(rows);
    [active, applications, reviewLitigation] = [a.table, b.table, c.table];
    if (a.unitMissing) flags.add('unit-missing');
    if (a.breakdown) flags.add('cell-breakdown');
    guessedRows = [...a.guessedRows, ...b.guessedRows, ...c.guessedRows];
  }
  const checks = runChecks(applications, reviewLitigation, template, guessedRows);
  if (checks.some((c) => !c.ok)) flags.add('checks-failed');

  const text = mainText(page.blocks);
  const tablesMissing = [active, applications, reviewLitigation].some(isEmpty);
  if (attachmentOnly) flags.add('attachment-only');
  else if (report && (template === '2019' || template === '2021') && tablesMissing) flags.add('table-missing');
  if (decoded.encoding !== 'utf-8') flags.add('not-utf8');
  if (page.truncated) flags.add('truncated');
  if (findTampering(`${meta.title ?? ''}\n${text}`)) flags.add('tampered-text');

  return {
    url,
    isReport: report,
    ...meta,
    template,
    text,
    active,
    applications,
    reviewLitigation,
    checks,
    flags: FLAG_ORDER.filter((f) => flags.has(f)),
    guessedRows,
    encoding: decoded.encoding,
    attachments: page.attachments,
  };
}
