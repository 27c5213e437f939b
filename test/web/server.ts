/**
 * The demo web: one HTTP server on loopback that is a forward proxy routing by Host. It answers
 * absolute-URI requests (`GET http://www.demo-city.gov.cn/ HTTP/1.1`, what crawlee, got and Chromium send
 * to an HTTP proxy), origin-form requests with a Host header, and CONNECT tunnels to port 80 of its own
 * hosts (what undici's ProxyAgent does by default) or to port 443, where TLS ends here with the
 * self-signed test certificate in data/demo-web/tls (clients must not verify it). Every other host is
 * refused at once (403/502) without touching the network — Chromium sends background traffic through
 * any proxy it is given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { TLSSocket } from 'node:tls';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket, AddressInfo } from 'node:net';
import { buildPortals } from './portals/index.ts';
import type { Portal, RequestContext, PageResponse } from './site.ts';
import { FaultRegistry, RESPONSE_FAULTS } from './faults.ts';
import type { Fault, FaultKind, FaultSpec } from './faults.ts';
import { applyResponseFault, answerRedirectPath } from './fault-responses.ts';
import { buildManifest } from './manifest.ts';
import type { Manifest } from './manifest.ts';
import { CONTROL_HOST, control } from './control.ts';
import type { RequestLogEntry } from './request-log.ts';
import { notModified, validators } from './caching.ts';
import { benchSite } from './portals/bench.ts';
import type { BenchManifest } from './portals/bench.ts';
import type { ExpectedRecord } from './content/model.ts';

export interface DemoWebOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Keep at most this many log entries (oldest dropped); default 200000. */
  maxLogEntries?: number;
  /**
   * Also serve the benchmark portal www.demo-bench.gov.cn with this many reports (portals/bench.ts);
   * 0 (default): not served. It stays out of `manifest`: see `benchManifest` and `benchExpected`.
   */
  benchReports?: number;
}

export interface DemoWeb {
  /** http://127.0.0.1:PORT — give it to crawlee's ProxyConfiguration, Playwright's proxy.server or undici's ProxyAgent. */
  proxyUrl: string;
  port: number;
  /** The portal hosts served (the control host excluded). */
  hosts: string[];
  manifest: Manifest;
  /** URLs of the benchmark portal (null unless `benchReports` was given). */
  benchManifest: BenchManifest | null;
  /** Expected record of bench report i (benchManifest.reports[i]); throws without a bench portal. */
  benchExpected(i: number): ExpectedRecord;
  /** Adds a fault; returns it with its id. */
  setFault(spec: FaultSpec): Fault;
  removeFault(id: string): boolean;
  /** Removes all faults (of one host when given); returns how many. */
  clearFaults(host?: string): number;
  faults(): Fault[];
  /** Live log of answered requests (the same array instance for the server's lifetime). */
  requests: RequestLogEntry[];
  clearRequests(): void;
  /** Stops listening, ends open connections and pending slow answers. */
  close(): Promise<void>;
}

const SERVER_HEADER: Record<string, string> = {
  trs: 'nginx', hanweb: 'Apache-Coyote/1.1', jiyue: 'nginx/1.20.1', gbk: 'Microsoft-IIS/6.0', vsb: 'VWebServer', challenge: 'nginx',
};
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TLS_DIR = join(import.meta.dirname, '../../data/demo-web/tls');
const MAX_BODY = 1024 * 1024;

function cookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

