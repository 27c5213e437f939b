/**
 * Fetching over HTTP with crawlee's HttpCrawler, kept running (`keepAlive`) and fed one request at
 * a time by the scheduler, which owns politeness, retries and the frontier (through RequestFeed;
 * requests go out through undici, see undiciClient.ts). Crawlee decodes bodies
 * by the Content-Type charset only; `forceResponseEncoding: 'latin1'` makes it hand over the bytes
 * untouched, so the archive gets exactly what the server sent. Statuses are recorded by us: crawlee
 * would treat 404 as success and throw on 5xx.
 */
import { Configuration, log } from '@crawlee/core';
import { HttpCrawler, type HttpCrawlingContext, type ProxyConfiguration } from '@crawlee/http';
import type { IncomingMessage } from 'node:http';
import { classifyError } from './errors.ts';
import { RequestFeed } from './requestFeed.ts';
import { UndiciHttpClient } from './undiciClient.ts';
import { SCHEDULED_CRAWLER_OPTIONS, failedFetch, type FetchResult, type FetchTask, type Fetcher } from './types.ts';

export interface HttpFetcherOptions {
  concurrency: number;
  userAgent: string;
  timeoutSecs?: number;
  /** Bodies above this size are refused (class too-large), not stored. */
  maxBodyBytes?: number;
  proxyConfiguration?: ProxyConfiguration;
}

const ALL_ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);

/**
 * The headers a request goes out with (and that its WARC request record keeps): who we are, that we
 * want HTML in Chinese as a browser would, then the task's own (conditional headers, a form body's type).
 */
function headersFor(userAgent: string, task: FetchTask): Record<string, string> {
  const out: Record<string, string> = {};
  const layers: Record<string, string>[] = [
    { 'User-Agent': userAgent, Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Accept-Language': 'zh-CN,zh;q=0.9' },
    task.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
    task.headers ?? {},
  ];
  // A later layer replaces a header whatever the case of its name.
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) {
      for (const existing of Object.keys(out)) if (existing.toLowerCase() === name.toLowerCase()) delete out[existing];
      out[name] = value;
    }
  }
  return out;
}

interface Pending {
  task: FetchTask;
  startedAt: Date;
  resolve: (r: FetchResult) => void;
}

let seq = 0;

export class HttpFetcher implements Fetcher {
  private readonly crawler: HttpCrawler<HttpCrawlingContext>;
  private readonly pending = new Map<string, Pending>();
  private readonly feed = new RequestFeed();
  private readonly client: UndiciHttpClient;
  private readonly running: Promise<unknown>;

  constructor(private readonly options: HttpFetcherOptions) {
    // Failures are logged by the crawl itself (fetch log); crawlee's own log would repeat them.
    log.setLevel(log.LEVELS.OFF);
    const maxBody = options.maxBodyBytes ?? 50 * 1024 * 1024;
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    this.client = new UndiciHttpClient({ connections: options.concurrency, maxBodyBytes: maxBody });
    this.crawler = new HttpCrawler(
      {
        ...SCHEDULED_CRAWLER_OPTIONS,
        requestQueue: this.feed.asRequestQueue(),
        httpClient: this.client,
        minConcurrency: options.concurrency,
        maxConcurrency: options.concurrency,
        navigationTimeoutSecs: options.timeoutSecs ?? 30,
        requestHandlerTimeoutSecs: (options.timeoutSecs ?? 30) + 30,
        forceResponseEncoding: 'latin1',
        additionalMimeTypes: ['*/*'],
        ignoreHttpErrorStatusCodes: ALL_ERROR_STATUSES,
        proxyConfiguration: options.proxyConfiguration,
        preNavigationHooks: [
          (_ctx, gotOptions) => {
            // got-scraping would send a random browser User-Agent; we say who we are.
            gotOptions.headers = { ...gotOptions.headers, 'user-agent': options.userAgent };
            (gotOptions as { headerGeneratorOptions?: unknown }).headerGeneratorOptions = undefined;
            (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
          },
        ],
        requestHandler: async ({ request, response, body }) => {
          const p = this.pending.get(request.uniqueKey);
          if (!p) return;
          this.pending.delete(request.uniqueKey);
          const res = response as unknown as IncomingMessage & { url?: string };
          const raw = res.rawHeaders ?? [];
          const headers: [string, string][] = [];
          for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i], raw[i + 1]]);
          const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body as string, 'latin1');
          const tooLarge = bytes.length > maxBody;
          p.resolve({
            task: p.task,
            finalUrl: request.loadedUrl ?? res.url ?? p.task.url,
            status: res.statusCode ?? null,
            statusText: res.statusMessage ?? '',
            responseHeaders: headers,
            body: tooLarge ? Buffer.alloc(0) : bytes,
            requestHeaders: headersFor(options.userAgent, p.task),
            startedAt: p.startedAt,
            durationMs: Date.now() - p.startedAt.getTime(),
            fetchedBy: 'http',
            error: tooLarge ? { class: 'too-large', message: `body of ${bytes.length} bytes exceeds ${maxBody}` } : undefined,
          });
        },
        failedRequestHandler: async ({ request }, error) => {
          const p = this.pending.get(request.uniqueKey);
          if (!p) return;
          this.pending.delete(request.uniqueKey);
          p.resolve(failedFetch(p.task, p.startedAt, 'http', classifyError(error), headersFor(options.userAgent, p.task)));
        },
      },
      config,
    );
    this.running = this.crawler.run();
  }

  fetch(task: FetchTask): Promise<FetchResult> {
    return new Promise((resolve) => {
      // A fresh uniqueKey per attempt: crawlee must not deduplicate a deliberate refetch.
      const uniqueKey = `${task.key}#${++seq}`;
      this.pending.set(uniqueKey, { task, startedAt: new Date(), resolve });
      this.feed.push({
        url: task.url,
        uniqueKey,
        method: task.method,
        payload: task.payload,
        headers: headersFor(this.options.userAgent, task),
      });
    });
  }

  async close(): Promise<void> {
    await this.crawler.stop();
    await this.running;
    await this.client.close();
  }
}
