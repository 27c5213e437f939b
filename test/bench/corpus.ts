/**
 * The benchmark corpus: every HTML report page the repository holds (parser fixtures, the demo
 * web's report pages) plus ../shared/real when present, repeated until the corpus is large enough.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, SHARED_DIR } from '../support/shared.ts';
import { benchSite } from '../web/portals/bench.ts';

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return /\.html?$/.test(name) ? [full] : [];
  });
}

export interface CorpusPage {
  file: string;
  bytes: Buffer;
}

/** The bench portal's report pages (composed in the official formats, served by the demo web). */
function benchPages(n: number): CorpusPage[] {
  const site = benchSite(n, { cachePages: 0 });
  return Array.from({ length: n }, (_, i) => ({ file: site.manifest.reports[i].url, bytes: site.page(i) }));
}

/** Distinct report pages (a page counts when it has a table or is long: listing pages are left out). */
export function reportPages(): CorpusPage[] {
  const files = [
    ...htmlFiles(path.join(PROJECT_ROOT, 'test/fixtures/pages')),
    ...htmlFiles(path.join(PROJECT_ROOT, 'data/demo-web')),
    ...htmlFiles(path.join(SHARED_DIR, 'real')),
  ];
  const fixtures = files
    .map((file) => ({ file, bytes: readFileSync(file) }))
    .filter((p) => p.bytes.length > 8000 && /<table/i.test(p.bytes.toString('latin1')));
  return [...fixtures, ...benchPages(200)];
}

export function repeatTo<T>(items: T[], n: number): T[] {
  if (!items.length) throw new Error('benchmark corpus is empty');
  return Array.from({ length: Math.max(n, items.length) }, (_, i) => items[i % items.length]);
}
