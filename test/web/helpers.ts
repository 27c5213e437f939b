/**
 * Test clients for the demo web: undici through the proxy (CONNECT tunnel or forward-proxy mode) and a
 * raw socket client that reports exactly what came over the wire (for resets, truncation, lying lengths).
 */
import { connect } from 'node:net';
import { ProxyAgent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { COOKIE_S, COOKIE_T, challengeAnswer } from './portals/challenge.ts';

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

export function agents(proxyUrl: string): { tunnel: ProxyAgent; forward: ProxyAgent } {
  return {
    tunnel: new ProxyAgent({ uri: proxyUrl }),
    forward: new ProxyAgent({ uri: proxyUrl, proxyTunnel: false }),
  };
}

/** Cookies that pass the 412 challenge without running its script (the server's own answer). */
export const CHALLENGE_COOKIE = `${COOKIE_S}=test; ${COOKIE_T}=${challengeAnswer('test')}`;

export async function get(dispatcher: Dispatcher, url: string, opts: { method?: 'GET' | 'POST' | 'HEAD' | 'DELETE'; headers?: Record<string, string>; body?: string } = {}): Promise<Fetched> {
  // undici's request() does not follow redirects: tests see each hop.
  const res = await request(url, { dispatcher, method: opts.method ?? 'GET', headers: opts.headers, body: opts.body });
  const body = Buffer.from(await res.body.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
  return { status: res.statusCode, headers, body, text: body.toString('utf8') };
}

export interface RawAnswer {
  /** Everything received before the connection ended. */
  bytes: Buffer;
  head: string;
  body: Buffer;
  status: number;
  /** 'end' (clean close), 'reset' (ECONNRESET) or 'timeout'. */
  ended: 'end' | 'reset' | 'timeout';
  elapsedMs: number;
}

/** One request as an HTTP/1.1 client would send it to a proxy, read until the server closes. */
export function raw(proxyPort: number, url: string, opts: { method?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const u = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(proxyPort, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (ended: RawAnswer['ended']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(chunks);
      const split = bytes.indexOf('\r\n\r\n');
      const head = split >= 0 ? bytes.subarray(0, split).toString('latin1') : bytes.toString('latin1');
      resolve({ bytes, head, body: split >= 0 ? bytes.subarray(split + 4) : Buffer.alloc(0), status: Number(/^HTTP\/1\.\d (\d+)/.exec(head)?.[1] ?? 0), ended, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish('timeout'), opts.timeoutMs ?? 5000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish('end'));
    socket.on('close', () => finish('end'));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ECONNRESET' ? 'reset' : 'end'));
    const extra = Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.write(`${opts.method ?? 'GET'} ${url} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: close\r\n${extra}\r\n`);
  });
}

/** Content-Length declared in a raw response head, or null. */
export function declaredLength(head: string): number | null {
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  return m ? Number(m[1]) : null;
}
