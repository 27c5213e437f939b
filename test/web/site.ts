/**
 * What a portal is to the server: a table of routes answering a request context with a page. Portals
 * register pages here; the server adds faults, conditional requests and logging around them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ExpectedRecord } from './content/model.ts';
import type { PortalManifest } from './manifest.ts';

export interface RequestContext {
  method: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  cookies: Record<string, string>;
  /** 1, or 2 once the `changing` fault has changed this path's content. */
  version: number;
  /** The `calendar` fault is on for this host: homepages link the calendar trap. */
  calendarLinked: boolean;
}

export interface PageResponse {
  status: number;
  /** Content-Type header, exactly as sent (old GBK pages send no charset). */
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
  /** Set on static pages: they get ETag/Last-Modified and answer conditional requests with 304. */
  lastModified?: Date;
}

export type Handler = (ctx: RequestContext) => PageResponse | null;

export interface Portal {
  key: string;
  host: string;
  name: string;
  site: Site;
  manifest: PortalManifest;
  /** Repo-relative path of an expected-record file -> the record (reports, attachments, distractors). */
  expected: Map<string, ExpectedRecord>;
}

export function htmlResponse(html: string | Buffer, status = 200, type = 'text/html; charset=utf-8'): PageResponse {
  return { status, type, body: typeof html === 'string' ? Buffer.from(html, 'utf8') : html };
}

/** Publication dates become Last-Modified at 09:30 Beijing time, as a CMS would stamp them. */
export function dateOf(iso: string): Date {
  return new Date(`${iso}T09:30:00+08:00`);
}

export class Site {
  private readonly exact = new Map<string, Handler>();
  private readonly prefixes: [string, Handler][] = [];
  private notFoundPage: (path: string) => string = () => '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>';

  constructor(readonly host: string) {}

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  /** A page at an exact path (or path?query); static unless `dynamic` (rendered per request, no 304). */
  page(path: string, render: (ctx: RequestContext) => string | Buffer, opts: { lastModified?: Date; type?: string; dynamic?: boolean } = {}): void {
    const cache = new Map<string, Buffer>();
    this.exact.set(path, (ctx) => {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return methodNotAllowed();
      const key = `${ctx.version}|${ctx.calendarLinked}`;
      let body = opts.dynamic ? undefined : cache.get(key);
      if (!body) {
        const out = render(ctx);
        body = typeof out === 'string' ? Buffer.from(out, 'utf8') : out;
        if (!opts.dynamic) cache.set(key, body);
      }
      const lastModified = ctx.version > 1 ? new Date(Math.max(opts.lastModified?.getTime() ?? 0, Date.now() - 1000)) : opts.lastModified;
      return { status: 200, type: opts.type ?? 'text/html; charset=utf-8', body, lastModified };
    });
  }

  file(path: string, body: Buffer, type: string, lastModified: Date, headers?: Record<string, string>): void {
    this.exact.set(path, (ctx) =>
      ctx.method === 'GET' || ctx.method === 'HEAD' ? { status: 200, type, body, lastModified, headers } : methodNotAllowed());
  }

  route(path: string, handler: Handler): void {
    this.exact.set(path, handler);
  }

  prefix(prefix: string, handler: Handler): void {
    this.prefixes.push([prefix, handler]);
  }

  notFound(render: (path: string) => string): void {
    this.notFoundPage = render;
  }

  has(pathAndQuery: string): boolean {
    return this.exact.has(pathAndQuery);
  }

  paths(): string[] {
    return [...this.exact.keys()];
  }

  handle(ctx: RequestContext): PageResponse {
    const search = ctx.query.toString();
    const full = search ? `${ctx.path}?${search}` : ctx.path;
    const handler = this.exact.get(full) ?? this.exact.get(ctx.path);
    const answer = handler?.(ctx);
    if (answer) return answer;
    for (const [prefix, h] of this.prefixes) {
      if (ctx.path.startsWith(prefix)) {
        const out = h(ctx);
        if (out) return out;
      }
    }
    return htmlResponse(this.notFoundPage(ctx.path), 404);
  }
}

export function methodNotAllowed(): PageResponse {
  return { ...htmlResponse('<html><head><title>405 Not Allowed</title></head><body><center><h1>405 Not Allowed</h1></center><hr><center>nginx</center></body></html>', 405), headers: { Allow: 'GET, HEAD' } };
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** 2024-03-08 -> '202403', '20240308'. */
export function ymd(iso: string): { ym: string; ymd: string; y: string; m: string; d: string } {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return { ym: `${y}${m}`, ymd: `${y}${m}${d}`, y, m: String(Number(m)), d: String(Number(d)) };
}

/** A stable 32-hex id from a string, for CMS URLs that carry a GUID. */
export function hexId(seed: string, length = 32): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${seed}#${round}`) h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

export type { ExpectedRecord };
