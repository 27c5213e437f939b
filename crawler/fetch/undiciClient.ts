/**
 * The HTTP client under crawlee's HttpCrawler (its `httpClient` option): undici, with pooled
 * keep-alive connections per origin (and per proxy). Crawlee's default client, got-scraping, opens
 * a new connection for every request and costs about a millisecond of CPU for each; undici does the
 * same work for a fraction of that. What the default client did for us is kept: redirects are
 * followed (and reported to crawlee), gzip/deflate/br bodies are decoded, a request has one overall
 * time limit, and TLS errors are ignored when crawlee asks (gov portals often have broken
 * certificates; then old protocol versions and ciphers are accepted too). A response that undici's
 * strict HTTP parser rejects (some old servers send malformed headers) is fetched again with
 * got-scraping, whose parser is lenient.
 */
import { GotScrapingHttpClient, type BaseHttpClient, type HttpRequest, type HttpResponse, type RedirectHandler, type ResponseTypes, type StreamingHttpResponse } from '@crawlee/core';
import { constants } from 'node:crypto';
import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, ProxyAgent, request as undiciRequest, type Dispatcher } from 'undici';

export interface UndiciClientOptions {
  /** Connections kept per origin (and per proxy). */
  connections: number;
  maxRedirects?: number;
  /** A body growing past this is cut off with a `too large` error instead of being read on. */
  maxBodyBytes?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * TLS when certificates are not checked anyway: old portals still speak TLS 1.0/1.1, with weak
 * ciphers or legacy renegotiation, which Node's defaults refuse. An archive wants their pages.
 */
const LENIENT_TLS = {
  rejectUnauthorized: false,
  minVersion: 'TLSv1' as const,
  ciphers: 'DEFAULT:@SECLEVEL=0',
  secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT,
};

export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

type SimpleHeaders = Record<string, string | string[] | undefined>;

/** undici's raw header list (name, value, name, value… as Buffers) as Node's rawHeaders and headers. */
function headerViews(raw: Buffer[] | string[]): { rawHeaders: string[]; headers: SimpleHeaders } {
  const rawHeaders = raw.map((b) => (typeof b === 'string' ? b : b.toString('latin1')));
  const headers: SimpleHeaders = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = rawHeaders[i + 1];
    const prev = headers[name];
    if (prev === undefined) headers[name] = value;
    else if (name === 'set-cookie') headers[name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    else headers[name] = `${prev}, ${value}`;
  }
  return { rawHeaders, headers };
}

function requestHeaders(headers: SimpleHeaders | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { 'accept-encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    // Set by undici itself from the URL and the body.
    if (/^(host|content-length|connection|transfer-encoding)$/i.test(name)) continue;
    out[name.toLowerCase()] = value;
  }
  return out;
}

function decoder(encoding: string | undefined): Transform | null {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip' || e === 'deflate') return zlib.createUnzip();
  if (e === 'br') return zlib.createBrotliDecompress();
  return null;
}

export class UndiciHttpClient implements BaseHttpClient {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly fallback = new GotScrapingHttpClient();

  constructor(private readonly options: UndiciClientOptions) {}

  private dispatcher(proxyUrl: string | undefined, verifyTls: boolean): Dispatcher {
    const key = `${proxyUrl ?? ''} ${verifyTls}`;
    let d = this.dispatchers.get(key);
    if (!d) {
      const tls = verifyTls ? { rejectUnauthorized: true } : LENIENT_TLS;
      d = proxyUrl
        ? new ProxyAgent({ uri: proxyUrl, proxyTunnel: false, connections: this.options.connections, requestTls: tls })
        : new Agent({ connections: this.options.connections, connect: tls });
      this.dispatchers.set(key, d);
    }
    return d;
  }

  async stream(request: HttpRequest, onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    try {
      return await this.undiciStream(request, onRedirect);
    } catch (err) {
      const e = err as { name?: string; code?: string };
      if (e.name === 'HTTPParserError' || /^HPE_/.test(String(e.code))) return this.fallback.stream(request, onRedirect);
      throw err;
    }
  }

