/**
 * The truth manifest: per portal its homepage, report columns, listing pages, every report (with the
 * path of its expected record) and every distractor. Crawler tests count against it; the committed
 * copy (data/demo-web/manifest.json) is written by tools/write-truth.ts and checked against this code.
 */
import type { Flag } from '../../parsers/record.ts';
import type { DistractorDoc, DistractorKind, ExpectedRecord, ReportDoc } from './content/model.ts';
import { normaliseFlags } from './content/truth.ts';

export type ReportKind = 'html' | 'attachment' | 'image';
export type AttachmentType = 'pdf' | 'docx' | 'doc';

export interface ManifestAttachment {
  url: string;
  type: AttachmentType;
  /** Repo-relative path of the file's expected record. */
  expected: string;
  /** Served through download.jsp without an extension in the URL (type from the headers only). */
  viaDownloadJsp?: boolean;
}

export interface ManifestReport {
  url: string;
  kind: ReportKind;
  title: string | null;
  agency: string | null;
  year: number | null;
  template: string;
  /** Repo-relative path of the page's expected record. */
  expected: string;
  /** The listing column that links it. */
  column: string;
  attachments?: ManifestAttachment[];
  /** Linked only once the `changing` fault has changed its column's first page. */
  late?: boolean;
  /** Content served once the `changing` fault has changed this page. */
  corrected?: { expected: string };
}

export interface ManifestDistractor {
  url: string;
  kind: DistractorKind;
  title: string;
  expected: string;
  column: string;
}

export interface PortalManifest {
  key: string;
  host: string;
  name: string;
  /** CMS family the portal imitates. */
  cms: string;
  level: string;
  regionCode: string;
  homepage: string;
  /** What this portal demonstrates, as short tags (js-list, gbk, challenge-412, …). */
  features: string[];
  reportColumns: string[];
  /** Every listing page of the report columns, in order. */
  listPages: string[];
  reports: ManifestReport[];
  distractors: ManifestDistractor[];
  /** URLs robots.txt disallows (a polite crawler never fetches them). */
  disallowed: string[];
  robotsTxt: string | null;
}

export interface Manifest {
  version: 1;
  controlHost: string;
  portals: PortalManifest[];
  counts: { portals: number; reports: number; reportPages: number; attachments: number; distractors: number; listPages: number };
}

/** data/demo-web/expected/<host>/<path>[_<query>].json */
export function expectedPath(url: string): string {
  const u = new URL(url);
  let path = u.pathname.endsWith('/') ? `${u.pathname}index` : u.pathname;
  if (u.search) path += `_${u.search.slice(1).replace(/[^A-Za-z0-9=._-]/g, '_')}`;
  return `data/demo-web/expected/${u.host}${path}.json`;
}

export function reportRecord(url: string, doc: ReportDoc, extra: Flag[] = []): ExpectedRecord {
  return { url, ...doc.truth, flags: normaliseFlags([...doc.truth.flags, ...extra]) };
}

export function distractorRecord(url: string, doc: DistractorDoc): ExpectedRecord {
  return {
    url, isReport: false, title: doc.title, year: null, agency: null, publisher: null, indexNumber: null,
    documentNumber: null, writtenOn: null, publishedOn: null, template: 'unknown', active: {}, applications: {},
    reviewLitigation: {}, flags: [],
  };
}

/** Collects a portal's manifest entries and expected records while its pages are registered. */
export class PortalRecorder {
  readonly reports: ManifestReport[] = [];
  readonly distractors: ManifestDistractor[] = [];
  readonly listPages: string[] = [];
  readonly reportColumns: string[] = [];
  readonly disallowed: string[] = [];
  /** Repo-relative path -> expected record. */
  readonly expected = new Map<string, ExpectedRecord>();

  constructor(private readonly flags: Flag[] = []) {}

  report(url: string, doc: ReportDoc, kind: ReportKind, column: string, more: Partial<ManifestReport> = {}, flags: Flag[] = []): ManifestReport {
    const record = reportRecord(url, doc, [...this.flags, ...flags]);
    this.expected.set(expectedPath(url), record);
    const entry: ManifestReport = {
      url, kind, title: record.title, agency: record.agency, year: record.year, template: record.template,
      expected: expectedPath(url), column, ...more,
    };
    this.reports.push(entry);
    return entry;
  }

  /** An expected record that is not a manifest entry of its own (attachments, corrected versions). */
  record(path: string, record: ExpectedRecord): string {
    this.expected.set(path, record);
    return path;
  }

  distractor(url: string, doc: DistractorDoc, column: string): void {
    this.expected.set(expectedPath(url), distractorRecord(url, doc));
    this.distractors.push({ url, kind: doc.kind, title: doc.title, expected: expectedPath(url), column });
  }

  manifest(meta: Omit<PortalManifest, 'reports' | 'distractors' | 'listPages' | 'reportColumns' | 'disallowed'>): PortalManifest {
    return {
      ...meta, reportColumns: this.reportColumns, listPages: this.listPages, reports: this.reports,
      distractors: this.distractors, disallowed: this.disallowed,
    };
  }
}

export function buildManifest(portals: PortalManifest[], controlHost: string): Manifest {
  const reports = portals.flatMap((p) => p.reports).filter((r) => !r.late);
  return {
    version: 1,
    controlHost,
    portals,
    counts: {
      portals: portals.length,
      reports: reports.length,
      reportPages: reports.filter((r) => r.kind !== 'attachment').length,
      attachments: reports.reduce((n, r) => n + (r.attachments?.length ?? 0), 0),
      distractors: portals.reduce((n, p) => n + p.distractors.length, 0),
      listPages: portals.reduce((n, p) => n + p.listPages.length, 0),
    },
  };
}
