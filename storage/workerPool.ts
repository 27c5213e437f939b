/**
 * Worker threads that run this project's TypeScript (through tsx, as the CLI does), pooled by
 * piscina. Shared by the crawl's analysis and by rebuild.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';

export interface PoolOptions {
  /**
   * Tasks queued inside each worker: a worker that finishes one starts the next at once instead
   * of waiting for the (often busy) main thread to hand it over.
   */
  tasksPerWorker?: number;
  resourceLimits?: ResourceLimits;
}

export function tsWorkerPool(filename: URL, threads: number, options: PoolOptions = {}): Piscina {
  return new Piscina({
    filename: filename.href,
    // Only what workers need: the parent's own flags (--eval, --input-type…) do not apply to them.
    execArgv: ['--import', 'tsx'],
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    concurrentTasksPerWorker: options.tasksPerWorker ?? 4,
    resourceLimits: options.resourceLimits,
    // Nothing reads piscina's run and wait time histograms.
    recordTiming: false,
  });
}
