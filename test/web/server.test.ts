/** The proxy itself: routing by Host in every request form, refusal of unknown hosts, control, shutdown. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWeb } from './server.ts';
import type { DemoWeb } from './server.ts';
import { agents, get, raw } from './helpers.ts';
import type { ProxyAgent } from 'undici';
import { Agent, ProxyAgent as ProxyAgentClass } from 'undici';

let web: DemoWeb;
let tunnel: ProxyAgent;
let forward: ProxyAgent;

beforeAll(async () => {
  web = await startDemoWeb();
  ({ tunnel, forward } = agents(web.proxyUrl));
});
afterAll(async () => {
  await Promise.all([tunnel.close(), forward.close()]);
  await web.close();
});

describe('proxy routing', () => {
  it('listens on loopback with an ephemeral port and serves six portals', () => {
    expect(web.proxyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.port).toBeGreaterThan(0);
    expect(web.hosts).toHaveLength(6);
    for (const h of web.hosts) expect(h).toMatch(/\.gov\.cn$/);
  });

  it('answers absolute-URI requests (forward proxy) and CONNECT tunnels (undici default)', async () => {
    const a = await get(forward, 'http://www.demo-city.gov.cn/');
    const b = await get(tunnel, 'http://www.demo-city.gov.cn/');
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(a.text).toContain('安澜市人民政府');
    const modes = web.requests.filter((r) => r.host === 'www.demo-city.gov.cn' && r.path === '/').map((r) => r.mode);
    expect(modes).toEqual(expect.arrayContaining(['proxy', 'tunnel']));
    expect(web.requests.some((r) => r.method === 'CONNECT' && r.status === 200)).toBe(true);
  });

  it('ends TLS for https:// URLs of its own hosts inside CONNECT tunnels (self-signed test certificate)', async () => {
    const tls = new ProxyAgentClass({ uri: web.proxyUrl, requestTls: { rejectUnauthorized: false } });
    try {
      const res = await get(tls, 'https://www.demo-province.gov.cn/robots.txt');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Crawl-delay');
      expect(web.requests.some((r) => r.method === 'CONNECT' && r.path === 'www.demo-province.gov.cn:443' && r.status === 200)).toBe(true);
      expect(web.requests.at(-1)).toMatchObject({ host: 'www.demo-province.gov.cn', path: '/robots.txt', mode: 'tunnel' });
    } finally {
      await tls.close();
    }
  });

  it('answers origin-form requests by their Host header', async () => {
    const direct = new Agent();
    try {
      const res = await get(direct, `${web.proxyUrl}/index.html`, { headers: { host: 'www.demo-district.gov.cn' } });
      expect(res.status).toBe(200);
      expect(res.text).toContain('临江区');
    } finally {
      await direct.close();
    }
  });

  it('refuses unknown hosts at once, over HTTP and CONNECT, without network access', async () => {
    const started = Date.now();
    const http = await raw(web.port, 'http://www.example.com/');
    expect(http.status).toBe(502);
    await expect(get(tunnel, 'https://accounts.google.com/')).rejects.toThrow();
    await expect(get(tunnel, 'http://clients2.google.com/service/update2')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    const refused = web.requests.filter((r) => r.status === 403 || r.status === 502).map((r) => r.host);
    expect(refused).toEqual(expect.arrayContaining(['www.example.com', 'accounts.google.com', 'clients2.google.com']));
  });

  it('serves an index of the portals to a browser pointed at the proxy itself', async () => {
    const direct = new Agent();
    try {
      const res = await get(direct, `${web.proxyUrl}/`);
      expect(res.status).toBe(200);
      for (const h of web.hosts) expect(res.text).toContain(h);
    } finally {
      await direct.close();
    }
  });
});

describe('control endpoint (control.demo-web.test)', () => {
  it('adds, lists and removes faults and reads the request log from another process', async () => {
    const added = await get(forward, 'http://control.demo-web.test/faults', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 503, host: 'www.demo-city.gov.cn', path: '/zwgk/index.html', times: 1 }),
    });
    expect(added.status).toBe(201);
    const fault = JSON.parse(added.text) as { id: string };
    expect(web.faults().map((f) => f.id)).toContain(fault.id);
    const listed = JSON.parse((await get(tunnel, 'http://control.demo-web.test/faults')).text) as { id: string }[];
    expect(listed.map((f) => f.id)).toContain(fault.id);

    expect((await get(forward, 'http://www.demo-city.gov.cn/zwgk/index.html')).status).toBe(503);
    expect((await get(forward, 'http://www.demo-city.gov.cn/zwgk/index.html')).status).toBe(200);
    expect(web.faults().map((f) => f.id)).not.toContain(fault.id);

    const log = JSON.parse((await get(forward, 'http://control.demo-web.test/requests?host=www.demo-city.gov.cn')).text) as { path: string; status: number; fault: string | null }[];
    expect(log.filter((r) => r.path === '/zwgk/index.html').map((r) => [r.status, r.fault])).toEqual([[503, 'status'], [200, null]]);

    const bad = await get(forward, 'http://control.demo-web.test/faults', { method: 'POST', body: '{"kind":"meteor"}' });
    expect(bad.status).toBe(400);
    await get(forward, 'http://control.demo-web.test/faults', { method: 'POST', body: '{"kind":"latency","ms":5}' });
    expect(JSON.parse((await get(forward, 'http://control.demo-web.test/faults', { method: 'DELETE' })).text)).toEqual({ removed: 1 });
    const manifest = JSON.parse((await get(forward, 'http://control.demo-web.test/manifest')).text) as { portals: unknown[] };
    expect(manifest.portals).toHaveLength(6);
  });
});

describe('shutdown', () => {
  it('close() resolves, ends open and slow connections, and frees the port', async () => {
    const other = await startDemoWeb();
    const { tunnel: t, forward: f } = agents(other.proxyUrl);
    await get(f, 'http://www.demo-city.gov.cn/');
    await get(t, 'http://www.demo-city.gov.cn/'); // leaves a keep-alive tunnel open
    other.setFault({ kind: 'drip', path: '/', ms: 1000, bytes: 10 });
    const slow = raw(other.port, 'http://www.demo-city.gov.cn/', { timeoutMs: 10_000 });
    other.setFault({ kind: 'latency', path: '/index.html', ms: 60_000 });
    const stuck = raw(other.port, 'http://www.demo-city.gov.cn/index.html', { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await slow).ended).not.toBe('timeout');
    expect((await stuck).ended).not.toBe('timeout');
    await Promise.all([t.close(), f.close()]);
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(other.port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});
