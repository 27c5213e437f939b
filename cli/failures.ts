/** `nianbao failures` (and `nianbao retry`): what failed, where and why; fetch the open ones again. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { retryFailures } from '../crawler/retry.ts';
import { defaultCrawlOptions } from '../crawler/options.ts';
import { readPortals } from '../crawler/portals.ts';
import { POLITE } from '../crawler/politeness.ts';
import { openDatabase } from '../storage/db.ts';
import { failureGroups, type FailureFilter, type FailureGroup } from '../storage/failures.ts';
import { LockHeldError } from '../storage/lock.ts';
import { EXIT, UserError } from './exit.ts';

interface FailureFlags {
  db: string;
  archive: string;
  logs: string;
  portals: string;
  since?: string;
  portal?: string;
  host?: string;
  class?: string;
  status?: string;
  json?: boolean;
  retry?: boolean;
  proxy?: string;
}

const CLASSES = ['dns', 'timeout', 'reset', 'tls', 'http-4xx', 'http-5xx', 'challenge', 'robots', 'too-large', 'decode', 'parse', 'redirect', 'network'];

function filterOf(flags: FailureFlags): FailureFilter {
  if (flags.class && !CLASSES.includes(flags.class)) throw new UserError(`--class: one of ${CLASSES.join(', ')}`, EXIT.usage);
  if (flags.since && Number.isNaN(Date.parse(flags.since))) throw new UserError(`--since: cannot read the date "${flags.since}"`, EXIT.usage);
  const status = flags.status === undefined ? undefined : Number(flags.status);
  if (status !== undefined && !Number.isInteger(status)) throw new UserError(`--status: expected an HTTP status code`, EXIT.usage);
  return { since: flags.since ? new Date(flags.since).toISOString() : undefined, portal: flags.portal, host: flags.host, errorClass: flags.class, status };
}

function table(groups: FailureGroup[]): string {
  if (!groups.length) return 'no failures';
  const lines: string[] = [];
  for (const state of ['open', 'recovered'] as const) {
    const of = groups.filter((g) => g.state === state);
    if (!of.length) continue;
    lines.push(`${state === 'open' ? 'OPEN' : 'RECOVERED (later fetched fine)'}: ${of.reduce((n, g) => n + g.urls, 0)} URLs`);
    for (const g of of) {
      lines.push(`  ${g.host}  ${g.errorClass}${g.status ? ` ${g.status}` : ''}  ${g.urls} URLs, ${g.attempts} attempts, ${g.firstSeen.slice(0, 19)} .. ${g.lastSeen.slice(0, 19)}`);
      if (g.lastError) lines.push(`    last error: ${g.lastError}`);
      for (const u of g.examples) lines.push(`    e.g. ${u}`);
    }
  }
  return lines.join('\n');
}

async function retry(flags: FailureFlags, filter: FailureFilter): Promise<void> {
  if (!existsSync(flags.portals)) throw new UserError(`portal list ${flags.portals} not found (needed to know the failed URLs' portals)`);
  const { portals } = await readPortals(flags.portals);
  let result;
  try {
    result = await retryFailures(portals, defaultCrawlOptions({ archiveDir: flags.archive, dbFile: flags.db, logDir: flags.logs, proxyUrl: flags.proxy ?? null, politeness: POLITE }), filter);
  } catch (err) {
    if (err instanceof LockHeldError) throw new UserError(err.message, EXIT.locked);
    throw err;
  }
  if (flags.json) process.stdout.write(JSON.stringify(result, null, 1) + '\n');
  else {
    process.stdout.write(result.retried ? `retried ${result.retried} URLs: ${result.recovered.length} recovered, ${result.stillFailing.length} still failing\n` : 'no open failures to retry\n');
    for (const u of result.recovered) process.stdout.write(`  recovered ${u}\n`);
    for (const u of result.stillFailing) process.stdout.write(`  still failing ${u}\n`);
  }
}

function addOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'SQLite database', 'data/nianbao.db')
    .option('--archive <dir>', 'WARC archive directory (for --retry)', 'data/archive')
    .option('--logs <dir>', 'JSON-lines logs (for --retry)', 'data/logs')
    .option('--portals <file>', 'portal list (for --retry)', 'data/portals.csv')
    .option('--since <date>', 'only failures at or after this date')
    .option('--portal <id>', 'only this portal')
    .option('--host <host>', 'only this host')
    .option('--class <class>', `only this error class (${CLASSES.join(', ')})`)
    .option('--status <code>', 'only this HTTP status')
    .option('--proxy <url>', 'send retried requests through this HTTP proxy')
    .option('--json', 'machine-readable output');
}

export function registerFailures(program: Command): void {
  const run = async (flags: FailureFlags): Promise<void> => {
    if (!existsSync(flags.db)) throw new UserError(`database ${flags.db} not found`);
    const filter = filterOf(flags);
    if (flags.retry) return retry(flags, filter);
    const db = openDatabase(flags.db);
    const groups = failureGroups(db, filter);
    db.close();
    process.stdout.write((flags.json ? JSON.stringify(groups, null, 1) : table(groups)) + '\n');
  };
  addOptions(program.command('failures').description('List fetch failures grouped by portal/host, error class and status (open and recovered)'))
    .option('--retry', 'fetch the open failures again now, politely, and report what recovered')
    .addHelpText('after', '\nA failure is open while the URL\'s latest attempt failed, recovered once a later attempt succeeded.\nThe fetch log is also written as JSON lines in <logs>/fetches-YYYY-MM-DD.jsonl (see README).')
    .action(run);
  addOptions(program.command('retry').description('Same as `failures --retry`: fetch the open failures again')).action((flags: FailureFlags) => run({ ...flags, retry: true }));
}
