/**
 * `npm run bench`: throughput and memory figures, printed for people and ending with one
 * `BENCH {json}` line for tools (../shared/spec/measures.md). A figure not measured is left out.
 */
import { benchParse } from './parse.ts';

const figures: Record<string, number> = {};

const parse = benchParse();
console.log(`parse: ${parse.pages} HTML report pages (${parse.distinct} distinct) on one core: ${parse.parse_reports_per_s} reports/s, peak RSS ${parse.parse_peak_mb} MB (target: > 200 reports/s)`);
figures.parse_reports_per_s = parse.parse_reports_per_s;
figures.parse_peak_mb = parse.parse_peak_mb;

console.log(`BENCH ${JSON.stringify(figures)}`);
