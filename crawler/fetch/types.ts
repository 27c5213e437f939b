/** What the fetchers take and give back, whichever way (HTTP client or browser) a page was fetched. */
import type { ErrorClass } from '../../storage/fetchLog.ts';

export interface FetchTask {
  /** The frontier key: one per distinct request. */
  key: string;
  url: string;
  method: 'GET' | 'POST';
  /** Form body of a POST (Hanweb data-proxy lists). */
  payload?: string;
  headers?: Record<string, string>;
}

export interface FetchResult {
  task: FetchTask;
  /** After redirects. */
  finalUrl: string;
  /** Null when no response came (DNS, refused, reset, timeout). */
  status: number | null;
  statusText: string;
  responseHeaders: [string, string][];
  /** The body as received (transfer/content encodings removed by the client, nothing else). */
  body: Buffer;
  /** Browser only: the DOM after scripts ran, for finding links a script wrote. */
  renderedHtml?: string;
  requestHeaders: Record<string, string>;
  startedAt: Date;
  durationMs: number;
  error?: { class: ErrorClass; message: string };
  fetchedBy: 'http' | 'browser';
}

export interface Fetcher {
  fetch(task: FetchTask): Promise<FetchResult>;
  close(): Promise<void>;
}

export function header(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** The result of a fetch that got no response (or was refused before any request). */
export function failedFetch(task: FetchTask, startedAt: Date, fetchedBy: 'http' | 'browser', error: FetchResult['error'], requestHeaders: Record<string, string> = {}): FetchResult {
  return {
    task,
    finalUrl: task.url,
    status: null,
    statusText: '',
    responseHeaders: [],
    body: Buffer.alloc(0),
    requestHeaders,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    fetchedBy,
    error,
  };
}

/**
 * Crawlee options both fetchers share. The scheduler (crawl.ts) feeds them one request at a time and
 * owns retries, sessions and logging, so crawlee must not retry, rotate or keep sessions, and its pool
 * must notice a new request at once rather than on its default half-second poll of an empty queue.
 */
export const SCHEDULED_CRAWLER_OPTIONS = {
  keepAlive: true,
  autoscaledPoolOptions: { maybeRunIntervalSecs: 0.005, loggingIntervalSecs: null },
  maxRequestRetries: 0,
  maxSessionRotations: 0,
  useSessionPool: false,
  persistCookiesPerSession: false,
} as const;
