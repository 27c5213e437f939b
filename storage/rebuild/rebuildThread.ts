/**
 * `rebuild()` on a thread of its own, with a young generation sized for it. The writing thread
 * parses too (parseThreads.ts), and the records it holds until their turn to be written outlive
 * V8's default young generation: they were copied into the old one, at a cost that varied from run
 * to run by up to a tenth of the rebuild's time (measured: 280–810 MB promoted over 5,000
 * snapshots). On a thread, unlike the process's main one, the size can be set. Progress comes back
 * over a message port.
 */
import { MessageChannel } from 'node:worker_threads';
import { tsWorkerPool } from '../workerPool.ts';
import { stopClock, type RebuildOptions, type RebuildProgress, type RebuildSummary } from './rebuild.ts';
import type { RebuildTask } from './rebuildWorker.ts';

/** Young generation (three semi-spaces) of the writing thread, in MB: 64 MB semi-spaces. */
const YOUNG_GENERATION_MB = 192;

/** The summary's time and rate are the whole call's, the thread's start (loading the parser) included. */
export async function rebuildOnThread(options: RebuildOptions): Promise<RebuildSummary> {
  const started = Date.now();
  const { onProgress, ...rest } = options;
  const pool = tsWorkerPool(new URL('./rebuildWorker.ts', import.meta.url), 1, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (p: RebuildProgress) => onProgress?.(p));
  try {
    const task: RebuildTask = { options: rest, progress: port2 };
    const summary = (await pool.run(task, { transferList: [port2] })) as RebuildSummary;
    stopClock(summary, started);
    return summary;
  } finally {
    port1.close();
    await pool.destroy();
  }
}
