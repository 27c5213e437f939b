/** The archive format: WARC 1.1 records, one gzip member each, read back at exactly the offsets written. */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemberError, gzipMembers } from '../storage/warc/members.ts';
import { readRecordAt, readWarcFile } from '../storage/warc/reader.ts';
import { WarcWriter, bodyDigest, type WrittenRecord } from '../storage/warc/writer.ts';
import { workspace } from './support/crawl.ts';

const ws = workspace('nianbao-warc-');
afterAll(() => ws.cleanup());

function exchange(url: string, body: Buffer) {
  return { url, method: 'GET', requestHeaders: { 'User-Agent': 'nianbao-test' }, status: 200, statusText: 'OK', responseHeaders: [['Content-Type', 'text/html; charset=gbk'], ['Content-Encoding', 'gzip']] as [string, string][], body, fetchedAt: new Date('2026-01-02T03:04:05.678Z'), frontierKey: url, kind: 'report', portal: 'p', runId: 7 };
}

describe('WARC writing and reading', () => {
  const bodies = [Buffer.from('<html>短</html>'), randomBytes(3 * 1024 * 1024), Buffer.from('<p>表</p>'.repeat(20000))];
  const written: WrittenRecord[] = [];

  it('writes response + request records and reads every one back byte-exact at its offset', async () => {
    const writer = new WarcWriter(ws.archiveDir);
    for (const [i, body] of bodies.entries()) written.push(await writer.writeResponse(exchange(`http://www.demo.gov.cn/${i}.html`, body)));
    written.push(await writer.writeRevisit(exchange('http://www.demo.gov.cn/0.html', Buffer.alloc(0)), { url: 'http://www.demo.gov.cn/0.html', date: '2026-01-01T00:00:00Z', digest: written[0].digest, recordId: written[0].recordId }));
    writer.close();
    const file = path.join(ws.archiveDir, written[0].file);
    const records = [];
    for await (const r of readWarcFile(file)) records.push(r);
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'request', 'response', 'request', 'response', 'request', 'revisit', 'request']);
    const responses = records.filter((r) => r.type === 'response');
    responses.forEach((r, i) => {
      expect([r.offset, r.length]).toEqual([written[i].offset, written[i].length]);
      expect(Buffer.compare(r.body, bodies[i])).toBe(0);
      expect(r.warcHeader('WARC-Payload-Digest')).toBe(bodyDigest(bodies[i]));
      expect(r.status).toBe(200);
    });
    const request = records[2];
    expect(request.warcHeader('Nianbao-Frontier-Key')).toBe('http://www.demo.gov.cn/0.html');
    expect(request.warcHeader('Nianbao-Run')).toBe('7');
    // The original Content-Encoding is noted; the body is stored decoded.
    expect(responses[0].httpHeaders.find(([k]) => /orig-content-encoding/i.test(k))?.[1]).toBe('gzip');
    const big = await readRecordAt(file, written[1].offset, written[1].length);
    expect(Buffer.compare(big.body, bodies[1])).toBe(0);
    expect(records[7].warcHeader('WARC-Refers-To')).toBe(written[0].recordId);
  });

  it('says where a file is cut off', () => {
    const file = path.join(ws.archiveDir, written[0].file);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, written[1].offset + 1000));
    const offsets: number[] = [];
    expect(() => {
      for (const m of gzipMembers(file)) offsets.push(m.offset);
    }).toThrow(MemberError);
    expect(offsets.at(-1)).toBeLessThan(written[1].offset);
  });
});

describe('WARC files roll at their size limit', () => {
  it('starts a new file, each with its own warcinfo record, once the limit is reached', async () => {
    const dir = path.join(ws.dir, 'rolled');
    const writer = new WarcWriter(dir, { maxFileBytes: 10_000 });
    const written: WrittenRecord[] = [];
    for (let i = 0; i < 6; i++) written.push(await writer.writeResponse(exchange(`http://www.demo.gov.cn/r${i}.html`, randomBytes(8_000))));
    writer.close();
    const files = [...new Set(written.map((w) => w.file))];
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const types = [];
      for await (const r of readWarcFile(path.join(dir, file))) types.push(r.type);
      expect(types[0]).toBe('warcinfo');
    }
  });
});
