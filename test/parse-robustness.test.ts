/** Bad input gets a clear error or a record of what could be read: never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import { UnparseableDocumentError } from '../parsers/errors.ts';
import { parseReport } from '../parsers/parse.ts';

function reportPage(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2022年政府信息公开工作年度报告_信息公开年报</title></head>
<body><div class="header">首页 | 政务公开</div><div id="zoom"><div class="TRS_Editor">
<p>某县2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>${'2022年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。'.repeat(10)}</p>
${body}</div></div><div class="footer">某ICP备00000000号</div></body></html>`;
}

describe('bad input', () => {
  it('an empty file is a clear error', () => {
    expect(() => parseReport(new Uint8Array())).toThrow(UnparseableDocumentError);
    expect(() => parseReport(Buffer.from('  \n\t '))).toThrow(/empty document/);
  });

  it('binary junk is a clear error', () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    expect(() => parseReport(junk)).toThrow(/binary data/);
  });

  it('a truncated page gives the record of what arrived, flagged', () => {
    const full = reportPage('<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td>');
    const record = parseReport(Buffer.from(full.slice(0, full.indexOf('</body>'))));
    expect(record.isReport).toBe(true);
    expect(record.year).toBe(2022);
    expect(record.flags).toContain('truncated');
  });

  it('a 5 MB page parses in bounded time', () => {
    const paragraph = '<p>2022年，我县坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。</p>\n';
    const page = reportPage(paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph))));
    expect(Buffer.byteLength(page)).toBeGreaterThan(5 * 1024 * 1024);
    const record = parseReport(Buffer.from(page));
    expect(record.isReport).toBe(true);
    expect(record.text.length).toBeGreaterThan(1_000_000);
  });

  it('a table with 200 columns is read without confusing the extractors', () => {
    const cells = Array.from({ length: 200 }, (_, i) => `<td>${i}</td>`).join('');
    const record = parseReport(Buffer.from(reportPage(`<table><tr><td>行政许可</td>${cells}</tr><tr>${cells}</tr></table>`)));
    expect(record.isReport).toBe(true);
    expect(record.text).toContain('199');
  });

  it('a page that is not HTML nor a report still gives a record saying so', () => {
    const record = parseReport(Buffer.from('今天天气很好。\n这不是年报。'));
    expect(record.isReport).toBe(false);
    expect(record.template).toBe('unknown');
    expect(record.applications).toEqual({});
  });
});
