/**
 * The parsing threads of a rebuild: `threads - 1` worker threads plus the thread that reads the
 * archive and writes the database, which parses a snapshot itself whenever the workers have all
 * the work they can queue. A writing thread that only waited would leave its core idle between
 * writes; one more worker would fight it for the core instead (on two cores, measured, about 8%
 * slower). So N threads parse on N cores, and the writes fit in between. Nor is there a warm-up:
 * while the workers load the parser, their queues fill and the writing thread parses.
 */
import parseSnapshot, { type ParseOutcome, type ParseTask } from './parseWorker.ts';
import { IN_FLIGHT_PER_WORKER, startParseWorkers, type ParseWorkers } from './parseWorkers.ts';

export class ParseThreads {
  private readonly maxInFlight: number;
  private inFlight = 0;

  /** `pool`: the workers, if already started (parseWorkers.ts). */
  constructor(
    threads: number,
    private readonly pool: ParseWorkers = startParseWorkers(threads),
  ) {
    this.maxInFlight = pool ? (threads - 1) * IN_FLIGHT_PER_WORKER : 0;
  }

  /** Parses that may be under way at once (the workers' queues and one here). */
  get capacity(): number {
    return this.maxInFlight + 1;
  }

  /**
   * A snapshot's outcome: from a worker when one can take it; else parsed right here, the promise
   * settling on the next turn of the event loop so that finished workers' results come in.
   * `moveBody`: the body's memory is its own (an inflated WARC record) and the caller is done with
   * it, so a worker gets it without a copy (about 1.5% of a rebuild) and it is empty here after.
   */
  parse(task: ParseTask, { moveBody = false } = {}): Promise<ParseOutcome> {
    if (this.pool && this.inFlight < this.maxInFlight) {
      this.inFlight++;
      const transferList = moveBody ? [task.body.buffer as ArrayBuffer] : [];
      return (this.pool.run(task, { transferList }) as Promise<ParseOutcome>)
        .catch((err: Error): ParseOutcome => ({ record: null, error: err.message }))
        .finally(() => this.inFlight--);
    }
    const outcome = parseSnapshot(task);
    return new Promise((resolve) => setImmediate(() => resolve(outcome)));
  }

  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
