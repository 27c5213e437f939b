/**
 * The opt-in benchmark portal (startDemoWeb({ benchReports: N })): a TRS column that links exactly N
 * distinct reports, pages that are the same on every start, 304s, truth computed from the rendered
 * document — and nothing of it when the option is not given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyAgent } from 'undici';
import { APPLICANT_COLUMNS, OUTCOME_COLUMNS, REVIEW_BLOCKS } from '../../parsers/record.ts';
import { cell, grid } from '../support/servedTables.ts';
import { parsePortalsCsv } from '../../crawler/portals.ts';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';
import { agents, get, raw } from './helpers.ts';
import { BENCH_HOST, benchPortalCsv, benchPortalRow, benchSite } from './portals/bench.ts';
import { applicationRows } from './content/truth.ts';
import { REPO, json } from './tools/write-truth.ts';

const N = 300;
const SAMPLES = [0, 1, 5, 57, 123, 200, 299];
let web: DemoWeb;
let http: ProxyAgent;

beforeAll(async () => {
  web = await startDemoWeb({ benchReports: N });
  http = agents(web.proxyUrl).forward;
});
afterAll(async () => {
  await http.close();
  await web.close();
});

const reportUrl = (i: number) => web.benchManifest?.reports[i]?.url as string;

describe('bench portal (benchReports: 300)', () => {
  it('is served next to the six demo portals without changing their manifest', () => {
    expect(web.hosts).toContain(BENCH_HOST);
    expect(web.hosts).toHaveLength(7);
    expect(json(web.manifest)).toBe(readFileSync(join(REPO, 'data/demo-web/manifest.json'), 'utf8'));
    const b = web.benchManifest;
    expect(b?.homepage).toBe(`http://${BENCH_HOST}/`);
    expect(b?.reportColumn).toBe(`http://${BENCH_HOST}/zwgk/zfxxgknb/index.html`);
    expect(b?.reports.map((r) => r.index)).toEqual([...Array(N).keys()]);
    expect(b?.listPages).toHaveLength(N / 20);
  });

  it('links the column from the homepage and allows everything in robots.txt', async () => {
    const home = await get(http, `http://${BENCH_HOST}/`);
    expect(home.status).toBe(200);
    expect(load(home.text)('a[href]').toArray().map((a) => a.attribs.href)).toContain('/zwgk/zfxxgknb/index.html');
    const robots = await get(http, `http://${BENCH_HOST}/robots.txt`);
    expect(robots.text).toBe('User-agent: *\nDisallow:\n');
  });

  it('has listing pages, counted only by createPageHTML(), that link exactly N distinct reports', async () => {
    const first = await get(http, web.benchManifest?.reportColumn as string);
    const count = Number(/createPageHTML\((\d+), 0, "index", "html"\)/.exec(first.text)?.[1]);
    expect(count).toBe(N / 20);
    const linked: string[] = [];
    for (let p = 0; p < count; p++) {
      const url = `http://${BENCH_HOST}/zwgk/zfxxgknb/${p === 0 ? 'index' : `index_${p}`}.html`;
      expect(url).toBe(web.benchManifest?.listPages[p]);
      const page = await get(http, url);
      expect(page.status, url).toBe(200);
      expect(page.text).toContain(`createPageHTML(${count}, ${p}, "index", "html")`);
      const hrefs = load(page.text)('ul.list a[href]').toArray().map((a) => a.attribs.href as string);
      expect(hrefs.length, url).toBe(20);
      for (const h of hrefs) expect(h).toMatch(/^\.\/\d{6}\/t\d{8}_\d+\.html$/);
      linked.push(...hrefs.map((h) => new URL(h, url).href));
    }
    expect(new Set(linked).size).toBe(N);
    expect(new Set(linked)).toEqual(new Set(web.benchManifest?.reports.map((r) => r.url)));
  });

  it('renders full reports with the official tables, whose cells are the expected record\'s', async () => {
    for (const i of SAMPLES) {
      const url = reportUrl(i);
      const res = await get(http, url);
      expect(res.status, url).toBe(200);
      expect(res.body.length, url).toBeGreaterThan(15_000);
      expect(res.body.length, url).toBeLessThan(70_000);
      const rec = web.benchExpected(i);
      expect(rec.url).toBe(url);
      expect(rec.title).toBe(web.benchManifest?.reports[i]?.title);
      expect(['2019', '2021']).toContain(rec.template);
      const $ = load(res.text);
      expect($('.TRS_Editor table').length, url).toBe(3);
      expect($('meta[name="ArticleTitle"]').attr('content')).toBe(rec.title);
      for (const marker of ['天气:', '当前位置:', 'ICP备', '扫一扫在手机打开当前页']) expect(res.text).toContain(marker);
      const tables = $('table').toArray().map((t) => grid($, t));
      const apps = tables.find((g) => g[0]?.some((c) => c.includes('申请人情况'))) as string[][];
      const keys = applicationRows(rec.template as '2019' | '2021');
      apps.slice(3).forEach((row, k) => {
        expect(row.slice(3).map(cell), `${url} ${keys[k]}`).toEqual(APPLICANT_COLUMNS.map((c) => rec.applications[keys[k] as string]?.[c] ?? null));
      });
      const review = tables.find((g) => g[0]?.[0] === '行政复议') as string[][];
      expect(review[3]?.map(cell)).toEqual(REVIEW_BLOCKS.flatMap((b) => OUTCOME_COLUMNS.map((c) => rec.reviewLitigation[b]?.[c] ?? null)));
    }
  });

  it('serves byte-identical pages on another start (and report i does not depend on N)', async () => {
    const again = await startDemoWeb({ benchReports: N });
    const http2 = agents(again.proxyUrl).tunnel;
    try {
      expect(again.benchManifest).toEqual(web.benchManifest);
      const wider = benchSite(N * 2);
      for (const i of SAMPLES) {
        const a = await get(http, reportUrl(i));
        const b = await get(http2, reportUrl(i));
        expect(b.body.equals(a.body), reportUrl(i)).toBe(true);
        expect(b.headers.etag).toBe(a.headers.etag);
        expect(wider.page(i).equals(a.body)).toBe(true);
        expect(wider.expected(i)).toEqual(web.benchExpected(i));
      }
      for (const url of web.benchManifest?.listPages.slice(0, 3) ?? []) {
        expect((await get(http2, url)).body.equals((await get(http, url)).body), url).toBe(true);
      }
    } finally {
      await http2.close();
      await again.close();
    }
  });

  it('answers conditional requests with 304, unknown paths with 404, POST with 405', async () => {
    for (const url of [reportUrl(42), web.benchManifest?.listPages[3] as string, `http://${BENCH_HOST}/`]) {
      const first = await get(http, url);
      expect(first.headers.etag, url).toMatch(/^"[0-9a-f]{20}"$/);
      expect((await get(http, url, { headers: { 'if-none-match': first.headers.etag as string } })).status, url).toBe(304);
      expect((await get(http, url, { headers: { 'if-modified-since': first.headers['last-modified'] as string } })).status, url).toBe(304);
      expect((await get(http, url, { headers: { 'if-none-match': '"0000"' } })).status, url).toBe(200);
    }
    expect(new Date((await get(http, reportUrl(42))).headers['last-modified'] as string).toISOString().slice(0, 10))
      .toBe(web.benchManifest?.reports[42]?.publishedOn);
    expect((await get(http, `http://${BENCH_HOST}/zwgk/zfxxgknb/202401/t20240101_1.html`)).status).toBe(404);
    expect((await get(http, reportUrl(7), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers the control endpoint with its manifest and expected records', async () => {
    const manifest = await get(http, 'http://control.demo-web.test/bench/manifest');
    expect(JSON.parse(manifest.text)).toEqual(web.benchManifest);
    const rec = await get(http, 'http://control.demo-web.test/bench/expected?i=17');
    expect(JSON.parse(rec.text)).toEqual(web.benchExpected(17));
    expect((await get(http, `http://control.demo-web.test/bench/expected?i=${N}`)).status).toBe(404);
  });

  it('gives a portal-list row the crawler reads, and is in no committed file', () => {
    const list = parsePortalsCsv(benchPortalCsv());
    expect(list.errors).toEqual([]);
    expect(list.portals).toHaveLength(1);
    expect(list.portals[0]).toMatchObject({ name: '安澜市统计局', level: 'department', homepage: `http://${BENCH_HOST}/`, reportColumns: [web.benchManifest?.reportColumn] });
    expect(benchPortalRow().report_columns).toBe(web.benchManifest?.reportColumn);
    expect(readFileSync(join(REPO, 'data/portals.demo.csv'), 'utf8')).not.toContain(BENCH_HOST);
  });
});

describe('default demo web', () => {
  it('has no bench host: it is refused like any unknown host', async () => {
    const plain = await startDemoWeb();
    const { tunnel } = agents(plain.proxyUrl);
    try {
      expect(plain.hosts).not.toContain(BENCH_HOST);
      expect(plain.benchManifest).toBeNull();
      expect(() => plain.benchExpected(0)).toThrow(/benchReports/);
      expect((await raw(plain.port, `http://${BENCH_HOST}/`)).status).toBe(502);
      await expect(get(tunnel, `http://${BENCH_HOST}/zwgk/zfxxgknb/index.html`)).rejects.toThrow();
      expect((await get(tunnel, 'http://control.demo-web.test/bench/manifest')).status).toBe(404);
      expect(json(plain.manifest)).toBe(json(web.manifest));
    } finally {
      await tunnel.close();
      await plain.close();
    }
  });
});
