/** `nianbao crawl`: the nightly job. Wires the portal list, the crawl and (for --demo) the local demo web. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { crawl } from '../crawler/crawl.ts';
import { LockHeldError } from '../storage/lock.ts';
import { defaultCrawlOptions, type CrawlOptions } from '../crawler/options.ts';
import { readPortals } from '../crawler/portals.ts';
import { formatProgress, formatSummary, type Progress } from '../crawler/progress.ts';
import { IMPOLITE, POLITE } from '../crawler/politeness.ts';
import { EXIT, UserError } from './exit.ts';

interface CrawlFlags {
  portals?: string;
  demo?: boolean;
  archive?: string;
  db?: string;
  logs?: string;
  maxDuration?: string;
  delay?: string;
  perHost?: string;
  concurrency?: string;
  impolite?: boolean;
  proxy?: string;
  ignoreRobots?: boolean;
  progress?: boolean;
  json?: boolean;
}

/** `90m`, `2h`, `45s`, `600` (seconds) -> ms. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new UserError(`--max-duration: cannot read "${text}" (use e.g. 45m, 2h, 600s)`, EXIT.usage);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${name}: expected a whole number, got "${text}"`, EXIT.usage);
  return n;
}

/** Progress on stderr: one line rewritten in place on a terminal; a line a minute into a log file. */
function progressPrinter(): (p: Progress) => void {
  if (process.stderr.isTTY) return (p) => process.stderr.write(`\r\x1b[2K${formatProgress(p).slice(0, process.stderr.columns ?? 200)}`);
  let last = Date.now();
  return (p) => {
    if (Date.now() - last < 60_000) return;
    last = Date.now();
    process.stderr.write(`${formatProgress(p)}\n`);
  };
}

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('Crawl the portals: discover 年报 pages, archive every response as WARC, parse reports into SQLite')
    .option('--portals <file>', 'portal list (CSV: name, level, region_code, homepage, report_columns)', 'data/portals.csv')
    .option('--demo', 'crawl the bundled demo web (started locally on 127.0.0.1) instead of the internet; outputs go to data/demo/')
    .option('--archive <dir>', 'WARC archive directory (default data/archive, data/demo/archive with --demo)')
    .option('--db <file>', 'SQLite database (default data/nianbao.db, data/demo/nianbao.db with --demo)')
    .option('--logs <dir>', 'JSON-lines logs (default data/logs, data/demo/logs with --demo)')
    .option('--max-duration <time>', 'stop starting requests after this long (45m, 2h); the next run resumes')
    .option('--delay <ms>', `gap between two requests to one host (default ${POLITE.delayMs})`)
    .option('--per-host <n>', `requests at a time per host (default ${POLITE.perHostConcurrency})`)
    .option('--concurrency <n>', 'requests at a time over all hosts (default 16)')
    .option('--impolite', 'no delay and no per-host limit: only for local test webs')
    .option('--proxy <url>', 'send every request through this HTTP proxy')
    .option('--ignore-robots', 'do not obey robots.txt (only for your own sites)')
    .option('--no-progress', 'no progress on stderr (a line rewritten in place on a terminal, a line a minute otherwise)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Runs are incremental: listing pages are walked again, known reports are only checked with
conditional requests, unchanged bodies become WARC revisit records. A run killed at any
moment resumes on the next start. Exit codes: 0 the run worked (fetch failures are in the
summary and in 'nianbao failures'); 1 the run itself could not work (e.g. no browser);
2 usage error; 3 another crawl holds the lock.`,
    )
    .action(async (flags: CrawlFlags) => {
      const demo = flags.demo === true;
      const base = demo ? 'data/demo' : 'data';
      const portalsFile = demo ? 'data/portals.demo.csv' : (flags.portals ?? 'data/portals.csv');
      if (!existsSync(portalsFile)) throw new UserError(`portal list ${portalsFile} not found`);
      const { portals, errors } = await readPortals(portalsFile);
      for (const e of errors) process.stderr.write(`nianbao: ${portalsFile}:${e.line}: ${e.message} (row skipped)\n`);
      if (!portals.length) throw new UserError(`${portalsFile}: no usable portal rows`);

      const web = demo ? await (await import('../test/web/server.ts')).startDemoWeb() : null;
      const politeness = flags.impolite ? IMPOLITE : { ...POLITE, ...(demo ? { delayMs: 50 } : {}) };
      const options: CrawlOptions = defaultCrawlOptions({
        archiveDir: flags.archive ?? `${base}/archive`,
        dbFile: flags.db ?? `${base}/nianbao.db`,
        logDir: flags.logs ?? `${base}/logs`,
        maxDurationMs: flags.maxDuration ? parseDuration(flags.maxDuration) : null,
        politeness: {
          ...politeness,
          delayMs: positiveInt('--delay', flags.delay) ?? politeness.delayMs,
          perHostConcurrency: positiveInt('--per-host', flags.perHost) ?? politeness.perHostConcurrency,
        },
        httpConcurrency: positiveInt('--concurrency', flags.concurrency) ?? 16,
        proxyUrl: web?.proxyUrl ?? flags.proxy ?? null,
        obeyRobots: !flags.ignoreRobots,
        onProgress: flags.progress === false ? undefined : progressPrinter(),
      });
      if (demo) process.stderr.write(`demo web serving ${web!.hosts.length} portals through ${web!.proxyUrl}\n`);
      try {
        const summary = await crawl(portals, options);
        if (options.onProgress && process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write((flags.json ? JSON.stringify(summary, null, 1) : formatSummary(summary)) + '\n');
        process.stdout.write(`archive: ${options.archiveDir}  database: ${options.dbFile}  logs: ${options.logDir}\n`);
        // Pages that need Chromium were left out: the run could not do all of its work.
        if (summary.browserError) process.exitCode = EXIT.inputFailed;
      } catch (err) {
        if (err instanceof LockHeldError) throw new UserError(err.message, EXIT.locked);
        throw new UserError(`crawl failed: ${(err as Error).message}`);
      } finally {
        await web?.close();
      }
    });
}
