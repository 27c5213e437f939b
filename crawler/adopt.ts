/**
 * Adopting what an interrupted run stored but did not index (see recover.ts): each orphaned
 * exchange goes through the pipeline exactly as if it had just been fetched.
 */
import type { FrontierEntry } from '../storage/frontier.ts';
import type { SnapshotRow } from '../storage/snapshots.ts';
import { archivedBody, type PortalContext, type ResponsePipeline, type Stores } from './pipeline.ts';
import { findOrphans } from './recover.ts';
import type { FetchResult } from './fetch/types.ts';
import type { Progress } from './progress.ts';

export async function adoptOrphans(stores: Stores, pipeline: ResponsePipeline, contexts: Map<string, PortalContext>, progress: Progress): Promise<number> {
  const { orphans } = await findOrphans(stores.archiveDir, stores.snapshots.indexedEnds());
  let adopted = 0;
  for (const { file, response, request } of orphans) {
    const key = request?.warcHeader('Nianbao-Frontier-Key');
    const entry = key ? (stores.frontier.get(key) as FrontierEntry | undefined) : undefined;
    const ctx = entry ? contexts.get(entry.portal) : undefined;
    if (!entry || !ctx) continue;
    const digest = response.warcHeader('WARC-Payload-Digest') ?? '';
    let revisitOf: SnapshotRow | null = null;
    let body = response.body;
    if (response.type === 'revisit') {
      revisitOf = stores.snapshots.original(response.url, digest) ?? null;
      if (!revisitOf) continue;
      body = await archivedBody(stores, revisitOf);
    }
    const result: FetchResult = {
      task: { key: entry.key, url: entry.url, method: entry.method, payload: entry.payload ?? undefined },
      finalUrl: response.url,
      status: response.status,
      statusText: '',
      responseHeaders: response.httpHeaders,
      body,
      requestHeaders: {},
      startedAt: new Date(response.date),
      durationMs: 0,
      fetchedBy: request?.warcHeader('Nianbao-Fetched-By') === 'browser' ? 'browser' : 'http',
    };
    const handled = await pipeline.process(entry, ctx, result, { written: { file, offset: response.offset, length: response.length, digest, recordId: response.recordId }, revisitOf, body });
    if (handled.report === 'new') progress.newReports++;
    if (handled.report === 'changed') progress.changedReports++;
    adopted++;
  }
  return adopted;
}
