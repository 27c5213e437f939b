/**
 * What happens to a response once it has arrived, the same for a live fetch and for an exchange
 * recovered from an interrupted run: store it (WARC record, or a revisit when the body is already
 * archived), index it, log the fetch, find the next requests, and parse report pages into records.
 * All database writes of one response happen in one transaction, after its WARC record is written.
 */
import path from 'node:path';
import { prepared, type Db } from '../storage/db.ts';
import type { ErrorClass, FetchLog } from '../storage/fetchLog.ts';
import type { Frontier, FrontierEntry, FrontierKind } from '../storage/frontier.ts';
import type { ReportStore } from '../storage/reports.ts';
import type { SnapshotIndex, SnapshotRow } from '../storage/snapshots.ts';
import { readRecordAt } from '../storage/warc/reader.ts';
import { bodyDigest, prepareResponse, prepareRevisit, type PreparedExchange, type WarcWriter, type WrittenRecord } from '../storage/warc/writer.ts';
import type { Analyzer } from './analyzer.ts';
import type { PortalScope } from './discovery/scope.ts';
import { header, type FetchResult } from './fetch/types.ts';

export interface Stores {
  db: Db;
  snapshots: SnapshotIndex;
  reports: ReportStore;
  fetchLog: FetchLog;
  frontier: Frontier;
  warc: WarcWriter;
  archiveDir: string;
}

/** What became of one response, for the run's counters. */
export interface Handled {
  stored: 'response' | 'revisit' | null;
  report: 'new' | 'changed' | 'unchanged' | null;
  attachment: boolean;
  /** The page turned out to need Chromium (challenge, script-written list). */
  needsBrowser: boolean;
}

/** A response ready to archive (`exchange`), or one already archived (`written`: a recovered orphan). */
export type Stored = ({ exchange: PreparedExchange } | { written: WrittenRecord }) & { revisitOf: SnapshotRow | null; body: Buffer };

export interface PortalContext {
  id: string;
  scope: PortalScope;
  /** Requests taken for this portal in this run (the page cap). */
  taken: number;
}

/** The body to read links from: a revisit's body is the archived original's. */
export async function archivedBody(stores: Stores, snapshot: SnapshotRow): Promise<Buffer> {
  const target = snapshot.record_type === 'revisit' && snapshot.refers_to ? prepared(stores.db, 'SELECT * FROM snapshots WHERE id = ?').get(snapshot.refers_to) as SnapshotRow : snapshot;
  const record = await readRecordAt(path.join(stores.archiveDir, target.warc_file), target.warc_offset, target.warc_length);
  return record.body;
}

export class ResponsePipeline {
  constructor(
    private readonly stores: Stores,
    private readonly runId: number,
    /** Known reports without validators are fetched again after this long. */
    private readonly revalidateMs: number,
    private readonly analyzer: Analyzer,
  ) {}

  /**
   * Should a report or attachment archived in an earlier run be asked for again? Yes when the
   * server gave validators (a conditional request costs a 304), or when the copy is old.
   */
  private revisit(url: string): boolean {
    const latest = this.stores.snapshots.latest(url);
    if (!latest) return false;
    if (latest.etag || latest.last_modified) return true;
    return Date.now() - Date.parse(latest.fetched_at) > this.revalidateMs;
  }

  private portalOf(key: string): string | undefined {
    return this.stores.frontier.get(key)?.portal;
  }

  private kindOf(key: string): string | undefined {
    return this.stores.frontier.get(key)?.kind;
  }

  /**
   * Serialise the WARC records for a response: a revisit when this URL already has this body
   * archived. Nothing is written yet: `process` appends and indexes in one synchronous step.
   */
  async archive(result: FetchResult): Promise<Stored> {
    const { snapshots } = this.stores;
    const exchange = {
      url: result.finalUrl,
      method: result.task.method,
      requestHeaders: result.requestHeaders,
      requestBody: result.task.payload ? Buffer.from(result.task.payload) : undefined,
      status: result.status!,
      statusText: result.statusText,
      responseHeaders: result.responseHeaders,
      body: result.body,
      fetchedAt: result.startedAt,
      frontierKey: result.task.key,
      fetchedBy: result.fetchedBy,
      portal: this.portalOf(result.task.key),
      kind: this.kindOf(result.task.key),
      runId: this.runId,
    };
    if (result.status === 304) {
      const latest = snapshots.latest(result.finalUrl);
      if (latest) {
        const original = latest.record_type === 'revisit' && latest.refers_to ? (prepared(this.stores.db, 'SELECT * FROM snapshots WHERE id = ?').get(latest.refers_to) as SnapshotRow) : latest;
        const exchangeBytes = await prepareRevisit(exchange, { url: original.url, date: original.fetched_at, digest: original.digest });
        return { exchange: exchangeBytes, revisitOf: original, body: await archivedBody(this.stores, original) };
      }
    }
    const original = snapshots.original(result.finalUrl, bodyDigest(result.body));
    if (original) {
      const exchangeBytes = await prepareRevisit(exchange, { url: original.url, date: original.fetched_at, digest: original.digest });
      return { exchange: exchangeBytes, revisitOf: original, body: result.body };
    }
    return { exchange: await prepareResponse(exchange), revisitOf: null, body: result.body };
  }

