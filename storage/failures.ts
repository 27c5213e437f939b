/**
 * Reading the fetch log for `nianbao failures`: failed attempts grouped by portal, host, error
 * class and status. A URL whose latest attempt succeeded is `recovered`; one whose latest attempt
 * failed is `open`.
 */
import type { Db } from './db.ts';

export interface FailureFilter {
  since?: string;
  portal?: string;
  host?: string;
  errorClass?: string;
  status?: number;
}

export interface FailureGroup {
  portal: string | null;
  host: string;
  errorClass: string;
  status: number | null;
  state: 'open' | 'recovered';
  attempts: number;
  urls: number;
  firstSeen: string;
  lastSeen: string;
  lastError: string | null;
  examples: string[];
}

export interface OpenFailure {
  url: string;
  portal: string | null;
  errorClass: string;
}

const EXAMPLES = 3;

function where(filter: FailureFilter): { sql: string; params: (string | number)[] } {
  const clauses = ['f.error_class IS NOT NULL'];
  const params: (string | number)[] = [];
  if (filter.since) (clauses.push('f.started_at >= ?'), params.push(filter.since));
  if (filter.portal) (clauses.push('f.portal = ?'), params.push(filter.portal));
  if (filter.host) (clauses.push('f.host = ?'), params.push(filter.host));
  if (filter.errorClass) (clauses.push('f.error_class = ?'), params.push(filter.errorClass));
  if (filter.status !== undefined) (clauses.push('f.status = ?'), params.push(filter.status));
  return { sql: clauses.join(' AND '), params };
}

/** Each URL's latest attempt decides whether its failures are open or recovered. */
const STATE = `CASE WHEN (SELECT l.error_class FROM fetches l WHERE l.url = f.url ORDER BY l.id DESC LIMIT 1) IS NULL THEN 'recovered' ELSE 'open' END`;

export function failureGroups(db: Db, filter: FailureFilter = {}): FailureGroup[] {
  const { sql, params } = where(filter);
  const rows = db
    .prepare(
      `SELECT f.portal, f.host, f.error_class AS errorClass, f.status, ${STATE} AS state, f.url, f.started_at AS time, f.error_message AS message
       FROM fetches f WHERE ${sql} ORDER BY f.id`,
    )
    .all(...params) as { portal: string | null; host: string; errorClass: string; status: number | null; state: 'open' | 'recovered'; url: string; time: string; message: string | null }[];
  const groups = new Map<string, FailureGroup & { urlSet: Set<string> }>();
  for (const r of rows) {
    const key = JSON.stringify([r.portal, r.host, r.errorClass, r.status, r.state]);
    let g = groups.get(key);
    if (!g) {
      g = { portal: r.portal, host: r.host, errorClass: r.errorClass, status: r.status, state: r.state, attempts: 0, urls: 0, firstSeen: r.time, lastSeen: r.time, lastError: null, examples: [], urlSet: new Set() };
      groups.set(key, g);
    }
    g.attempts++;
    g.lastSeen = r.time;
    g.lastError = r.message;
    if (!g.urlSet.has(r.url)) {
      g.urlSet.add(r.url);
      if (g.examples.length < EXAMPLES) g.examples.push(r.url);
    }
  }
  return [...groups.values()]
    .map(({ urlSet, ...g }) => ({ ...g, urls: urlSet.size }))
    .sort((a, b) => (a.state === b.state ? b.attempts - a.attempts : a.state === 'open' ? -1 : 1));
}

/** URLs whose latest attempt failed (matching the filter), for `--retry`. */
export function openFailures(db: Db, filter: FailureFilter = {}): OpenFailure[] {
  const { sql, params } = where(filter);
  return db
    .prepare(
      `SELECT f.url, f.portal, f.error_class AS errorClass FROM fetches f
       WHERE ${sql} AND f.id = (SELECT MAX(l.id) FROM fetches l WHERE l.url = f.url) GROUP BY f.url ORDER BY f.id`,
    )
    .all(...params) as OpenFailure[];
}
