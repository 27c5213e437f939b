/**
 * Writes the committed truth of the demo web from the code that serves it:
 *   data/demo-web/manifest.json, data/demo-web/expected/<host>/<path>.json, data/portals.demo.csv
 *   node --import tsx test/web/tools/write-truth.ts
 * test/web/truth.test.ts fails when these files and the served pages drift apart.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPortals } from '../portals/index.ts';
import { buildManifest } from '../manifest.ts';
import type { Manifest } from '../manifest.ts';
import { CONTROL_HOST } from '../control.ts';
import type { ExpectedRecord } from '../content/model.ts';

export const REPO = join(import.meta.dirname, '../../..');

export interface Truth {
  manifest: Manifest;
  expected: Map<string, ExpectedRecord>;
  portalsCsv: string;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function computeTruth(): Truth {
  const portals = buildPortals();
  const manifest = buildManifest(portals.map((p) => p.manifest), CONTROL_HOST);
  const expected = new Map<string, ExpectedRecord>();
  for (const p of portals) for (const [path, record] of p.expected) expected.set(path, record);
  const rows = [['name', 'level', 'region_code', 'homepage', 'report_columns', 'cms'].join(',')];
  for (const p of manifest.portals) {
    rows.push([p.name, p.level, p.regionCode, p.homepage, p.reportColumns.join(' '), p.cms].map(csvCell).join(','));
  }
  return { manifest, expected, portalsCsv: `${rows.join('\n')}\n` };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

function main(): void {
  const truth = computeTruth();
  const expectedDir = join(REPO, 'data/demo-web/expected');
  rmSync(expectedDir, { recursive: true, force: true });
  for (const [path, record] of truth.expected) {
    const file = join(REPO, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json(record));
  }
  writeFileSync(join(REPO, 'data/demo-web/manifest.json'), json(truth.manifest));
  writeFileSync(join(REPO, 'data/portals.demo.csv'), truth.portalsCsv);
  console.log(`manifest: ${JSON.stringify(truth.manifest.counts)}; ${truth.expected.size} expected records`);
}

if (process.argv[1]?.endsWith('write-truth.ts')) main();
