/** The parser's building blocks on the cases real pages throw at them. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../parsers/checks.ts';
import { isReportTitle } from '../parsers/classify.ts';
import { parseDate } from '../parsers/dates.ts';
import { decodeDocument } from '../parsers/decode.ts';
import { tableGrid } from '../parsers/html/grid.ts';
import { findFirst, parseHtml } from '../parsers/html/dom.ts';
import { parseNumber } from '../parsers/numbers.ts';
import type { ApplicationRow, ApplicationsTable } from '../parsers/record.ts';
import { findTampering } from '../parsers/tampering.ts';

describe('cell numbers', () => {
  it.each([
    ['增145', 145], ['减6', -6], ['+123', 123], ['-5', -5], ['１２３', 123], ['1,234', 1234], ['18651.06', 18651.06],
    [' 0 ', 0], ['', null], ['/', null], ['—', null], ['-', null], ['无', null], ['\u00a0', null],
  ])('%j -> %j', (text, value) => expect(parseNumber(text)?.value).toBe(value));

  it('keeps the unit printed in the cell', () => {
    expect(parseNumber('251000元')).toEqual({ value: 251000, unit: '元' });
    expect(parseNumber('63014.23万元')).toEqual({ value: 63014.23, unit: '万元' });
  });

  it('is undefined for labels', () => expect(parseNumber('行政许可')).toBeUndefined());
});

describe('dates', () => {
  it.each([
    ['2020年03月05日', '2020-03-05'], ['2024-01-15', '2024-01-15'], ['2024-03-08 15:34', '2024-03-08'],
    ['2024/3/8', '2024-03-08'], ['２０２４年１月２５日', '2024-01-25'],
  ])('%s -> %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['20161230日', '2021926', '2021-02-30', '2021-13-01', ''])('garbled %j -> null', (text) => expect(parseDate(text)).toBeNull());
});

describe('decoding', () => {
  const page = '<html><head><title>年度报告</title></head><body><p>长治市人民政府2019年政府信息公开工作年度报告</p></body></html>';

  it('detects GBK bytes with no charset anywhere', () => {
    const doc = decodeDocument(iconv.encode(page, 'gbk'));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toContain('长治市人民政府');
  });

  it('uses a gb2312 meta and decodes it as GB18030 (its superset)', () => {
    const bytes = iconv.encode(page.replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb18030');
    expect(decodeDocument(bytes).text).toContain('政府信息公开工作年度报告');
  });

  it('overrides a utf-8 label on GBK bytes', () => {
    const doc = decodeDocument(iconv.encode(page, 'gbk'), 'text/html; charset=utf-8');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toContain('长治市');
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', () => {
    expect(decodeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)])).text).toBe(page);
    expect(decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')])).text).toBe(page);
  });

  it('tells text from HTML', () => {
    expect(decodeDocument(Buffer.from(page)).kind).toBe('html');
    expect(decodeDocument(Buffer.from('一、总体情况\n规章 | 0 | 0 |')).kind).toBe('text');
  });

  it.each([
    ['%PDF-1.7\n...', /PDF/],
    ['PK\u0003\u0004....word/document.xml', /DOCX/],
  ])('names attachment types it does not parse yet', (head, re) => {
    expect(() => decodeDocument(Buffer.from(head, 'latin1'))).toThrow(re);
  });
});

describe('table grid', () => {
  it('expands rowspan and colspan as the 2021 表三 header uses them', () => {
    const doc = parseHtml(`<table>
      <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为…）</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>
      <tr><td colspan="2">（二）部分公开</td><td>0</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
    </table>`);
    const grid = tableGrid(findFirst(doc, (el) => el.name === 'table')!);
    expect(grid.width).toBe(10);
    const header3 = grid.rows[2].cells.filter((c) => !c.inherited);
    expect(header3.map((c) => [c.text, c.col])).toEqual([['商业 企业', 4], ['科研 机构', 5], ['社会公益组织', 6], ['法律服务机构', 7], ['其他', 8]]);
    const partial = grid.rows[4].cells;
    expect(partial[0]).toMatchObject({ text: '三、本年度办理结果', col: 0, inherited: true });
    expect(partial.find((c) => c.col === 4)?.text).toBe('');
  });

  it('clamps hostile spans', () => {
    const doc = parseHtml('<table><tr><td colspan="99999999" rowspan="99999">x</td></tr><tr><td>y</td></tr></table>');
    const grid = tableGrid(findFirst(doc, (el) => el.name === 'table')!);
    expect(grid.width).toBeLessThanOrEqual(2000);
    expect(grid.rows).toHaveLength(2);
  });
});

function row(values: number[]): ApplicationRow {
  const [natural, commercial, research, nonprofit, legal, other, total] = values;
  return { natural, commercial, research, nonprofit, legal, other, total };
}

/** A consistent 2021 表三: 10 new + 1 carried = 9 handled + 2 carried over. */
function consistentApplications(): ApplicationsTable {
  const zero = row([0, 0, 0, 0, 0, 0, 0]);
  const t: ApplicationsTable = {};
  for (const k of ['r3.3.1', 'r3.3.2', 'r3.3.3', 'r3.3.4', 'r3.3.5', 'r3.3.6', 'r3.3.7', 'r3.3.8', 'r3.4.2', 'r3.4.3', 'r3.5.1', 'r3.5.2', 'r3.5.3', 'r3.5.4', 'r3.5.5', 'r3.6.1', 'r3.6.2', 'r3.6.3']) t[k] = zero;
  t.r1 = row([8, 2, 0, 0, 0, 0, 10]);
  t.r2 = row([1, 0, 0, 0, 0, 0, 1]);
  t['r3.1'] = row([5, 1, 0, 0, 0, 0, 6]);
  t['r3.2'] = row([1, 0, 0, 0, 0, 0, 1]);
  t['r3.4.1'] = row([1, 1, 0, 0, 0, 0, 2]);
  t['r3.7'] = row([7, 2, 0, 0, 0, 0, 9]);
  t.r4 = row([2, 0, 0, 0, 0, 0, 2]);
  return t;
}

