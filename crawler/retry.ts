/**
 * `nianbao failures --retry`: fetch the open failures again (a crawl run in retry mode: the failed
 * requests are put back, politeness as usual) and say which recovered.
 */
import { openDatabase } from '../storage/db.ts';
import { openFailures, type FailureFilter } from '../storage/failures.ts';
import { crawl } from './crawl.ts';
import type { CrawlOptions } from './options.ts';
import type { Portal } from './portals.ts';

export interface RetryResult {
  retried: number;
  recovered: string[];
  stillFailing: string[];
}

export async function retryFailures(portals: Portal[], options: CrawlOptions, filter: FailureFilter): Promise<RetryResult> {
  const db = openDatabase(options.dbFile);
  // robots.txt refusals are not failures to retry: the site asked us not to come.
  const urls = openFailures(db, filter)
    .filter((f) => f.errorClass !== 'robots' || filter.errorClass === 'robots')
    .map((f) => f.url);
  db.close();
  if (!urls.length) return { retried: 0, recovered: [], stillFailing: [] };
  await crawl(portals, { ...options, retryUrls: urls });
  const after = openDatabase(options.dbFile);
  const still = new Set(openFailures(after, {}).map((f) => f.url));
  after.close();
  return { retried: urls.length, recovered: urls.filter((u) => !still.has(u)), stillFailing: urls.filter((u) => still.has(u)) };
}
