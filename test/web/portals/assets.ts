/**
 * Static furniture every portal serves (images, stylesheets, favicon, robots.txt), so a browser loading
 * a page through the proxy gets answers instead of a stream of 404s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../content/catalog.ts';
import { badge } from '../render/png.ts';
import type { Site } from '../site.ts';

const BADGE = badge(16);
const SITE_BUILT = new Date('2023-06-01T08:00:00+08:00');

export function registerAssets(site: Site, css: string, robots: string | null): void {
  site.prefix('/images/', (ctx) => (ctx.path.endsWith('.png') || ctx.path.endsWith('.jpg') || ctx.path.endsWith('.gif')
    ? { status: 200, type: 'image/png', body: BADGE, lastModified: SITE_BUILT }
    : null));
  site.file('/favicon.ico', BADGE, 'image/png', SITE_BUILT);
  site.prefix('/css/', (ctx) => (ctx.path.endsWith('.css')
    ? { status: 200, type: 'text/css', body: Buffer.from(css), lastModified: SITE_BUILT }
    : null));
  if (robots !== null) site.file('/robots.txt', Buffer.from(robots), 'text/plain', SITE_BUILT);
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  png: 'image/png',
};

export function mimeOf(file: string): string {
  return MIME[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** A committed file under data/demo-web/files/. */
export function dataFile(name: string): Buffer {
  return readFileSync(join(DATA_DIR, 'files', name));
}

export const BASE_CSS = `body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}a{color:#333;text-decoration:none}
.w1200{width:1200px;margin:0 auto}.footer{background:#f0f0f0;padding:20px 0;text-align:center;color:#666}
.position{padding:10px 0;border-bottom:1px solid #ddd}.list li{display:flex;justify-content:space-between;border-bottom:1px dashed #ddd}
table{border-collapse:collapse}td{border:1px solid #000;padding:4px}`;
