/**
 * ETag / Last-Modified validators on every static page and the 304 answer to conditional requests
 * (If-None-Match wins over If-Modified-Since, as RFC 9110 says).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { PageResponse } from './site.ts';

export function validators(page: PageResponse): Record<string, string> {
  if (!page.lastModified || page.status !== 200) return {};
  return {
    ETag: `"${createHash('sha1').update(page.body).digest('hex').slice(0, 20)}"`,
    'Last-Modified': page.lastModified.toUTCString(),
  };
}

export function notModified(method: string, headers: IncomingHttpHeaders, v: Record<string, string>): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || !v.ETag) return false;
  const inm = headers['if-none-match'];
  if (inm) {
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === v.ETag);
  }
  const ims = headers['if-modified-since'];
  if (ims && v['Last-Modified']) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(v['Last-Modified']) <= since;
  }
  return false;
}
