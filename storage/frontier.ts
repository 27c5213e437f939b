/**
 * The crawl frontier in SQLite: every request the crawl means to make, with its state. Keeping it
 * in the database (not in crawlee's queue files) is what lets a run killed at any moment resume:
 * what was pending is still pending, what was done stays done.
 */
import { prepared, type Db } from './db.ts';

/** The role a request was made in (crawler/discovery `PageRole`). */
export type FrontierKind = 'home' | 'area' | 'column' | 'listing' | 'report' | 'attachment';
export type FrontierState = 'pending' | 'done' | 'failed';

export interface FrontierEntry {
  key: string;
  url: string;
  method: 'GET' | 'POST';
  payload: string | null;
  headers: string | null;
  portal: string;
  kind: FrontierKind;
  depth: number;
  browser: number;
  state: FrontierState;
  attempts: number;
  not_before: number;
  run_id: number;
  found_on: string | null;
  label: string | null;
}

export interface NewRequest {
  url: string;
  method?: 'GET' | 'POST';
  payload?: string;
  headers?: Record<string, string>;
  portal: string;
  kind: FrontierKind;
  depth: number;
  browser?: boolean;
  foundOn?: string;
  /** The link text the request was found by. */
  label?: string;
}

export function requestKey(r: { url: string; method?: string; payload?: string | null }): string {
  const method = r.method ?? 'GET';
  return method === 'GET' ? r.url : `${method} ${r.url} ${r.payload ?? ''}`;
}

/** Pages that are walked again every run: they are where new reports appear. */
const REWALKED: FrontierKind[] = ['home', 'area', 'column', 'listing'];

export class Frontier {
  constructor(private readonly db: Db) {}

  /**
   * Add a request for this run. New requests become pending. A request already done in an earlier
   * run is pending again when it is a listing-type page, when its listing entry now reads differently
   * (a corrected report is often re-titled), or when `revisit` says so (the caller checks the
   * server's validators with a conditional request). Returns true when it is pending now.
   */
  add(r: NewRequest, runId: number, revisit = false): boolean {
    const key = requestKey(r);
    const existing = prepared(this.db, `SELECT state, run_id, label FROM frontier WHERE key = ?`).get(key) as { state: FrontierState; run_id: number; label: string | null } | undefined;
    if (!existing) {
      prepared(this.db, `INSERT INTO frontier (key, url, method, payload, headers, portal, kind, depth, browser, state, run_id, found_on, label)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`)
        .run(key, r.url, r.method ?? 'GET', r.payload ?? null, r.headers ? JSON.stringify(r.headers) : null, r.portal, r.kind, r.depth, r.browser ? 1 : 0, runId, r.foundOn ?? null, r.label ?? null);
      return true;
    }
    if (existing.run_id === runId) return existing.state === 'pending';
    const relabelled = !!r.label && !!existing.label && r.label !== existing.label;
    if (REWALKED.includes(r.kind) || revisit || relabelled || existing.state !== 'done') {
      prepared(this.db, `UPDATE frontier SET state = 'pending', attempts = 0, not_before = 0, run_id = ?, depth = MIN(depth, ?), browser = MAX(browser, ?), label = COALESCE(?, label) WHERE key = ?`)
        .run(runId, r.depth, r.browser ? 1 : 0, r.label ?? null, key);
      return true;
    }
    return false;
  }

  get(key: string): FrontierEntry | undefined {
    return prepared(this.db, `SELECT * FROM frontier WHERE key = ?`).get(key) as FrontierEntry | undefined;
  }

  /** Pending requests of this run that may go now, shallowest first. */
  ready(runId: number, now: number, limit: number): FrontierEntry[] {
    return prepared(this.db, `SELECT * FROM frontier WHERE state = 'pending' AND run_id = ? AND not_before <= ? ORDER BY depth, rowid LIMIT ?`)
      .all(runId, now, limit) as FrontierEntry[];
  }

  pendingCount(runId: number): number {
    return (prepared(this.db, `SELECT COUNT(*) AS n FROM frontier WHERE state = 'pending' AND run_id = ?`).get(runId) as { n: number }).n;
  }

  /** Earliest time a deferred request of this run may go. */
  nextWake(runId: number): number | null {
    const row = prepared(this.db, `SELECT MIN(not_before) AS t FROM frontier WHERE state = 'pending' AND run_id = ?`).get(runId) as { t: number | null };
    return row.t;
  }

  done(key: string): void {
    prepared(this.db, `UPDATE frontier SET state = 'done', attempts = attempts + 1 WHERE key = ?`).run(key);
  }

  failed(key: string): void {
    prepared(this.db, `UPDATE frontier SET state = 'failed', attempts = attempts + 1 WHERE key = ?`).run(key);
  }

  /** Try again later in this run (Retry-After, backoff). */
  defer(key: string, notBefore: number): void {
    prepared(this.db, `UPDATE frontier SET attempts = attempts + 1, not_before = ? WHERE key = ?`).run(notBefore, key);
  }

  /** Put the given URLs' failed requests back for this run (`nianbao failures --retry`); returns how many. */
  requeueFailed(urls: string[], runId: number): number {
    const stmt = prepared(this.db, `UPDATE frontier SET state = 'pending', attempts = 0, not_before = 0, run_id = ? WHERE url = ? AND state = 'failed'`);
    let n = 0;
    this.db.transaction(() => {
      for (const url of urls) n += stmt.run(runId, url).changes;
    })();
    return n;
  }

  useBrowser(key: string): void {
    prepared(this.db, `UPDATE frontier SET browser = 1, state = 'pending', not_before = 0 WHERE key = ?`).run(key);
  }
}
