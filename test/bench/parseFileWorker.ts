/** Benchmark worker: parse one document from a file, as a rebuild worker parses one from the archive. */
import { readFileSync } from 'node:fs';
import { reportOf } from '../../storage/reportOf.ts';

export default function parseFile(file: string): boolean {
  const body = readFileSync(file);
  return reportOf({ url: `file://${file}`, contentType: 'text/html; charset=utf-8', kind: 'report', status: 200 }, body) !== null;
}
