/**
 * The HTTP client under crawlee's HttpCrawler, against a small loopback server that answers the
 * way real portals do: compressed bodies, redirect chains and loops, slow and endless answers, and
 * the malformed headers of old servers.
 */
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../crawler/fetch/errors.ts';
import { UndiciHttpClient } from '../../crawler/fetch/undiciClient.ts';
import { startDemoWeb } from '../web/server.ts';
import { PROJECT_ROOT } from '../support/shared.ts';

const PAGE = Buffer.from('<html><head><meta charset="gb2312"></head><body>政府信息公开工作年度报告</body></html>'.repeat(40));

let server: http.Server;
let raw: net.Server;
let base = '';
let rawBase = '';
const client = new UndiciHttpClient({ connections: 4, maxBodyBytes: 64 * 1024 });

async function read(url: string, extra: Record<string, unknown> = {}): Promise<{ status: number; url: string; body: Buffer; rawHeaders: string[]; redirects: number }> {
  const res = await client.stream({ url, timeout: { request: 1500 }, ...extra });
  const chunks: Buffer[] = [];
  for await (const c of res.stream) chunks.push(c as Buffer);
  return { status: res.statusCode, url: res.url, body: Buffer.concat(chunks), rawHeaders: (res as unknown as { rawHeaders: string[] }).rawHeaders, redirects: res.redirectUrls.length };
}

async function failure(url: string): Promise<string> {
  try {
    await read(url);
  } catch (err) {
    return classifyError(err).class;
  }
  return 'no error';
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    if (u.pathname === '/gzip') {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'X-Powered-By': 'TRS WCM' });
      res.end(zlib.gzipSync(PAGE));
    } else if (u.pathname === '/br') {
      res.writeHead(200, { 'Content-Encoding': 'br' });
      res.end(zlib.brotliCompressSync(PAGE));
    } else if (u.pathname === '/hop') {
      const n = Number(u.searchParams.get('n'));
      res.writeHead(n > 0 ? 302 : 200, n > 0 ? { Location: `/hop?n=${n - 1}` } : {});
      res.end(n > 0 ? '' : 'landed');
    } else if (u.pathname === '/loop') {
      res.writeHead(301, { Location: '/loop' });
      res.end();
    } else if (u.pathname === '/slow') {
      setTimeout(() => res.end('late'), 4000).unref();
    } else if (u.pathname === '/endless') {
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 1)), 1);
      res.on('close', () => clearInterval(timer));
    } else if (u.pathname === '/post') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => res.end(`${req.method} ${body}`));
    } else {
      res.end(PAGE);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An old server: a control character in a header value, which strict parsers refuse.
  raw = net.createServer((socket) => {
    socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Note: a\x01b\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`));
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await client.close();
  server.close();
  raw.close();
});

describe('UndiciHttpClient', () => {
  it('hands over a compressed body decoded, with the headers as the server named them', async () => {
    const gz = await read(`${base}/gzip`);
    expect(gz.body.equals(PAGE)).toBe(true);
    expect(gz.rawHeaders).toContain('X-Powered-By');
    expect(gz.rawHeaders).toContain('Content-Encoding');
    expect((await read(`${base}/br`)).body.equals(PAGE)).toBe(true);
  });

  it('follows a redirect chain to the page and reports where it landed', async () => {
    const r = await read(`${base}/hop?n=3`);
    expect(r.body.toString()).toBe('landed');
    expect(r.redirects).toBe(3);
    expect(r.url).toBe(`${base}/hop?n=0`);
  });

  it('sends a POST body (Hanweb data-proxy lists)', async () => {
    const r = await read(`${base}/post`, { method: 'POST', body: 'col=1&webid=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.body.toString()).toBe('POST col=1&webid=2');
  });

  it('ends redirect loops, slow answers and endless bodies with their own error classes', async () => {
    expect(await failure(`${base}/loop`)).toBe('redirect');
    expect(await failure(`${base}/slow`)).toBe('timeout');
    expect(await failure(`${base}/endless`)).toBe('too-large');
  });

  it('reads a response with malformed headers through the lenient fallback client', async () => {
    const r = await read(`${rawBase}/old.html`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('hello');
  });

  it('reuses connections: many requests, few sockets', async () => {
    let sockets = 0;
    const count = (): void => void sockets++;
    server.on('connection', count);
    await Promise.all(Array.from({ length: 40 }, () => read(`${base}/page`)));
    server.off('connection', count);
    expect(sockets).toBeLessThanOrEqual(4);
  });

  it('reaches https:// portals through a proxy; a self-signed certificate fails only when verification is asked for', async () => {
    const web = await startDemoWeb();
    try {
      const url = 'https://www.demo-city.gov.cn/zwgk/zfxxgknb/index.html';
      const res = await client.stream({ url, proxyUrl: web.proxyUrl, https: { rejectUnauthorized: false } } as never);
      const chunks: Buffer[] = [];
      for await (const c of res.stream) chunks.push(c as Buffer);
      expect(res.statusCode).toBe(200);
      expect(Buffer.concat(chunks).toString()).toContain('政府信息公开年报');
      const verified = await client.stream({ url, proxyUrl: web.proxyUrl, https: { rejectUnauthorized: true } } as never).then(() => 'no error', (err: unknown) => classifyError(err).class);
      expect(verified).toBe('tls');
    } finally {
      await web.close();
    }
  });

  it('reaches an old portal that speaks only TLS 1.0 when certificates are not checked', async () => {
    const tls = path.join(PROJECT_ROOT, 'data/demo-web/tls');
    const old = https.createServer(
      { key: readFileSync(path.join(tls, 'key.pem')), cert: readFileSync(path.join(tls, 'cert.pem')), minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' },
      (_req, res) => res.end('政府信息公开'),
    );
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
    try {
      const url = `https://127.0.0.1:${(old.address() as AddressInfo).port}/nb.html`;
      const res = await client.stream({ url, https: { rejectUnauthorized: false } } as never);
      const chunks: Buffer[] = [];
      for await (const c of res.stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('政府信息公开');
    } finally {
      old.close();
    }
  });
});
