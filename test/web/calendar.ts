/**
 * The calendar-style link trap: `/calendar/?d=2024-01-01` links the next and previous day and the
 * rest of the month, forever. Served on every portal; linked from a homepage only while the
 * `calendar` fault is on for that host, so the ordinary crawl stays finite.
 */
import type { Site } from './site.ts';
import { htmlResponse } from './site.ts';

export const CALENDAR_START = '/calendar/?d=2024-01-01';

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function registerCalendar(site: Site, siteName: string): void {
  site.prefix('/calendar/', (ctx) => {
    const d = ctx.query.get('d') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) return htmlResponse('<html><body>参数错误</body></html>', 400);
    const month = d.slice(0, 8);
    const days = Array.from({ length: 28 }, (_, i) => `${month}${String(i + 1).padStart(2, '0')}`);
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务日历 ${d}_${siteName}</title></head><body>
<div class="calendar"><h2>政务日历 ${d}</h2>
<a href="/calendar/?d=${shift(d, -1)}">前一天</a> <a href="/calendar/?d=${shift(d, 1)}">后一天</a> <a href="/calendar/?d=${shift(d, 30)}">下个月</a>
<ul>${days.map((x) => `<li><a href="/calendar/?d=${x}">${x.slice(8)}</a></li>`).join('')}</ul>
<p>${d} 暂无政务活动安排。</p></div></body></html>`;
    return htmlResponse(html);
  });
}

export function calendarLink(linked: boolean): string {
  return linked ? `<a href="${CALENDAR_START}" class="calendar-link">政务日历</a>` : '';
}
