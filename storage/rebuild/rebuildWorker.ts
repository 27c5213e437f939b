/**
 * Thread entry of rebuildThread.ts: one rebuild, its progress and then its summary posted back.
 * The parse workers are started before this thread loads the rebuild (and with it the parser), so
 * that both load at once, on different cores.
 */
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import type { RebuildOptions, RebuildProgress, RebuildSummary } from './rebuild.ts';
import { parsingThreads, startParseWorkers } from './parseWorkers.ts';

export interface RebuildTask {
  options: Omit<RebuildOptions, 'onProgress' | 'parseWorkers'>;
  port: MessagePort;
}

export type ThreadMessage = { type: 'progress'; progress: RebuildProgress } | { type: 'summary'; summary: RebuildSummary };

export default async function rebuildTask({ options, port }: RebuildTask): Promise<void> {
  const post = (m: ThreadMessage): void => port.postMessage(m);
  const parseWorkers = startParseWorkers(parsingThreads(options.workers));
  try {
    // Loaded now, while the workers start. Required, not import()ed: in a worker thread tsx compiles
    // TypeScript for require(), and Node refuses a dynamic import() of a .ts file there.
    const { rebuild } = createRequire(import.meta.url)('./rebuild.ts') as typeof import('./rebuild.ts');
    post({ type: 'summary', summary: await rebuild({ ...options, parseWorkers, onProgress: (progress) => post({ type: 'progress', progress }) }) });
  } catch (err) {
    // rebuild() stops the workers it was given; if it never ran, they are stopped here.
    await parseWorkers?.destroy().catch(() => {});
    throw err;
  } finally {
    port.close();
  }
}