describe('arithmetic checks (勾稽关系)', () => {
  it('passes every identity of a consistent table', () => {
    const checks = runChecks(consistentApplications(), { review: { upheld: 5, corrected: 4, other: 3, pending: 0, total: 12 } }, '2021');
    expect(checks.filter((c) => c.id === 'applications.balance')).toHaveLength(7);
    expect(checks.filter((c) => c.id === 'applications.rowTotal')).toHaveLength(25);
    expect(checks.filter((c) => c.id === 'applications.outcomeTotal')).toHaveLength(7);
    expect(checks.filter((c) => c.id === 'reviewLitigation.total')).toHaveLength(1);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('reports each broken identity with its scope and figures', () => {
    const t = consistentApplications();
    t.r1 = row([9, 2, 0, 0, 0, 0, 10]); // natural column no longer balances, and the row total is off
    const checks = runChecks(t, { litigationDirect: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 } }, '2021');
    const failed = checks.filter((c) => !c.ok).map((c) => `${c.id}:${c.scope}`);
    expect(failed).toEqual(['applications.balance:natural', 'applications.rowTotal:r1', 'reviewLitigation.total:litigationDirect']);
    expect(checks.find((c) => c.scope === 'r1')?.detail).toBe('sum of columns 11 != total 10');
  });

  it('skips an identity with an empty operand instead of failing it', () => {
    const t = consistentApplications();
    t.r1 = { ...row([8, 2, 0, 0, 0, 0, 10]), total: null };
    const checks = runChecks(t, {}, '2021');
    expect(checks.find((c) => c.scope === 'r1')).toBeUndefined();
    expect(checks.find((c) => c.id === 'applications.balance' && c.scope === 'total')).toBeUndefined();
  });
});

describe('report titles and spam', () => {
  it.each([
    ['长治市人民政府2019年政府信息公开工作年度报告', true],
    ['2023年度政府信息公开工作年度报告', true],
    ['关于做好2023年度政府信息公开工作年度报告编制发布工作的通知', false],
    ['关于2022年度企业年度报告公示工作的通知', false],
    ['2022年统计年报', false],
    ['政府信息公开年报', false],
    ['图解：XX区2022年政府信息公开工作年度报告', false],
  ])('%s -> %s', (title, expected) => expect(isReportTitle(title)).toBe(expected));

  it('finds gambling brands and spam phrasing but not a report on lottery funds', () => {
    expect(findTampering('长沙市芙蓉区凯发一触即发门户网站')).toBe('凯发');
    expect(findTampering('XX区皇冠体育官网入口')).not.toBeNull();
    expect(findTampering('体育彩票公益金使用情况；严厉打击赌博违法犯罪')).toBeNull();
  });
});

describe('report titles as portals really write them', () => {
  it.each([
    ['伊宁县政府信息公开工作2023年度报告', true],
    ['某局2022年政务信息公开工作开展年度报告', true],
    ['召开2023年度政府信息公开工作年度报告编制培训会', false],
  ])('%s -> %s', (title, expected) => expect(isReportTitle(title)).toBe(expected));
});

describe('agency and year from titles as portals write them', () => {
  const page = (title: string) =>
    Buffer.from(`<html><head><meta name="ArticleTitle" content="${title}"></head><body><div id="zoom"><p>一、总体情况</p><p>${'本机关认真贯彻落实《条例》。'.repeat(30)}</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p></div></body></html>`);
  it.each([
    ['长治市人民政府2019年政府信息公开工作年度报告', '长治市人民政府', 2019],
    ['2016年下陆区政府信息公开工作年度报告', '下陆区', 2016],
    ['某县人民政府办公室关于2023年度政府信息公开工作年度报告', '某县人民政府办公室', 2023],
    ['某区政府信息公开工作年度报告（2023年）', '某区', 2023],
    ['某市2022年政务公开工作年度报告', '某市', 2022],
  ])('%s -> %s, %d', async (title, agency, year) => {
    const { parseReport } = await import('../parsers/parse.ts');
    const record = parseReport(page(title));
    expect([record.agency, record.year]).toEqual([agency, year]);
  });
});

describe('choosing the title among what a page offers', () => {
  const body = `<p>一、总体情况</p><p>${'本机关认真贯彻落实《条例》。'.repeat(30)}</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p>`;
  it('prefers a titled report over an ArticleTitle that is only the column name', async () => {
    const { parseReport } = await import('../parsers/parse.ts');
    const html = `<html><head><title>某县2023年政府信息公开工作年度报告_政府信息公开年报</title><meta name="ArticleTitle" content="政府信息公开年报"></head><body><div id="zoom">${body}</div></body></html>`;
    const record = parseReport(Buffer.from(html));
    expect([record.title, record.year, record.agency]).toEqual(['某县2023年政府信息公开工作年度报告', 2023, '某县']);
  });
  it('prefers the heading the <title> agrees with over a related report in the sidebar', async () => {
    const { parseReport } = await import('../parsers/parse.ts');
    const html = `<html><head><title>某县2023年政府信息公开工作年度报告-某县人民政府</title></head><body>
      <div class="side"><div class="related-title">某县2022年政府信息公开工作年度报告</div></div>
      <h1 class="article-title">某县2023年政府信息公开工作年度报告</h1><div id="zoom">${body}</div></body></html>`;
    expect(parseReport(Buffer.from(html)).year).toBe(2023);
  });
});
