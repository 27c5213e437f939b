/**
 * The committed truth (manifest, expected records, portals.demo.csv, attachment files) matches the
 * code that serves the pages, and the pages show exactly the cells their expected records hold.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS } from '../../parsers/record.ts';
import { cell, grid } from '../support/servedTables.ts';
import { REPO, computeTruth, json } from './tools/write-truth.ts';
import { applicationRows, failedChecks } from './content/truth.ts';
import type { ExpectedRecord } from './content/model.ts';
import { unzipEntry } from './render/docx.ts';
import { buildPortals } from './portals/index.ts';
import type { RequestContext } from './site.ts';
import { CHALLENGE_COOKIE } from './helpers.ts';
import iconv from 'iconv-lite';

const truth = computeTruth();
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});

describe('committed truth', () => {
  it('manifest.json, portals.demo.csv and every expected record are what the code produces', () => {
    expect(read('data/demo-web/manifest.json')).toBe(json(truth.manifest));
    expect(read('data/portals.demo.csv')).toBe(truth.portalsCsv);
    const committed = files(join(REPO, 'data/demo-web/expected')).map((f) => relative(REPO, f)).sort();
    expect(committed).toEqual([...truth.expected.keys()].sort());
    for (const [path, record] of truth.expected) expect(read(path), path).toBe(json(record));
  });

  it('lists each report with an expected record whose flags agree with its own cells', () => {
    for (const p of truth.manifest.portals) {
      for (const r of p.reports) {
        const rec = truth.expected.get(r.expected) as ExpectedRecord;
        expect(rec.url).toBe(r.url);
        expect(rec.isReport).toBe(true);
        const failed = failedChecks(rec.template, rec.applications, rec.reviewLitigation);
        expect(rec.flags.includes('checks-failed'), r.url).toBe(failed.length > 0);
        if ((rec.template === '2019' || rec.template === '2021') && !rec.flags.includes('table-missing')) {
          expect(Object.keys(rec.applications).sort(), r.url).toEqual(applicationRows(rec.template).sort());
          expect(Object.keys(rec.reviewLitigation).sort()).toEqual([...REVIEW_BLOCKS].sort());
        }
        if (r.kind === 'attachment') expect(rec.flags).toContain('attachment-only');
        if (r.kind === 'image') expect(rec.flags).toContain('table-missing');
        if (p.key === 'gbk') expect(rec.flags).toContain('not-utf8');
      }
      for (const d of p.distractors) expect(truth.expected.get(d.expected)?.isReport).toBe(false);
    }
    const flags = new Set([...truth.expected.values()].flatMap((r) => r.flags));
    for (const f of ['unit-missing', 'cell-breakdown', 'table-missing', 'attachment-only', 'tampered-text', 'checks-failed', 'not-utf8']) expect(flags).toContain(f);
    const years = new Set(truth.manifest.portals.flatMap((p) => p.reports.map((r) => r.year)));
    for (let y = 2016; y <= 2025; y++) expect(years, String(y)).toContain(y);
  });

  it('keeps the seeds\' own facts (title, year, agency, index number, template) where the seed states them', () => {
    const seedsDir = join(REPO, '../shared/seeds/expected');
    if (!existsSync(seedsDir)) return;
    const mine = [...truth.expected.values()];
    for (const file of readdirSync(seedsDir)) {
      const seed = JSON.parse(readFileSync(join(seedsDir, file), 'utf8')) as Partial<ExpectedRecord>;
      const match = mine.find((r) => r.year === seed.year && r.template === seed.template && (seed.title ? r.title === seed.title : r.agency === '景德镇市陶瓷局'));
      expect(match, file).toBeTruthy();
      for (const key of ['agency', 'indexNumber', 'documentNumber'] as const) if (seed[key]) expect(match?.[key]).toBe(seed[key]);
      expect(match?.reviewLitigation).toEqual(seed.reviewLitigation);
      expect(match?.active).toEqual(seed.active);
    }
  });
});

describe('attachment files', () => {
  const vsb = truth.manifest.portals.find((p) => p.key === 'vsb');
  const attachments = vsb?.reports.flatMap((r) => r.attachments ?? []) ?? [];
  const served = new Map(buildPortals().map((p) => [p.host, p]));
  const fetchFile = (url: string) => {
    const u = new URL(url);
    const ctx: RequestContext = { method: 'GET', path: u.pathname, query: u.searchParams, headers: {}, body: Buffer.alloc(0), cookies: {}, version: 1, calendarLinked: false };
    return served.get(u.host)?.site.handle(ctx).body ?? Buffer.alloc(0);
  };

  it('are valid files of their types that carry the expected report', () => {
    expect(attachments.map((a) => a.type).sort()).toEqual(['doc', 'docx', 'pdf']);
    for (const a of attachments) {
      const body = fetchFile(a.url);
      const rec = truth.expected.get(a.expected) as ExpectedRecord;
      if (a.type === 'docx') {
        const xml = unzipEntry(body, 'word/document.xml')?.toString('utf8') ?? '';
        expect(xml).toContain(rec.title as string);
        expect(xml).toContain(`<w:t xml:space="preserve">${rec.applications.r1?.total}</w:t>`);
        expect(xml).toContain('w:vMerge');
      }
      if (a.type === 'pdf') {
        expect(body.subarray(0, 5).toString()).toBe('%PDF-');
        expect(body.subarray(-8).toString()).toContain('%%EOF');
        if (hasTool('pdftotext')) {
          const text = execFileSync('pdftotext', ['-', '-'], { input: body }).toString('utf8');
          expect(text.replace(/\s/g, '')).toContain((rec.title as string).replace(/\s/g, ''));
        }
      }
      if (a.type === 'doc') {
        expect(body.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
        expect(iconv.decode(body, 'utf16le')).toContain(rec.title as string);
      }
    }
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('served pages', () => {
  it('show exactly the 表三 and 表四 cells of their expected records, in grids of the official widths', () => {
    const portals = buildPortals();
    let checked = 0;
    for (const p of portals) {
      for (const r of p.manifest.reports.filter((x) => x.kind === 'html')) {
        const rec = truth.expected.get(r.expected) as ExpectedRecord;
        if (rec.template !== '2019' && rec.template !== '2021') continue;
        const u = new URL(r.url);
        const ctx: RequestContext = { method: 'GET', path: u.pathname, query: u.searchParams, headers: {}, body: Buffer.alloc(0), cookies: p.key === 'challenge' ? Object.fromEntries(CHALLENGE_COOKIE.split('; ').map((kv) => kv.split('=') as [string, string])) : {}, version: 1, calendarLinked: false };
        const page = p.site.handle(ctx);
        const html = p.key === 'gbk' ? iconv.decode(page.body, 'gb18030') : page.body.toString('utf8');
        const $ = load(html);
        const tables = $('table').toArray().map((t) => grid($, t)).filter((g) => g.some((row) => row.some((c) => c.includes('申请人情况') || c === '行政复议')));
        const apps = tables.find((g) => g[0]?.some((c) => c.includes('申请人情况'))) as string[][];
        const review = tables.find((g) => g[0]?.[0] === '行政复议') as string[][];
        expect(apps.every((row) => row.length === 10), r.url).toBe(true);
        const keys = applicationRows(rec.template);
        apps.slice(3).forEach((row, i) => {
          const values = row.slice(3).map(cell);
          expect(values, `${r.url} ${keys[i]}`).toEqual(APPLICANT_COLUMNS.map((c) => rec.applications[keys[i] as string]?.[c] ?? null));
        });
        expect(review.every((row) => row.length === 15)).toBe(true);
        expect(review[3]?.map(cell)).toEqual(REVIEW_BLOCKS.flatMap((b) => OUTCOME_COLUMNS.map((c) => rec.reviewLitigation[b]?.[c] ?? null)));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});
