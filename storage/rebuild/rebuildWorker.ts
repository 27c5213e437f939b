/** Thread entry of rebuildThread.ts: one rebuild, its progress and then its summary posted back. */
import type { MessagePort } from 'node:worker_threads';
import { rebuild, type RebuildOptions, type RebuildProgress, type RebuildSummary } from './rebuild.ts';

export interface RebuildTask {
  options: Omit<RebuildOptions, 'onProgress'>;
  port: MessagePort;
}

export type ThreadMessage = { type: 'progress'; progress: RebuildProgress } | { type: 'summary'; summary: RebuildSummary };

export default async function rebuildTask({ options, port }: RebuildTask): Promise<void> {
  const post = (m: ThreadMessage): void => port.postMessage(m);
  try {
    post({ type: 'summary', summary: await rebuild({ ...options, onProgress: (progress) => post({ type: 'progress', progress }) }) });
  } finally {
    port.close();
  }
}
