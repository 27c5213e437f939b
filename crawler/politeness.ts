/**
 * Politeness per host: at most `perHostConcurrency` requests at a time (a p-queue per host), starts
 * spaced by `delayMs` or robots.txt's Crawl-delay, and a pause after 429/503 (Retry-After when
 * given, else exponential backoff). Many hosts proceed in parallel; the global cap is the fetchers'.
 */
import PQueue from 'p-queue';

export interface PolitenessOptions {
  perHostConcurrency: number;
  /** Minimum gap between two request starts on one host. */
  delayMs: number;
  /** Longest pause a Retry-After may impose inside a run; longer ones defer to the next run. */
  maxPauseMs: number;
}

export const POLITE: PolitenessOptions = { perHostConcurrency: 2, delayMs: 1000, maxPauseMs: 120_000 };
/** For benchmarks and tests on loopback only: no spacing between requests. */
export const IMPOLITE: PolitenessOptions = { perHostConcurrency: 64, delayMs: 0, maxPauseMs: 10_000 };

interface HostState {
  queue: PQueue;
  nextStart: number;
  crawlDelayMs: number;
  pausedUntil: number;
  backoffMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Politeness {
  private readonly hosts = new Map<string, HostState>();

  constructor(readonly options: PolitenessOptions) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { queue: new PQueue({ concurrency: this.options.perHostConcurrency }), nextStart: 0, crawlDelayMs: 0, pausedUntil: 0, backoffMs: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  setCrawlDelay(host: string, seconds: number): void {
    this.state(host).crawlDelayMs = Math.min(seconds * 1000, 60_000);
  }

  /** Run `fn` when the host allows it. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    return s.queue.add(async () => {
      const now = Date.now();
      const start = Math.max(now, s.nextStart, s.pausedUntil);
      s.nextStart = start + Math.max(this.options.delayMs, s.crawlDelayMs);
      if (start > now) await sleep(start - now);
      return fn();
    }) as Promise<T>;
  }

  /**
   * Note how the host answered. Returns the pause imposed (ms) when the host asked us to slow down,
   * or null.
   */
  answered(host: string, status: number | null, retryAfter: string | undefined): number | null {
    const s = this.state(host);
    if (status !== 429 && status !== 503) {
      s.backoffMs = 0;
      return null;
    }
    let pause = parseRetryAfter(retryAfter);
    if (pause === null) {
      s.backoffMs = Math.min(s.backoffMs ? s.backoffMs * 2 : 1000, 60_000);
      pause = s.backoffMs;
    }
    s.pausedUntil = Math.max(s.pausedUntil, Date.now() + Math.min(pause, this.options.maxPauseMs));
    return pause;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((s) => s.queue.onIdle()));
  }
}

/** Retry-After as seconds or an HTTP date -> milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}
