/** Parse throughput: HTML report pages -> records on one core, in-process (no process start). */
import { parseReport } from '../../parsers/parse.ts';
import { repeatTo, reportPages } from './corpus.ts';

export interface ParseBench {
  parse_reports_per_s: number;
  parse_peak_mb: number;
  pages: number;
  distinct: number;
}

const MIN_PAGES = 600;

export function benchParse(): ParseBench {
  const distinct = reportPages();
  const corpus = repeatTo(distinct, MIN_PAGES);
  // Warm-up: JIT and regex compilation are not what a nightly run of thousands of pages pays for.
  for (const page of distinct) parseReport(page.bytes);
  const start = process.hrtime.bigint();
  let reports = 0;
  for (const page of corpus) if (parseReport(page.bytes).isReport) reports++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (reports === 0) throw new Error('no page of the corpus parsed as a report');
  return {
    parse_reports_per_s: Math.round(corpus.length / seconds),
    parse_peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    pages: corpus.length,
    distinct: distinct.length,
  };
}
