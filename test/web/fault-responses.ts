/**
 * Carries out a response fault on the wire: error statuses, redirect chains and loops, a reset
 * connection, a truncated body, a lying Content-Length, a slow drip and an oversized page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultRegistry } from './faults.ts';
import type { PageResponse } from './site.ts';

export interface WireContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** pathname + search of the request. */
  url: string;
  registry: FaultRegistry;
  /** Timers of slow answers, cleared by close(). */
  timers: Set<NodeJS.Timeout>;
  /** The page that would have been served without the fault. */
  page: () => PageResponse;
}

export interface WireResult {
  status: number;
  bytes: number;
}

const REASONS: Record<number, string> = {
  404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
};

function errorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Paths the redirect faults send clients through; served before any portal route. */
export const HOP_PREFIX = '/__hop/';
export const LOOP_PREFIX = '/__loop/';

export async function applyResponseFault(fault: Fault, w: WireContext): Promise<WireResult> {
  const { res, req } = w;
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 500;
      const body = Buffer.from(errorPage(status));
      const headers: Record<string, string> = { 'Content-Type': 'text/html', 'Content-Length': String(body.length), Server: 'nginx' };
      const retryAfter = fault.retryAfter ?? (status === 503 || status === 429 ? 1 : undefined);
      if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return { status, bytes: body.length };
    }
    case 'redirect-chain': {
      const hops = Math.max(1, fault.hops ?? 3);
      w.registry.targets.set(fault.id, w.url);
      const location = hops === 1 ? w.url : `${HOP_PREFIX}${fault.id}/1`;
      if (hops === 1) w.registry.expectLanding(fault, w.url);
      return redirect(res, fault.redirectStatus ?? 301, location);
    }
    case 'redirect-loop': {
      w.registry.targets.set(fault.id, w.url);
      return redirect(res, 302, `${LOOP_PREFIX}${fault.id}`);
    }
    case 'reset':
      req.socket.resetAndDestroy();
      return { status: 0, bytes: 0 };
    case 'truncate': {
      const page = w.page();
      const cut = Math.min(page.body.length - 1, Math.max(0, fault.bytes ?? Math.floor(page.body.length / 2)));
      res.writeHead(page.status, { 'Content-Type': page.type, 'Content-Length': String(page.body.length) });
      await write(res, page.body.subarray(0, cut));
      res.socket?.destroy();
      return { status: page.status, bytes: cut };
    }
    case 'wrong-length': {
      const page = w.page();
      const declared = Math.max(0, page.body.length + (fault.extraLength ?? 512));
      res.writeHead(page.status, { 'Content-Type': page.type, 'Content-Length': String(declared) });
      await write(res, page.body);
      // The connection is closed either way: a client must not read the surplus as a next response.
      res.socket?.destroySoon();
      return { status: page.status, bytes: page.body.length };
    }
    case 'drip':
      return drip(w, fault);
    case 'oversize':
      return oversize(w, fault.bytes ?? 16 * 1024 * 1024);
    default:
      throw new Error(`${fault.kind} is not a response fault`);
  }
}

/** Answers a request for a hop or loop path; null when the path is not one. */
export function answerRedirectPath(pathname: string, w: Pick<WireContext, 'res' | 'registry'>, faults: Fault[]): WireResult | null {
  if (pathname.startsWith(LOOP_PREFIX)) {
    const target = w.registry.targets.get(pathname.slice(LOOP_PREFIX.length));
    return target ? redirect(w.res, 302, target) : null;
  }
  if (!pathname.startsWith(HOP_PREFIX)) return null;
  const [id, step] = pathname.slice(HOP_PREFIX.length).split('/');
  const target = w.registry.targets.get(id ?? '');
  if (!target || !id) return null;
  const fault = faults.find((f) => f.id === id);
  const hops = Math.max(1, fault?.hops ?? 3);
  const k = Number(step);
  if (k + 1 < hops) return redirect(w.res, 302, `${HOP_PREFIX}${id}/${k + 1}`);
  if (fault) w.registry.expectLanding(fault, target);
  return redirect(w.res, 302, target);
}

function redirect(res: ServerResponse, status: number, location: string): WireResult {
  const body = Buffer.from(`<html><head><title>${status} Moved</title></head><body><a href="${location}">${location}</a></body></html>`);
  res.writeHead(status, { Location: location, 'Content-Type': 'text/html', 'Content-Length': String(body.length) });
  res.end(body);
  return { status, bytes: body.length };
}

function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    res.write(chunk, () => resolve());
  });
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}

async function drip(w: WireContext, fault: Fault): Promise<WireResult> {
  const page = w.page();
  const size = Math.max(1, fault.bytes ?? 256);
  w.res.writeHead(page.status, { 'Content-Type': page.type, 'Content-Length': String(page.body.length) });
  let sent = 0;
  while (sent < page.body.length && !w.res.destroyed) {
    await write(w.res, page.body.subarray(sent, sent + size));
    sent += size;
    if (sent < page.body.length) await sleep(fault.ms ?? 200, w.timers);
  }
  w.res.end();
  return { status: page.status, bytes: Math.min(sent, page.body.length) };
}

const FILLER = Buffer.from('<p style="text-indent:2em">本栏目信息由系统自动生成，请勿回复。本栏目信息由系统自动生成，请勿回复。本栏目信息由系统自动生成，请勿回复。</p>\n');

/** A page far larger than any report, streamed chunked (no Content-Length), so only a size cap stops it. */
async function oversize(w: WireContext, size: number): Promise<WireResult> {
  const head = Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开目录（全部）</title></head><body><div class="list">\n');
  w.res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Transfer-Encoding': 'chunked' });
  let sent = 0;
  const ok = (chunk: Buffer) => new Promise<boolean>((resolve) => {
    if (w.res.destroyed) return resolve(false);
    if (w.res.write(chunk)) return resolve(true);
    w.res.once('drain', () => resolve(true));
    w.res.once('close', () => resolve(false));
  });
  if (await ok(head)) sent += head.length;
  const block = Buffer.concat(Array.from({ length: 256 }, () => FILLER));
  while (sent < size && (await ok(block))) sent += block.length;
  if (!w.res.destroyed) w.res.end('</div></body></html>');
  return { status: 200, bytes: sent };
}
