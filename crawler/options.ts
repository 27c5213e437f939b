/** Everything a crawl can be told, with its default, in one place (documented in README "nianbao crawl"). */
import os from 'node:os';
import type { PolitenessOptions } from './politeness.ts';
import { POLITE } from './politeness.ts';

export interface CrawlOptions {
  /** Archive directory: WARC files. */
  archiveDir: string;
  /** The SQLite database. */
  dbFile: string;
  /** JSON-lines logs. */
  logDir: string;
  /** Stop starting new requests after this long (ms); the run ends cleanly and resumes next time. */
  maxDurationMs: number | null;
  politeness: PolitenessOptions;
  /** Requests in flight at once over all hosts, HTTP client. */
  httpConcurrency: number;
  /** Pages open at once in Chromium. */
  browserConcurrency: number;
  /** Worker threads parsing and discovering beside the fetching (0: on the fetching thread). */
  analysisThreads: number;
  /** Sent with every request: who we are and where to read about it. */
  userAgent: string;
  /** An HTTP proxy for every request (the demo web is reached this way). */
  proxyUrl: string | null;
  /** Link depth from the homepage beyond which nothing is followed. */
  maxDepth: number;
  /** Requests per portal per run, so traps and huge sites end. */
  maxRequestsPerPortal: number;
  /** Bodies larger than this are refused (error class too-large) and not archived. */
  maxBodyBytes: number;
  /** Attempts per request in one run (network errors, 5xx, 429). */
  maxAttempts: number;
  /** Obey robots.txt (Disallow, Crawl-delay). */
  obeyRobots: boolean;
  /** Chromium for the browser crawler; default /usr/bin/chromium or Playwright's own. */
  browserExecutable?: string;
  /** Known report pages are checked again (conditional request) after this many days. */
  revalidateDays: number;
  /**
   * Retry mode (`nianbao failures --retry`): instead of walking the portals from their homepages,
   * put these failed URLs back in the frontier and fetch them (and whatever they lead to).
   */
  retryUrls?: string[];
  /** Called often with the current counters (live progress). */
  onProgress?: (progress: import('./progress.ts').Progress) => void;
}

export const USER_AGENT = 'nianbao/0.1 (+https://github.com/nianbao/nianbao; government annual-report archive)';

export function defaultCrawlOptions(overrides: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    archiveDir: 'data/archive',
    dbFile: 'data/nianbao.db',
    logDir: 'data/logs',
    maxDurationMs: null,
    politeness: POLITE,
    httpConcurrency: 16,
    browserConcurrency: 2,
    analysisThreads: Math.max(1, os.availableParallelism() - 1),
    userAgent: USER_AGENT,
    proxyUrl: null,
    maxDepth: 8,
    maxRequestsPerPortal: 2000,
    maxBodyBytes: 50 * 1024 * 1024,
    maxAttempts: 3,
    obeyRobots: true,
    revalidateDays: 30,
    ...overrides,
  };
}
