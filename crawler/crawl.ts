/**
 * `nianbao crawl`: one run over a portal list. The frontier (SQLite) says what to fetch, the
 * politeness layer says when, the fetchers (crawlee HTTP, crawlee Playwright) fetch, and the
 * pipeline stores, indexes, discovers and parses. A run killed at any point resumes on the next
 * start: the lock is taken over, unindexed WARC records are adopted, pending requests go on.
 */
import { ProxyConfiguration } from '@crawlee/core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, prepared } from '../storage/db.ts';
import { FetchLog, type ErrorClass } from '../storage/fetchLog.ts';
import { Frontier, type FrontierEntry } from '../storage/frontier.ts';
import { ReportStore } from '../storage/reports.ts';
import { SnapshotIndex } from '../storage/snapshots.ts';
import { WarcWriter } from '../storage/warc/writer.ts';
import { seedRequests } from './discovery/candidates.ts';
import { makeScope } from './discovery/scope.ts';
import { BrowserFetcher } from './fetch/browser.ts';
import { classifyStatus } from './fetch/errors.ts';
import { HttpFetcher } from './fetch/http.ts';
import { failedFetch, header, type FetchResult, type FetchTask, type Fetcher } from './fetch/types.ts';
import { acquireLock } from '../storage/lock.ts';
import { Analyzer } from './analyzer.ts';
import type { CrawlOptions } from './options.ts';
import { ResponsePipeline, type PortalContext, type Stores } from './pipeline.ts';
import type { Portal } from './portals.ts';
import { newProgress, portalCounters, type CrawlSummary, type Progress } from './progress.ts';
import { adoptOrphans } from './adopt.ts';
import { RobotsGate } from './robotsGate.ts';
import { Politeness } from './politeness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function taskOf(entry: FrontierEntry): FetchTask {
  return { key: entry.key, url: entry.url, method: entry.method, payload: entry.payload ?? undefined };
}

/** Start a new run, or resume the last one when it did not finish (killed, or stopped by --max-duration). */
function openRun(stores: Stores, retry: boolean): { runId: number; resumed: boolean } {
  const last = stores.db.prepare(`SELECT id, status FROM runs ORDER BY id DESC LIMIT 1`).get() as { id: number; status: string } | undefined;
  if (!retry && last && (last.status === 'running' || last.status === 'stopped')) {
    stores.db.prepare(`UPDATE runs SET status = 'running' WHERE id = ?`).run(last.id);
    return { runId: last.id, resumed: true };
  }
  const info = stores.db.prepare(`INSERT INTO runs (started_at, status) VALUES (?, 'running')`).run(new Date().toISOString());
  return { runId: Number(info.lastInsertRowid), resumed: false };
}

