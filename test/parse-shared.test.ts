/**
 * The user's own examples: the five seeds (flattened page text) and the real pages in ../shared
 * must parse to their expected records. Skipped, with a notice, where ../shared is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parsers/parse.ts';
import { recordDifferences } from './support/expected.ts';
import { HAS_SHARED, SHARED_DIR } from './support/shared.ts';

if (!HAS_SHARED) console.warn(`[nianbao tests] ${SHARED_DIR} not found: the tests on the shared seeds and real pages are skipped.`);

const seedsDir = path.join(SHARED_DIR, 'seeds');
const realDir = path.join(SHARED_DIR, 'real');

function realUrls(): Map<string, string> {
  const index = readFileSync(path.join(realDir, 'INDEX.tsv'), 'utf8');
  return new Map(index.split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]));
}

describe.skipIf(!HAS_SHARED)('seeds in ../shared/seeds parse to their expected records', () => {
  const seeds = HAS_SHARED ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')) : [];
  it('there are five seeds', () => expect(seeds).toHaveLength(5));
  for (const file of seeds) {
    it(file, () => {
      const record = parseReport(readFileSync(path.join(seedsDir, file)));
      const expected = JSON.parse(readFileSync(path.join(seedsDir, 'expected', file.replace(/\.txt$/, '.json')), 'utf8'));
      expect(recordDifferences(expected, record)).toEqual([]);
    });
  }

  it('seed 002 keeps its whole text, chrome removed, and flags the injected gambling brand', () => {
    const record = parseReport(readFileSync(path.join(seedsDir, '002_85b1cd000e56671f.txt')));
    expect(record.flags).toContain('tampered-text');
    expect(record.text).toContain('六、其他需要报告的事项');
    expect(record.text).not.toContain('扫一扫在手机打开当前页');
    expect(record.checks.length).toBeGreaterThan(30);
    expect(record.checks.every((c) => c.ok)).toBe(true);
  });

  it('seed 004 loses its weather line, greeting, breadcrumb, font tools and police footer', () => {
    const record = parseReport(readFileSync(path.join(seedsDir, '004_b8f27916e8f9841a.txt')));
    for (const chrome of ['天气', '欢迎光临', '当前位置', '视力保护色', '公网安备', '[来源']) expect(record.text).not.toContain(chrome);
    expect(record.text).toContain('五、政府信息公开工作存在的主要问题及改进措施');
  });

  it('seed 003 drops its login widget', () => {
    const record = parseReport(readFileSync(path.join(seedsDir, '003_81dd061a659bf16a.txt')));
    for (const chrome of ['用户登录', '还没有账号', '立即注册']) expect(record.text).not.toContain(chrome);
  });
});

describe.skipIf(!HAS_SHARED)('real pages in ../shared/real parse to their expected records', () => {
  const pages = HAS_SHARED ? readdirSync(realDir).filter((f) => f.endsWith('.html')) : [];
  const urls = HAS_SHARED ? realUrls() : new Map<string, string>();
  for (const file of pages) {
    it(file, () => {
      const name = file.replace(/\.html$/, '');
      const record = parseReport(readFileSync(path.join(realDir, file)), { url: urls.get(name) ?? null });
      const expected = JSON.parse(readFileSync(path.join(realDir, `${name}.json`), 'utf8'));
      expect(recordDifferences(expected, record)).toEqual([]);
    });
  }

  it('the pingtan page keeps the report and drops the portal around it', () => {
    const record = parseReport(readFileSync(path.join(realDir, 'pingtan_2023.html')));
    expect(record.text.startsWith('本报告根据《中华人民共和国政府信息公开条例》')).toBe(true);
    for (const chrome of ['无障碍', '分享到', '闽ICP备', '公网安备', '当前位置']) expect(record.text).not.toContain(chrome);
    expect(record.checks.every((c) => c.ok)).toBe(true);
  });
});
