/**
 * Fetching through Chromium with crawlee's PlaywrightCrawler, for portals whose lists are written
 * by JavaScript or that answer plain clients with a JS challenge (瑞数-style 412 pages). The page is
 * loaded, scripts run (a challenge script sets its cookie and reloads), and we keep two things: the
 * HTML the server last served for the main document (the snapshot, byte-exact) and the DOM after
 * scripts ran (for discovering links a script wrote).
 */
import { existsSync } from 'node:fs';
import { Configuration, log } from '@crawlee/core';
import { PlaywrightCrawler, type PlaywrightCrawlingContext, type ProxyConfiguration } from '@crawlee/playwright';
import type { Response } from 'playwright';
import { classifyError } from './errors.ts';
import { RequestFeed } from './requestFeed.ts';
import { SCHEDULED_CRAWLER_OPTIONS, failedFetch, type FetchResult, type FetchTask, type Fetcher } from './types.ts';

export interface BrowserFetcherOptions {
  concurrency: number;
  userAgent: string;
  timeoutSecs?: number;
  proxyConfiguration?: ProxyConfiguration;
  /** Chromium to use; default: /usr/bin/chromium when present, else Playwright's own browser. */
  executablePath?: string;
}

/** Flags that keep Chromium quiet on a closed network (no update, sync or account traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function defaultChromium(): string | undefined {
  return process.env.CRAWLEE_DEFAULT_BROWSER_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export class BrowserLaunchError extends Error {}

function launchError(executablePath: string | undefined, cause: Error): BrowserLaunchError {
  return new BrowserLaunchError(
    `failed to launch the browser (${executablePath ?? "Playwright's own Chromium"}: ${(() => {
      const lines = String(cause.message).split('\n');
      return (lines.find((l) => /exist/i.test(l)) ?? lines[0] ?? 'no detail').trim();
    })()}); ` +
      'install Chromium (apt-get install -y chromium), or run `npx playwright install chromium`, or set CRAWLEE_DEFAULT_BROWSER_PATH',
  );
}

/** How long to let scripts settle (challenge reloads, list rendering) after the load event. */
const SETTLE_MS = 1500;

interface Pending {
  task: FetchTask;
  startedAt: Date;
  resolve: (r: FetchResult) => void;
}

let seq = 0;

export class BrowserFetcher implements Fetcher {
  private readonly crawler: PlaywrightCrawler;
  private readonly pending = new Map<string, Pending>();
  private readonly feed = new RequestFeed();
  private readonly running: Promise<unknown>;
  private launchError: Error | null = null;

  constructor(options: BrowserFetcherOptions) {
    log.setLevel(log.LEVELS.OFF);
    const executablePath = options.executablePath ?? defaultChromium();
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    this.crawler = new PlaywrightCrawler(
      {
        ...SCHEDULED_CRAWLER_OPTIONS,
        requestQueue: this.feed.asRequestQueue(),
        maxConcurrency: options.concurrency,
        navigationTimeoutSecs: options.timeoutSecs ?? 45,
        requestHandlerTimeoutSecs: (options.timeoutSecs ?? 45) + 30,
        proxyConfiguration: options.proxyConfiguration,
        launchContext: {
          useChrome: false,
          userAgent: options.userAgent,
          launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
        },
        browserPoolOptions: { useFingerprints: false },
        preNavigationHooks: [
          async ({ page, request }: PlaywrightCrawlingContext) => {
            const documents: Response[] = [];
            page.on('response', (r) => {
              if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) documents.push(r);
            });
            (request.userData as { documents?: Response[] }).documents = documents;
          },
        ],
        requestHandler: async ({ page, request }) => {
          const p = this.pending.get(request.uniqueKey);
          if (!p) return;
          await page.waitForLoadState('networkidle', { timeout: SETTLE_MS * 4 }).catch(() => undefined);
          await page.waitForTimeout(SETTLE_MS);
          const documents = (request.userData as { documents?: Response[] }).documents ?? [];
          const last = documents[documents.length - 1];
          const body = last ? await last.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          const headers = last ? await last.headersArray().catch(() => []) : [];
          this.pending.delete(request.uniqueKey);
          p.resolve({
            task: p.task,
            finalUrl: page.url(),
            status: last?.status() ?? null,
            statusText: last?.statusText() ?? '',
            responseHeaders: headers.map((h) => [h.name, h.value] as [string, string]),
            body,
            renderedHtml: await page.content(),
            requestHeaders: { 'User-Agent': options.userAgent },
            startedAt: p.startedAt,
            durationMs: Date.now() - p.startedAt.getTime(),
            fetchedBy: 'browser',
          });
        },
        failedRequestHandler: async ({ request }, error) => {
          if (/Failed to launch|executable doesn't exist|browserType.launch/i.test(String(error?.message))) {
            this.launchError = launchError(executablePath, error);
          }
          const p = this.pending.get(request.uniqueKey);
          if (!p) return;
          this.pending.delete(request.uniqueKey);
          p.resolve(failedFetch(p.task, p.startedAt, 'browser', this.launchError ? { class: 'network', message: this.launchError.message } : classifyError(error), { 'User-Agent': options.userAgent }));
        },
      },
      config,
    );
    // Crawlee rejects run() when no browser starts at all: every waiting page then fails with the reason.
    this.running = this.crawler.run().catch((err: Error) => {
      this.launchError ??= launchError(executablePath, err);
      for (const [key, p] of this.pending) {
        this.pending.delete(key);
        p.resolve(failedFetch(p.task, p.startedAt, 'browser', { class: 'network', message: this.launchError.message }));
      }
    });
  }

  /** Set when Chromium could not be started: the crawl reports it once, clearly. */
  get failure(): Error | null {
    return this.launchError;
  }

  fetch(task: FetchTask): Promise<FetchResult> {
    if (this.launchError) return Promise.resolve(failedFetch(task, new Date(), 'browser', { class: 'network', message: this.launchError.message }));
    return new Promise((resolve) => {
      const uniqueKey = `${task.key}#b${++seq}`;
      this.pending.set(uniqueKey, { task, startedAt: new Date(), resolve });
      this.feed.push({ url: task.url, uniqueKey, headers: task.headers });
    });
  }

  async close(): Promise<void> {
    await this.crawler.stop();
    await this.running;
    await this.crawler.browserPool.destroy().catch(() => undefined);
  }
}
