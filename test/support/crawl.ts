/** Crawling the demo web from tests: temp directories, in-process runs, and reading results back. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { crawl } from '../../crawler/crawl.ts';
import { defaultCrawlOptions, type CrawlOptions } from '../../crawler/options.ts';
import { IMPOLITE } from '../../crawler/politeness.ts';
import { parsePortalsCsv, type Portal } from '../../crawler/portals.ts';
import type { CrawlSummary } from '../../crawler/progress.ts';
import { PROJECT_ROOT } from './shared.ts';

export interface Workspace {
  dir: string;
  archiveDir: string;
  dbFile: string;
  logDir: string;
  cleanup(): void;
}

export function workspace(prefix = 'nianbao-test-'): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    archiveDir: path.join(dir, 'archive'),
    dbFile: path.join(dir, 'nianbao.db'),
    logDir: path.join(dir, 'logs'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const DEMO_PORTALS_CSV = path.join(PROJECT_ROOT, 'data/portals.demo.csv');

export function demoPortals(filter?: (p: Portal) => boolean): Portal[] {
  const { portals } = parsePortalsCsv(readFileSync(DEMO_PORTALS_CSV, 'utf8'));
  return filter ? portals.filter(filter) : portals;
}

/** Loopback only, no politeness delay (robots.txt Crawl-delay still applies). */
export function crawlDemo(ws: Workspace, proxyUrl: string, portals: Portal[], overrides: Partial<CrawlOptions> = {}): Promise<CrawlSummary> {
  return crawl(
    portals,
    defaultCrawlOptions({ archiveDir: ws.archiveDir, dbFile: ws.dbFile, logDir: ws.logDir, proxyUrl, politeness: IMPOLITE, httpConcurrency: 8, ...overrides }),
  );
}

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in a child process without blocking this one (the demo web it talks to is served from
 * this process, so spawnSync would deadlock).
 */
export function runCli(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/nianbao.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nianbao ${args.join(' ')} timed out`));
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The demo portals reachable without Chromium: every HTTP behaviour, fast. */
export const HTTP_PORTALS = (p: { homepage: string }): boolean => !/demo-county|demo-province/.test(p.homepage);

/** A portal list file with only the HTTP portals, for CLI runs. */
export function httpPortalsCsv(dir: string): string {
  const file = path.join(dir, 'portals.csv');
  const [header, ...rows] = readFileSync(DEMO_PORTALS_CSV, 'utf8').trim().split('\n');
  writeFileSync(file, [header, ...rows.filter((l) => HTTP_PORTALS({ homepage: l }))].join('\n') + '\n');
  return file;
}