  /**
   * Discover and parse a response (off this thread), then append its WARC records and write its
   * index rows, log entry, records and next requests with nothing running in between: if the process
   * dies after the append and before the commit, the unindexed exchange is the last one in its file,
   * where recovery finds it. `body` is the payload (for a 304, the archived original's).
   */
  async process(entry: FrontierEntry, portal: PortalContext, result: FetchResult, stored: Stored): Promise<Handled> {
    const { snapshots, frontier, reports, db } = this.stores;
    const contentType = header(result.responseHeaders, 'content-type');
    const role = entry.kind as FrontierKind;
    const { discovery, record } = await this.analyzer.run({
      url: result.finalUrl,
      body: stored.body,
      contentType: contentType ?? null,
      renderedHtml: result.renderedHtml,
      status: result.status ?? 200,
      role,
      depth: entry.depth,
      pagesSoFar: portal.taken,
      scope: portal.scope,
      parse: !stored.revisitOf,
    });
    const needsBrowser = !!discovery?.browser.needsBrowser && result.fetchedBy === 'http';
    if (!('written' in stored)) await this.stores.warc.ready();
    const written = 'written' in stored ? stored.written : this.stores.warc.append(stored.exchange);
    const handled: Handled = { stored: stored.revisitOf ? 'revisit' : 'response', report: null, attachment: role === 'attachment', needsBrowser };

    db.transaction(() => {
      const snapshotId = snapshots.add({
        url: result.finalUrl,
        portal: portal.id,
        fetchedAt: result.startedAt.toISOString(),
        status: result.status!,
        contentType: contentType ?? null,
        etag: header(result.responseHeaders, 'etag') ?? stored.revisitOf?.etag ?? null,
        lastModified: header(result.responseHeaders, 'last-modified') ?? stored.revisitOf?.last_modified ?? null,
        length: stored.body.length,
        recordType: stored.revisitOf ? 'revisit' : 'response',
        refersTo: stored.revisitOf?.id ?? null,
        fetchedBy: result.fetchedBy,
        kind: role,
        runId: this.runId,
        written,
      });
      this.log(entry, result, null, null, snapshotId);
      if (record) {
        const id = reports.add(snapshotId, result.finalUrl, portal.id, record);
        const version = (prepared(db, 'SELECT version FROM reports WHERE id = ?').get(id) as { version: number }).version;
        handled.report = version === 1 ? 'new' : 'changed';
      } else if (stored.revisitOf && (role === 'report' || discovery?.pageKind === 'report')) {
        handled.report = 'unchanged';
      }
      if (discovery && !needsBrowser) {
        for (const r of [...discovery.listings, ...discovery.reports, ...discovery.attachments]) {
          frontier.add(
            { url: r.url, method: r.method, payload: r.body, headers: r.headers, portal: portal.id, kind: r.role, depth: r.depth, foundOn: result.finalUrl, label: r.text || undefined },
            this.runId,
            (r.role === 'report' || r.role === 'attachment') && this.revisit(r.url),
          );
        }
      }
      if (needsBrowser) frontier.useBrowser(entry.key);
      else frontier.done(entry.key);
    })();
    return handled;
  }

  /** A fetch that gave no storable response: logged; the caller decides about retrying. */
  logFailure(entry: FrontierEntry, result: FetchResult, errorClass: ErrorClass, message: string): void {
    this.log(entry, result, errorClass, message, null);
  }

  private log(entry: FrontierEntry, result: FetchResult, errorClass: ErrorClass | null, message: string | null, snapshotId: number | null): void {
    this.stores.fetchLog.record({
      runId: this.runId,
      url: entry.url,
      portal: entry.portal,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      status: result.status,
      bytes: result.status === null ? null : result.body.length,
      errorClass,
      errorMessage: message,
      fetchedBy: result.fetchedBy,
      snapshotId,
    });
  }
}