export async function startDemoWeb(options: DemoWebOptions = {}): Promise<DemoWeb> {
  const portals = new Map<string, Portal>(buildPortals().map((p) => [p.host, p]));
  const manifest = buildManifest([...portals.values()].map((p) => p.manifest), CONTROL_HOST);
  // Added after the manifest is built: the truth manifest is the same with or without it.
  const bench = options.benchReports ? benchSite(options.benchReports) : null;
  if (bench) portals.set(bench.portal.host, bench.portal);
  const registry = new FaultRegistry();
  const requests: RequestLogEntry[] = [];
  const maxLog = options.maxLogEntries ?? 200_000;
  const sockets = new Set<Socket>();
  const tunneled = new WeakSet<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let closing = false;

  const log = (entry: Omit<RequestLogEntry, 'seq'>) => {
    requests.push({ seq: ++seq, ...entry });
    if (requests.length > maxLog) requests.splice(0, requests.length - maxLog);
  };

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.add(t);
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`demo-web error: ${(err as Error).message}`);
      } else {
        res.destroy();
      }
    });
  };
  const server = createServer({ keepAliveTimeout: 5000 }, onRequest);
  // Never listens: CONNECT tunnels to port 443 are handed to it, and it ends TLS on them.
  const tlsServer = createHttpsServer({ key: readFileSync(join(TLS_DIR, 'key.pem')), cert: readFileSync(join(TLS_DIR, 'cert.pem')), keepAliveTimeout: 5000 }, onRequest);
  tlsServer.on('tlsClientError', (_err, socket) => socket.destroy());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const raw = req.url ?? '/';
    const absolute = /^https?:\/\//i.test(raw);
    const url = new URL(absolute ? raw : `http://${req.headers.host ?? 'localhost'}${raw}`);
    const host = url.hostname.toLowerCase();
    const pathAndQuery = `${url.pathname}${url.search}`;
    const mode: RequestLogEntry['mode'] = absolute ? 'proxy' : tunneled.has(req.socket) || req.socket instanceof TLSSocket ? 'tunnel' : 'direct';
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    let fault: FaultKind | null = null;
    let bytes = 0;
    const done = (status: number) => log({
      time: started, method, host, path: pathAndQuery, status, fault, bytes, mode,
      userAgent: req.headers['user-agent'] ?? null, durationMs: Date.now() - started,
    });
    const send = (status: number, headers: Record<string, string>, payload: Buffer) => {
      res.writeHead(status, { ...headers, 'Content-Length': String(payload.length) });
      res.end(method === 'HEAD' ? undefined : payload);
      bytes = method === 'HEAD' ? 0 : payload.length;
    };

    if (host === CONTROL_HOST) {
      const answer = control(method, url.pathname, url.searchParams, body, {
        faults: registry, log: requests, clearLog: () => requests.splice(0), manifest, hosts: [...portals.keys()], bench,
      });
      send(answer.status, { 'Content-Type': 'application/json; charset=utf-8' }, Buffer.from(JSON.stringify(answer.json)));
      return;
    }
    const portal = portals.get(host);
    if (!portal) {
      if (LOOPBACK.has(host) && !absolute) {
        const list = [...portals.values()].map((p) => `<li><a href="${p.manifest.homepage}">${p.name}</a> ${p.host} (${p.manifest.cms})</li>`).join('');
        send(200, { 'Content-Type': 'text/html; charset=utf-8' }, Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>nianbao demo web</title></head><body><h1>nianbao demo web</h1><p>Use http://${host}:${port}/ as an HTTP proxy to reach:</p><ul>${list}</ul></body></html>`));
        return done(200);
      }
      send(502, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`demo-web: host ${host} is not served here (no network access)\n`));
      return done(502);
    }

    const { pathname, search } = url;
    const w = { req, res, url: pathAndQuery, registry, timers };
    const redirected = answerRedirectPath(pathname, w, registry.list());
    if (redirected) {
      fault = pathname.startsWith('/__loop/') ? 'redirect-loop' : 'redirect-chain';
      bytes = redirected.bytes;
      return done(redirected.status);
    }
    for (const f of registry.matching(host, pathname, search, ['latency'])) {
      registry.consume(f);
      fault = 'latency';
      await sleep(f.ms ?? 1000);
      if (closing || res.destroyed) return done(0);
    }
    const version = registry.version(host, pathname, search);
    if (version > 1) fault = 'changing';
    const ctx: RequestContext = {
      method, path: pathname, query: url.searchParams, headers: req.headers, body, cookies: cookies(req.headers.cookie),
      version, calendarLinked: registry.matching(host, pathname, search, ['calendar']).length > 0,
    };
    let page: PageResponse | undefined;
    const render = () => (page ??= portal.site.handle(ctx));

    const wire = registry.matching(host, pathname, search, RESPONSE_FAULTS)
      .find((f) => !(f.kind === 'redirect-chain' && registry.takeLanding(f, pathAndQuery)));
    if (wire) {
      registry.consume(wire);
      fault = wire.kind;
      const result = await applyResponseFault(wire, { ...w, page: render });
      bytes = result.bytes;
      return done(result.status);
    }

    const answer = render();
    const v = validators(answer);
    const headers: Record<string, string> = { Server: SERVER_HEADER[portal.key] ?? 'nginx', 'Content-Type': answer.type, ...v, ...answer.headers };
    if (notModified(method, req.headers, v)) {
      res.writeHead(304, { Server: headers.Server as string, ...v });
      res.end();
      return done(304);
    }
    send(answer.status, headers, answer.body);
    done(answer.status);
  }

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  // CONNECT: tunnel to port 80 (this server) or 443 (the TLS server) of our own hosts, by handing the socket over.
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const [rawHost, rawPort] = (req.url ?? '').split(':');
    const host = (rawHost ?? '').toLowerCase();
    const port = Number(rawPort || 80);
    const entry = { time: Date.now(), method: 'CONNECT', host, path: req.url ?? '', fault: null, bytes: 0, mode: 'connect' as const, userAgent: req.headers['user-agent'] ?? null, durationMs: 0 };
    socket.on('error', () => socket.destroy());
    if ((portals.has(host) || host === CONTROL_HOST) && (port === 80 || port === 443)) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunneled.add(socket);
      if (head.length) socket.unshift(head);
      log({ ...entry, status: 200 });
      (port === 443 ? tlsServer : server).emit('connection', socket);
      return;
    }
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    log({ ...entry, status: 403 });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    port,
    hosts: [...portals.keys()],
    manifest,
    benchManifest: bench?.manifest ?? null,
    benchExpected: (i) => {
      if (!bench) throw new Error('no bench portal: start the demo web with { benchReports: N }');
      return bench.expected(i);
    },
    setFault: (spec) => registry.add(spec),
    removeFault: (id) => registry.remove(id),
    clearFaults: (host) => registry.clear(host),
    faults: () => registry.list(),
    requests,
    clearRequests: () => { requests.splice(0); },
    close: () => new Promise<void>((resolve) => {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
    }),
  };
}
