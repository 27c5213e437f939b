/**
 * Running analyze() beside the fetching: parsing and discovery are the crawl's heaviest CPU work,
 * and on the fetching thread they would slow the fetching down. With `threads` = 0 it runs inline.
 */
import type { Piscina } from 'piscina';
import { tsWorkerPool } from '../storage/workerPool.ts';
import { analyze, type Analysis, type AnalyzeInput } from './analyze.ts';

export class Analyzer {
  private readonly pool: Piscina | null;

  constructor(threads: number) {
    this.pool = threads > 0 ? tsWorkerPool(new URL('./analyzeWorker.ts', import.meta.url), threads) : null;
  }

  run(input: AnalyzeInput): Promise<Analysis> {
    return this.pool ? (this.pool.run(input) as Promise<Analysis>) : Promise.resolve(analyze(input));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
