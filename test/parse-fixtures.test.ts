/**
 * Realistic CMS pages (test/fixtures/pages: TRS, Hanweb, 集约化, UEditor, GBK, Word-exported tables,
 * notices, listings, image-only and attachment-only reports) parse to the expected records beside them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parsers/parse.ts';
import { recordDifferences } from './support/expected.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const dir = path.join(PROJECT_ROOT, 'test/fixtures/pages');
const indexFile = path.join(dir, 'INDEX.tsv');
const urls = new Map(
  existsSync(indexFile)
    ? readFileSync(indexFile, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t') as [string, string])
    : [],
);
const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));

describe('realistic CMS fixtures parse to their expected records', () => {
  it('covers both formats, GBK, notices and listings', () => {
    expect(pages.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of pages) {
    const name = file.replace(/\.html$/, '');
    it(name, () => {
      const record = parseReport(readFileSync(path.join(dir, file)), { url: urls.get(name) ?? null });
      const expected = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
      expect(recordDifferences(expected, record)).toEqual([]);
    });
  }
});

describe('what a reader checks on the fixtures', () => {
  const parse = (name: string) => parseReport(readFileSync(path.join(dir, `${name}.html`)), { url: urls.get(name) ?? null });

  it('a GBK page without any charset declaration reads as Chinese and is flagged not-utf8', () => {
    const record = parse('gbk_nometa_2020');
    expect(record.encoding).toBe('gb18030');
    expect(record.flags).toContain('not-utf8');
    expect(record.title).toMatch(/2020年.*政府信息公开工作年度报告/);
  });

  it('the TRS page keeps the report text and drops the portal chrome', () => {
    const record = parse('trs_city_2022');
    expect(record.text).toContain('一、总体情况');
    for (const chrome of ['天气', '当前位置', '字号', '扫一扫', 'ICP备', '公网安备']) expect(record.text).not.toContain(chrome);
  });

  it('a deliberately inconsistent table names the failed identity', () => {
    const record = parse('ueditor_county_2021');
    expect(record.flags).toContain('checks-failed');
    expect(record.checks.filter((c) => !c.ok).length).toBeGreaterThan(0);
  });
});
