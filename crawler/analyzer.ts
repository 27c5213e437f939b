/**
 * Running analyze() beside the fetching: parsing and discovery are the crawl's heaviest CPU work,
 * and on the fetching thread they would slow the fetching down. With `threads` = 0 it runs inline.
 */
import { Piscina } from 'piscina';
import { analyze, type Analysis, type AnalyzeInput } from './analyze.ts';

export class Analyzer {
  private readonly pool: Piscina | null;

  constructor(threads: number) {
    this.pool =
      threads > 0
        ? new Piscina({
            filename: new URL('./analyzeWorker.ts', import.meta.url).href,
            // Workers load TypeScript through tsx, as the CLI does.
            execArgv: [...process.execArgv.filter((a) => a !== '--import' && a !== 'tsx'), '--import', 'tsx'],
            minThreads: threads,
            maxThreads: threads,
          })
        : null;
  }

  run(input: AnalyzeInput): Promise<Analysis> {
    return this.pool ? (this.pool.run(input) as Promise<Analysis>) : Promise.resolve(analyze(input));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