export async function crawl(portals: Portal[], options: CrawlOptions): Promise<CrawlSummary> {
  mkdirSync(path.dirname(path.resolve(options.dbFile)), { recursive: true });
  const release = acquireLock(`${path.resolve(options.dbFile)}.lock`);
  const db = openDatabase(options.dbFile);
  const stores: Stores = {
    db,
    snapshots: new SnapshotIndex(db),
    reports: new ReportStore(db),
    fetchLog: new FetchLog(db, options.logDir),
    frontier: new Frontier(db),
    warc: new WarcWriter(options.archiveDir),
    archiveDir: options.archiveDir,
  };
  const started = Date.now();
  const deadline = options.maxDurationMs ? started + options.maxDurationMs : null;
  const progress: Progress = newProgress();
  const contexts = new Map<string, PortalContext>(
    portals.map((p) => [p.id, { id: p.id, scope: makeScope({ homepage: p.homepage, reportColumns: p.reportColumns, extraHosts: p.extraHosts }, { maxDepth: options.maxDepth, maxPages: options.maxRequestsPerPortal }), taken: 0 }]),
  );
  const browserPortals = new Set(portals.filter((p) => p.needsBrowser).map((p) => p.id));
  const { runId, resumed } = openRun(stores, !!options.retryUrls);
  const analyzer = new Analyzer(options.analysisThreads);
  const pipeline = new ResponsePipeline(stores, runId, options.revalidateDays * 86_400_000, analyzer);
  const proxyConfiguration = options.proxyUrl ? new ProxyConfiguration({ proxyUrls: [options.proxyUrl] }) : undefined;
  const http = new HttpFetcher({ concurrency: options.httpConcurrency, userAgent: options.userAgent, proxyConfiguration, maxBodyBytes: options.maxBodyBytes });
  let browser: BrowserFetcher | null = null;
  const browserFetcher = (): BrowserFetcher =>
    (browser ??= new BrowserFetcher({ concurrency: options.browserConcurrency, userAgent: options.userAgent, proxyConfiguration, executablePath: options.browserExecutable }));
  const politeness = new Politeness(options.politeness);
  const robots = new RobotsGate(http, stores.fetchLog, runId, options.obeyRobots, politeness);
  let status: CrawlSummary['status'] = 'finished';
  let adopted = 0;
  let summary: CrawlSummary | undefined;

  try {
    adopted = await adoptOrphans(stores, pipeline, contexts, progress);
    if (options.retryUrls) stores.frontier.requeueFailed(options.retryUrls, runId);
    else {
      for (const p of portals) {
        for (const r of seedRequests(contexts.get(p.id)!.scope)) {
          stores.frontier.add({ url: r.url, method: r.method, portal: p.id, kind: r.role, depth: r.depth, browser: browserPortals.has(p.id) }, runId);
        }
      }
    }

    const inFlight = new Map<string, Promise<void>>();
    const perHost = new Map<string, number>();
    const hostOf = (e: FrontierEntry): string => new URL(e.url).host;
    const capacity = options.httpConcurrency + options.browserConcurrency;
    const hostCap = options.politeness.perHostConcurrency * 2;

    const handle = async (entry: FrontierEntry): Promise<void> => {
      const ctx = contexts.get(entry.portal);
      if (!ctx) {
        stores.frontier.failed(entry.key);
        return;
      }
      if (!(await robots.allows(entry.url))) {
        pipeline.logFailure(entry, failedFetch(taskOf(entry), new Date(), 'http', undefined), 'robots', 'disallowed by robots.txt');
        stores.frontier.failed(entry.key);
        countFailure(progress, entry.portal, 'robots');
        return;
      }
      ctx.taken++;
      const useBrowser = (entry.browser === 1 || browserPortals.has(entry.portal)) && entry.method === 'GET' && entry.kind !== 'attachment';
      const fetcher: Fetcher = useBrowser ? browserFetcher() : http;
      const previous = stores.snapshots.latest(entry.url);
      const conditional: Record<string, string> = {};
      if (previous && !useBrowser) {
        if (previous.etag) conditional['if-none-match'] = previous.etag;
        if (previous.last_modified) conditional['if-modified-since'] = previous.last_modified;
      }
      const result = await politeness.run(hostOf(entry), () =>
        fetcher.fetch({ ...taskOf(entry), headers: { ...(entry.headers ? JSON.parse(entry.headers) : {}), ...conditional } }),
      );
      await settle(entry, result, useBrowser);
    };

    const retryOrFail = (entry: FrontierEntry, pauseMs: number): void => {
      if (entry.attempts + 1 >= options.maxAttempts) stores.frontier.failed(entry.key);
      else stores.frontier.defer(entry.key, Date.now() + pauseMs);
    };

    const settle = async (entry: FrontierEntry, result: FetchResult, viaBrowser: boolean): Promise<void> => {
      const counters = portalCounters(progress, entry.portal);
      progress.fetched++;
      counters.fetched++;
      const pause = politeness.answered(hostOf(entry), result.status, header(result.responseHeaders, 'retry-after'));
      if (result.error || result.status === null) {
        const err = result.error ?? { class: 'network' as ErrorClass, message: 'no response' };
        pipeline.logFailure(entry, result, err.class, err.message);
        countFailure(progress, entry.portal, err.class);
        if (err.class === 'too-large' || err.class === 'redirect') stores.frontier.failed(entry.key);
        else retryOrFail(entry, 2000 * 2 ** entry.attempts);
        return;
      }
      const errorClass = classifyStatus(result.status);
      if (errorClass && result.status !== 304) {
        const challenge = !viaBrowser && [412, 202, 521, 403].includes(result.status) && /cookie|location\.(reload|href|replace)|\$_ts/i.test(result.body.toString('latin1'));
        if (challenge) {
          pipeline.logFailure(entry, result, 'challenge', `HTTP ${result.status}: JavaScript challenge, fetching through Chromium`);
          progress.challenges++;
          browserPortals.add(entry.portal);
          stores.frontier.useBrowser(entry.key);
          return;
        }
        pipeline.logFailure(entry, result, errorClass, `HTTP ${result.status} ${result.statusText}`.trim());
        countFailure(progress, entry.portal, errorClass);
        if (pause !== null) {
          if (pause > options.politeness.maxPauseMs) stores.frontier.failed(entry.key);
          else retryOrFail(entry, pause);
        } else if (result.status >= 500) retryOrFail(entry, 2000 * 2 ** entry.attempts);
        else stores.frontier.failed(entry.key);
        return;
      }
      const stored = await pipeline.archive(result);
      const handled = await pipeline.process(entry, contexts.get(entry.portal)!, result, stored);
      if (handled.report === 'new') (progress.newReports++, counters.newReports++);
      if (handled.report === 'changed') (progress.changedReports++, counters.changedReports++);
      if (handled.report === 'unchanged') (progress.unchanged++, counters.unchanged++);
      if (handled.attachment && handled.stored === 'response') progress.attachments++;
    };

    let lastProgress = 0;
    for (;;) {
      if (deadline && Date.now() >= deadline) {
        status = 'stopped';
        break;
      }
      // Refill in batches, when half the slots are free: a query per finished request costs too much.
      if (inFlight.size <= capacity) {
        const ready = stores.frontier.ready(runId, Date.now(), capacity * 8);
        for (const entry of ready) {
          if (inFlight.size >= capacity * 2) break;
          if (inFlight.has(entry.key)) continue;
          const host = hostOf(entry);
          if ((perHost.get(host) ?? 0) >= hostCap) continue;
          perHost.set(host, (perHost.get(host) ?? 0) + 1);
          const task = handle(entry)
            .catch((err: Error) => {
              pipeline.logFailure(entry, failedFetch(taskOf(entry), new Date(), 'http', undefined), 'parse', err.message);
              stores.frontier.failed(entry.key);
            })
            .finally(() => {
              inFlight.delete(entry.key);
              perHost.set(host, (perHost.get(host) ?? 1) - 1);
            });
          inFlight.set(entry.key, task);
        }
      }
      if (options.onProgress && Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        for (const [id, c] of progress.portals) c.pending = (prepared(db, `SELECT COUNT(*) AS n FROM frontier WHERE state = 'pending' AND run_id = ? AND portal = ?`).get(runId, id) as { n: number }).n;
        options.onProgress(progress);
      }
      if (inFlight.size === 0) {
        if (stores.frontier.pendingCount(runId) === 0) break;
        const wake = stores.frontier.nextWake(runId) ?? Date.now();
        await sleep(Math.max(20, Math.min(wake - Date.now(), 1000, deadline ? deadline - Date.now() : 1000)));
        continue;
      }
      await Promise.race([...inFlight.values(), sleep(250)]);
    }
    await Promise.all(inFlight.values());
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    await http.close().catch(() => undefined);
    await analyzer.close();
    if (browser) await (browser as BrowserFetcher).close().catch(() => undefined);
    stores.warc.close();
    summary = summarize(runId, status, resumed, started, progress, adopted, status === 'finished' ? 0 : stores.frontier.pendingCount(runId));
    summary.browserError = browser ? ((browser as BrowserFetcher).failure?.message ?? null) : null;
    db.prepare(`UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?`).run(new Date().toISOString(), status === 'failed' ? 'stopped' : status, JSON.stringify(summary), runId);
    db.close();
    release();
  }
  return summary;
}

function countFailure(progress: Progress, portal: string, cls: ErrorClass): void {
  progress.failures++;
  portalCounters(progress, portal).failures++;
  progress.failuresByClass[cls] = (progress.failuresByClass[cls] ?? 0) + 1;
}

function summarize(runId: number, status: CrawlSummary['status'], resumed: boolean, started: number, p: Progress, adopted: number, pendingLeft: number): CrawlSummary {
  return {
    runId,
    status,
    resumed,
    seconds: (Date.now() - started) / 1000,
    fetched: p.fetched,
    newReports: p.newReports,
    changedReports: p.changedReports,
    unchanged: p.unchanged,
    attachments: p.attachments,
    challenges: p.challenges,
    failures: p.failures,
    failuresByClass: p.failuresByClass,
    pendingLeft,
    adopted,
    portals: Object.fromEntries(p.portals),
  };
}

