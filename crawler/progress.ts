/** Counters of a run, per portal: what the live progress line and the final summary show. */
import type { ErrorClass } from '../storage/fetchLog.ts';

export interface PortalCounters {
  fetched: number;
  newReports: number;
  changedReports: number;
  unchanged: number;
  failures: number;
  pending: number;
}

export interface Progress {
  startedAt: number;
  portals: Map<string, PortalCounters>;
  failuresByClass: Partial<Record<ErrorClass, number>>;
  newReports: number;
  changedReports: number;
  unchanged: number;
  fetched: number;
  failures: number;
  attachments: number;
  /** Plain requests answered with a JavaScript challenge: the page was fetched again through Chromium. */
  challenges: number;
}

export function newProgress(): Progress {
  return { startedAt: Date.now(), portals: new Map(), failuresByClass: {}, newReports: 0, changedReports: 0, unchanged: 0, fetched: 0, failures: 0, attachments: 0, challenges: 0 };
}

export function portalCounters(p: Progress, portal: string): PortalCounters {
  let c = p.portals.get(portal);
  if (!c) {
    c = { fetched: 0, newReports: 0, changedReports: 0, unchanged: 0, failures: 0, pending: 0 };
    p.portals.set(portal, c);
  }
  return c;
}

export type RunStatus = 'finished' | 'stopped' | 'failed';

export interface CrawlSummary {
  runId: number;
  status: RunStatus;
  resumed: boolean;
  seconds: number;
  fetched: number;
  newReports: number;
  changedReports: number;
  unchanged: number;
  attachments: number;
  challenges: number;
  failures: number;
  failuresByClass: Partial<Record<ErrorClass, number>>;
  pendingLeft: number;
  adopted: number;
  portals: Record<string, PortalCounters>;
  /** Chromium could not be started: the pages that need it were not fetched. */
  browserError?: string | null;
}

export function formatSummary(s: CrawlSummary): string {
  const lines = [
    `run ${s.runId} ${s.status}${s.resumed ? ' (resumed)' : ''} in ${s.seconds.toFixed(1)} s: ${s.fetched} fetches`,
    `  reports: ${s.newReports} new, ${s.changedReports} changed, ${s.unchanged} unchanged; attachments stored: ${s.attachments}`,
    `  failures: ${s.failures}${Object.keys(s.failuresByClass).length ? ' (' + Object.entries(s.failuresByClass).map(([k, v]) => `${k} ${v}`).join(', ') + ')' : ''}`,
  ];
  if (s.challenges) lines.push(`  ${s.challenges} pages answered a plain client with a JavaScript challenge and were fetched through Chromium`);
  if (s.browserError) lines.push(`  BROWSER: ${s.browserError}`);
  if (s.adopted) lines.push(`  recovered ${s.adopted} responses an interrupted run had stored but not indexed`);
  if (s.pendingLeft) lines.push(`  ${s.pendingLeft} requests left for the next run`);
  for (const [portal, c] of Object.entries(s.portals)) {
    lines.push(`  ${portal}: ${c.fetched} fetched, ${c.newReports} new, ${c.changedReports} changed, ${c.unchanged} unchanged, ${c.failures} failed`);
  }
  return lines.join('\n');
}

export function formatProgress(p: Progress): string {
  const secs = Math.round((Date.now() - p.startedAt) / 1000);
  const per = [...p.portals.entries()].map(([name, c]) => `${name} ${c.fetched}/${c.fetched + c.pending}${c.newReports ? ` +${c.newReports}` : ''}${c.failures ? ` !${c.failures}` : ''}`);
  return `[${secs}s] ${p.fetched} fetched, ${p.newReports} new reports, ${p.failures} failures | ${per.join(' | ')}`;
}
