/**
 * `npm run bench`: throughput and memory figures, printed for people and ending with one
 * `BENCH {json}` line for tools (docs/measures.md). A figure not measured is left out.
 * Everything runs on loopback; the demo web is started and stopped by the benchmark itself.
 */
import { benchCrawl } from './crawl.ts';
import { benchParse } from './parse.ts';
import { benchRebuild } from './rebuild.ts';

const figures: Record<string, number> = {};
const only = process.argv.slice(2);
const wanted = (name: string): boolean => !only.length || only.includes(name);

if (wanted('parse')) {
  const parse = benchParse();
  console.log(`parse: ${parse.pages} HTML report pages (${parse.distinct} distinct) on one core: ${parse.parse_reports_per_s} reports/s, peak RSS ${parse.parse_peak_mb} MB (target: > 200 reports/s)`);
  figures.parse_reports_per_s = parse.parse_reports_per_s;
  figures.parse_peak_mb = parse.parse_peak_mb;
}

if (wanted('crawl')) {
  const crawl = await benchCrawl(2000, 8);
  console.log(
    `crawl: ${crawl.pages} pages of the demo web's bench portal, concurrency ${crawl.concurrency}, politeness off: ` +
      `full pipeline ${crawl.crawl_pages_per_s} pages/s, bare crawlee CheerioCrawler ${crawl.bare_crawl_pages_per_s} pages/s ` +
      `(ratio ${crawl.crawl_ratio}, target >= 0.9), plain undici + p-queue ${crawl.limit_pages_per_s} pages/s (ratio ${crawl.limit_ratio})`,
  );
  Object.assign(figures, {
    crawl_pages_per_s: crawl.crawl_pages_per_s,
    bare_crawl_pages_per_s: crawl.bare_crawl_pages_per_s,
    crawl_ratio: crawl.crawl_ratio,
    limit_pages_per_s: crawl.limit_pages_per_s,
    limit_ratio: crawl.limit_ratio,
  });
}

if (wanted('rebuild')) {
  const rebuild = await benchRebuild(5000);
  console.log(
    `rebuild: ${rebuild.snapshots} report snapshots, ${rebuild.workers} parsing threads: ${rebuild.rebuild_snapshots_per_s} snapshots/s against ` +
      `${rebuild.direct_parse_per_s} documents/s parsed from files (ratio ${rebuild.rebuild_ratio}, target >= 0.9; medians of ` +
      `${rebuild.roundRatios.length} rounds, whose ratios were ${rebuild.roundRatios.join(', ')}), ` +
      `peak RSS ${rebuild.rebuild_peak_mb} MB (target < 500 MB)`,
  );
  Object.assign(figures, {
    rebuild_snapshots_per_s: rebuild.rebuild_snapshots_per_s,
    direct_parse_per_s: rebuild.direct_parse_per_s,
    rebuild_ratio: rebuild.rebuild_ratio,
    rebuild_peak_mb: rebuild.rebuild_peak_mb,
  });
}

console.log(`BENCH ${JSON.stringify(figures)}`);
