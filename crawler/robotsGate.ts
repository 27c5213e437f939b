/**
 * robots.txt per host, fetched once a run before the host's first request (through the same
 * politeness), logged like any fetch; its Crawl-delay slows the host down.
 */
import type { FetchLog } from '../storage/fetchLog.ts';
import { parseRobots, robotsUrlFor, type RobotsRules } from './discovery/robots.ts';
import type { Fetcher } from './fetch/types.ts';
import type { Politeness } from './politeness.ts';

export class RobotsGate {
  private readonly rules = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly log: FetchLog,
    private readonly runId: number,
    private readonly obey: boolean,
    private readonly politeness: Politeness,
    private readonly userAgent = 'nianbao',
  ) {}

  private load(url: string): Promise<RobotsRules> {
    const robotsUrl = robotsUrlFor(url);
    let pending = this.rules.get(robotsUrl);
    if (!pending) {
      const host = new URL(robotsUrl).host;
      pending = this.politeness.run(host, async () => {
        const result = await this.fetcher.fetch({ key: `robots ${robotsUrl}`, url: robotsUrl, method: 'GET' });
        this.log.record({
          runId: this.runId,
          url: robotsUrl,
          portal: null,
          startedAt: result.startedAt,
          durationMs: result.durationMs,
          status: result.status,
          bytes: result.status === null ? null : result.body.length,
          errorClass: result.error?.class ?? null,
          errorMessage: result.error?.message ?? null,
          fetchedBy: 'http',
          snapshotId: null,
        });
        const rules = parseRobots(robotsUrl, { status: result.status, body: result.body.toString('utf8') }, this.userAgent);
        if (rules.crawlDelay) this.politeness.setCrawlDelay(host, rules.crawlDelay);
        return rules;
      });
      this.rules.set(robotsUrl, pending);
    }
    return pending;
  }

  async allows(url: string): Promise<boolean> {
    if (!this.obey) return true;
    if (/\/robots\.txt$/.test(new URL(url).pathname)) return true;
    return (await this.load(url)).allowed(url);
  }
}