  private async undiciStream(request: HttpRequest, onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const timeoutMs = (request.timeout as { request?: number } | undefined)?.request ?? DEFAULT_TIMEOUT_MS;
    const verifyTls = (request.https as { rejectUnauthorized?: boolean } | undefined)?.rejectUnauthorized ?? true;
    const maxRedirects = request.maxRedirects ?? this.options.maxRedirects ?? 10;
    const dispatcher = this.dispatcher(request.proxyUrl, verifyTls);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutError(`request timed out after ${timeoutMs} ms`)), timeoutMs);
    const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;

    let url = new URL(request.url);
    let method = (request.method ?? 'GET').toUpperCase();
    let body = request.body as string | Buffer | undefined;
    const headers = requestHeaders(request.headers);
    const redirectUrls: URL[] = [];
    try {
      for (;;) {
        const res = await undiciRequest(url, {
          method: method as Dispatcher.HttpMethod,
          headers,
          body: body ?? null,
          dispatcher,
          signal,
          responseHeaders: 'raw',
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const { rawHeaders, headers: responseHeaders } = headerViews(res.headers as unknown as Buffer[]);
        const location = responseHeaders.location;
        if (REDIRECTS.has(res.statusCode) && typeof location === 'string' && request.followRedirect !== false) {
          await res.body.dump();
          if (redirectUrls.length >= maxRedirects) throw new Error(`Redirected ${maxRedirects} times. Aborting (MaxRedirectsError).`);
          const next = new URL(location, url);
          redirectUrls.push(next);
          if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            delete headers['content-type'];
          }
          const updated = { url: next, headers: headers as SimpleHeaders };
          onRedirect?.({ redirectUrls, url: url.href, statusCode: res.statusCode, statusMessage: res.statusText, headers: responseHeaders, trailers: {}, complete: true }, updated);
          url = new URL(updated.url);
          continue;
        }
        return this.response(request, res, url, redirectUrls, rawHeaders, responseHeaders, timer);
      }
    } catch (err) {
      clearTimeout(timer);
      throw signal.aborted && signal.reason instanceof Error ? signal.reason : err;
    }
  }

  /** The body as a stream: decoded, size-capped, and the time limit running until it ends. */
  private response(
    request: HttpRequest,
    res: Dispatcher.ResponseData,
    url: URL,
    redirectUrls: URL[],
    rawHeaders: string[],
    headers: SimpleHeaders,
    timer: NodeJS.Timeout,
  ): StreamingHttpResponse {
    const limit = this.options.maxBodyBytes;
    let transferred = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        transferred += chunk.length;
        if (limit !== undefined && transferred > limit) done(new TooLargeError(`body too large: more than ${limit} bytes`));
        else done(null, chunk);
      },
    });
    const decode = decoder(headers['content-encoding'] as string | undefined);
    const out = new PassThrough();
    const stages: NodeJS.ReadWriteStream[] = decode ? [decode, counter] : [counter];
    pipeline(res.body as Readable, ...(stages as unknown as [Transform]), out, (err) => {
      clearTimeout(timer);
      if (err) out.destroy(err);
    });
    const total = Number(headers['content-length']) || undefined;
    const result: StreamingHttpResponse & { rawHeaders: string[]; statusMessage: string } = {
      stream: out,
      request,
      redirectUrls,
      url: url.href,
      statusCode: res.statusCode,
      statusMessage: res.statusText,
      headers,
      rawHeaders,
      trailers: {},
      complete: false,
      get downloadProgress() {
        return { percent: total ? transferred / total : 0, transferred, total };
      },
      get uploadProgress() {
        return { percent: 1, transferred: 0 };
      },
    };
    out.on('end', () => (result.complete = true));
    return result;
  }

  /** Whole-response requests (crawlee's `sendRequest` helper): the stream, read to the end. */
  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const res = await this.stream(request as HttpRequest);
    const chunks: Buffer[] = [];
    for await (const chunk of res.stream) chunks.push(chunk as Buffer);
    const buffer = Buffer.concat(chunks);
    const type = request.responseType ?? 'text';
    const text = (): string => buffer.toString(request.encoding ?? 'utf8');
    const body = (type === 'buffer' ? buffer : type === 'json' ? JSON.parse(text()) : text()) as ResponseTypes[T];
    return { ...res, request, body, complete: true } as unknown as HttpResponse<T>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.dispatchers.values()].map((d) => d.close().catch(() => undefined)));
    this.dispatchers.clear();
  }
}
