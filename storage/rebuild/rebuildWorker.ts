/** Thread entry of rebuildThread.ts: one rebuild, its progress posted back. */
import type { MessagePort } from 'node:worker_threads';
import { rebuild, type RebuildOptions, type RebuildSummary } from './rebuild.ts';

export interface RebuildTask {
  options: Omit<RebuildOptions, 'onProgress'>;
  progress: MessagePort;
}

export default async function rebuildTask({ options, progress }: RebuildTask): Promise<RebuildSummary> {
  try {
    return await rebuild({ ...options, onProgress: (p) => progress.postMessage(p) });
  } finally {
    progress.close();
  }
}
