/**
 * `rebuild()` on a thread of its own, with a young generation sized for it. The writing thread
 * parses too (parseThreads.ts), and the records it holds until their turn to be written outlive
 * V8's default young generation: they were copied into the old one, at a cost that varied from run
 * to run by up to a tenth of the rebuild's time (measured: 280–810 MB promoted over 5,000
 * snapshots). On a thread, unlike the process's main one, the size can be set. Progress and the
 * summary come back over a message port.
 */
import { MessageChannel } from 'node:worker_threads';
import { tsWorkerPool } from '../workerPool.ts';
import { stopClock, type RebuildOptions, type RebuildProgress, type RebuildSummary } from './rebuild.ts';
import type { RebuildTask, ThreadMessage } from './rebuildWorker.ts';

/** Young generation (three semi-spaces) of the writing thread, in MB: 64 MB semi-spaces. */
const YOUNG_GENERATION_MB = 192;

/** The summary's time and rate are the whole call's, the thread's start (loading the parser) included. */
export async function rebuildOnThread(options: Omit<RebuildOptions, 'parseWorkers'>): Promise<RebuildSummary> {
  const started = Date.now();
  const { onProgress, ...rest } = options;
  const pool = tsWorkerPool(new URL('./rebuildWorker.ts', import.meta.url), 1, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const { port1, port2 } = new MessageChannel();
  // Progress and then the summary come over one port, in order: no progress line after the end.
  const summary = new Promise<RebuildSummary>((resolve) =>
    port1.on('message', (m: ThreadMessage) => (m.type === 'summary' ? resolve(m.summary) : onProgress?.(m.progress))),
  );
  try {
    const task: RebuildTask = { options: rest, port: port2 };
    // Resolves once the thread has posted the summary; rejects with the rebuild's error.
    await pool.run(task, { transferList: [port2] });
    const done = await summary;
    stopClock(done, started);
    return done;
  } finally {
    port1.close();
    await pool.destroy();
  }
}
