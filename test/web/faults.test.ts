/** Faults trigger as configured, stop after `times`, and are logged; conditional requests get 304. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyAgent } from 'undici';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';
import { CHALLENGE_COOKIE, agents, declaredLength, get, raw } from './helpers.ts';

const CITY = 'www.demo-city.gov.cn';
const LIST = `http://${CITY}/zwgk/zfxxgknb/index.html`;
let web: DemoWeb;
let http: ProxyAgent;

beforeAll(async () => {
  web = await startDemoWeb();
  http = agents(web.proxyUrl).forward;
});
afterEach(() => {
  web.clearFaults();
});
afterAll(async () => {
  await http.close();
  await web.close();
});

const lastLog = (path: string) => web.requests.filter((r) => r.host === CITY && r.path === path).at(-1);

describe('status and latency faults', () => {
  it('delays answers by `ms`', async () => {
    web.setFault({ kind: 'latency', host: CITY, path: '/zwgk/zfxxgknb/index.html', ms: 300 });
    const started = Date.now();
    expect((await get(http, LIST)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(lastLog('/zwgk/zfxxgknb/index.html')?.fault).toBe('latency');
  });

  it('answers 500, 503 with Retry-After, 429 and 404, and stops after `times`', async () => {
    for (const [status, retry] of [[500, undefined], [503, '7'], [429, '1'], [404, undefined]] as const) {
      web.setFault({ kind: 'status', host: CITY, path: '/zwgk/zfxxgknb/*', status, times: 2, ...(status === 503 ? { retryAfter: 7 } : {}) });
      const first = await get(http, LIST);
      expect(first.status).toBe(status);
      expect(first.headers['retry-after']).toBe(retry);
      expect((await get(http, `http://${CITY}/zwgk/zfxxgknb/index_1.html`)).status).toBe(status);
      expect((await get(http, LIST)).status).toBe(200); // two applications used up: a retry recovers
      expect(web.faults()).toEqual([]);
    }
  });

  it('applies a host-wide fault to every path of that host only', async () => {
    web.setFault({ kind: 'status', host: 'www.demo-district.gov.cn', status: 503 });
    expect((await get(http, 'http://www.demo-district.gov.cn/index.html')).status).toBe(503);
    expect((await get(http, 'http://www.demo-district.gov.cn/col/col4353/index.html')).status).toBe(503);
    expect((await get(http, LIST)).status).toBe(200);
  });
});

describe('redirects', () => {
  it('sends a 301/302 chain of `hops` redirects that lands back on the page', async () => {
    web.setFault({ kind: 'redirect-chain', host: CITY, path: '/zwgk/index.html', hops: 3, times: 1 });
    let url = `http://${CITY}/zwgk/index.html`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await get(http, url);
      statuses.push(res.status);
      if (res.status < 300 || res.status >= 400) break;
      url = new URL(res.headers.location as string, url).href;
    }
    expect(statuses).toEqual([301, 302, 302, 200]);
    expect(url).toBe(`http://${CITY}/zwgk/index.html`);
  });

  it('loops A -> B -> A until `times` runs out', async () => {
    web.setFault({ kind: 'redirect-loop', host: CITY, path: '/zwgk/index.html', times: 3 });
    let url = `http://${CITY}/zwgk/index.html`;
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await get(http, url);
      if (res.status !== 302) break;
      seen.push(url);
      url = new URL(res.headers.location as string, url).href;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(2);
  });
});

describe('broken connections', () => {
  it('resets the connection', async () => {
    web.setFault({ kind: 'reset', host: CITY, path: '/zwgk/zfxxgknb/index.html', times: 2 });
    const answer = await raw(web.port, LIST);
    expect(answer.status).toBe(0);
    expect(answer.ended).toBe('reset');
    await expect(get(http, LIST)).rejects.toThrow();
    expect((await get(http, LIST)).status).toBe(200);
    expect(web.requests.filter((r) => r.fault === 'reset').map((r) => r.status)).toEqual([0, 0]);
  });

  it('truncates the body below its Content-Length and cuts the connection', async () => {
    web.setFault({ kind: 'truncate', host: CITY, path: '/zwgk/zfxxgknb/index.html', bytes: 1000, times: 2 });
    const answer = await raw(web.port, LIST);
    expect(answer.status).toBe(200);
    expect(declaredLength(answer.head)).toBeGreaterThan(1000);
    expect(answer.body.length).toBe(1000);
    await expect(get(http, LIST)).rejects.toThrow();
  });

  it('declares a Content-Length longer than the body', async () => {
    const full = (await get(http, LIST)).body.length;
    web.setFault({ kind: 'wrong-length', host: CITY, path: '/zwgk/zfxxgknb/index.html', extraLength: 300, times: 2 });
    const answer = await raw(web.port, LIST);
    expect(answer.body.length).toBe(full);
    expect(declaredLength(answer.head)).toBe(full + 300);
    expect(answer.ended).not.toBe('timeout');
    await expect(get(http, LIST)).rejects.toThrow();
    expect((await get(http, LIST)).body.length).toBe(full);
  });

  it('drips the body slowly but completely', async () => {
    const page = (await get(http, `http://${CITY}/zwgk/index.html`)).body;
    web.setFault({ kind: 'drip', host: CITY, path: '/zwgk/index.html', bytes: Math.ceil(page.length / 5), ms: 100 });
    const started = Date.now();
    const dripped = await get(http, `http://${CITY}/zwgk/index.html`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(dripped.body.equals(page)).toBe(true);
  });

  it('streams an oversized page without a Content-Length', async () => {
    web.setFault({ kind: 'oversize', host: CITY, path: '/xwzx/zwyw/index.html', bytes: 3 * 1024 * 1024 });
    const big = await get(http, `http://${CITY}/xwzx/zwyw/index.html`);
    expect(big.headers['content-length']).toBeUndefined();
    expect(big.body.length).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect(lastLog('/xwzx/zwyw/index.html')?.fault).toBe('oversize');
  });
});

describe('content faults', () => {
  it('links an endless calendar from the homepage only while the calendar fault is on', async () => {
    expect((await get(http, `http://${CITY}/`)).text).not.toContain('/calendar/');
    web.setFault({ kind: 'calendar', host: CITY });
    const home = await get(http, `http://${CITY}/`);
    expect(home.text).toContain('href="/calendar/?d=2024-01-01"');
    let url = `http://${CITY}/calendar/?d=2024-01-01`;
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const res = await get(http, url);
      expect(res.status).toBe(200);
      seen.add(url);
      url = new URL(/href="([^"]+)">后一天/.exec(res.text)?.[1] as string, url).href;
    }
    expect(seen.size).toBe(40);
    expect(url).toBe(`http://${CITY}/calendar/?d=2024-02-10`);
  });

  it('adds a report to a list and corrects a report between visits (version per path)', async () => {
    const trs = web.manifest.portals.find((p) => p.key === 'trs');
    const late = trs?.reports.find((r) => r.late);
    const corrected = trs?.reports.find((r) => r.corrected);
    expect(late && corrected).toBeTruthy();
    web.setFault({ kind: 'changing', host: CITY, path: '/zwgk/zfxxgknb/index.html' });
    web.setFault({ kind: 'changing', host: CITY, path: new URL(corrected?.url as string).pathname });
    const v1 = await get(http, LIST);
    const v2 = await get(http, LIST);
    const latePath = new URL(late?.url as string).pathname.replace('/zwgk/zfxxgknb/', './');
    expect(v1.text).not.toContain(latePath);
    expect(v2.text).toContain(latePath);
    expect(v2.headers.etag).not.toBe(v1.headers.etag);
    expect(lastLog('/zwgk/zfxxgknb/index.html')?.fault).toBe('changing');
    // A revalidation with the first version's ETag now gets the new page, not a 304.
    expect((await get(http, LIST, { headers: { 'if-none-match': v1.headers.etag as string } })).status).toBe(200);
    const before = await get(http, corrected?.url as string);
    const after = await get(http, corrected?.url as string);
    expect(before.text).not.toContain('更正');
    expect(after.text).toContain('更正');
  });
});

describe('conditional requests', () => {
  it('answers If-None-Match and If-Modified-Since with 304 on static pages of every portal', async () => {
    for (const p of web.manifest.portals) {
      const headers: Record<string, string> = p.key === 'challenge' ? { cookie: CHALLENGE_COOKIE } : {};
      const attachment = p.reports.flatMap((r) => r.attachments ?? [])[0];
      for (const url of [p.homepage, p.listPages[0] as string, p.reports[0]?.url as string, ...(attachment ? [attachment.url] : [])]) {
        const first = await get(http, url, { headers });
        expect(first.headers.etag, url).toMatch(/^"[0-9a-f]{20}"$/);
        expect(first.headers['last-modified'], url).toBeTruthy();
        const byTag = await get(http, url, { headers: { ...headers, 'if-none-match': first.headers.etag as string } });
        expect(byTag.status, url).toBe(304);
        expect(byTag.body.length).toBe(0);
        const byDate = await get(http, url, { headers: { ...headers, 'if-modified-since': first.headers['last-modified'] as string } });
        expect(byDate.status, url).toBe(304);
        const stale = await get(http, url, { headers: { ...headers, 'if-none-match': '"0000"' } });
        expect(stale.status, url).toBe(200);
      }
    }
  });
});
