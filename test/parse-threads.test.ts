/**
 * The rebuild's parsing threads: a body whose memory the caller hands over moves to the worker
 * instead of being copied; any other body is copied and stays readable. Outcomes are the
 * parser's either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseThreads } from '../storage/rebuild/parseThreads.ts';
import type { ParseTask } from '../storage/rebuild/parseWorker.ts';
import { PROJECT_ROOT } from './support/shared.ts';

const page = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/pages/trs_city_2022.html'));
const task = (body: Uint8Array): ParseTask => ({ url: 'https://www.example.gov.cn/trs_city_2022.html', contentType: 'text/html; charset=utf-8', kind: 'report', status: 200, body });

describe('parse threads', () => {
  const threads = new ParseThreads(2);
  afterAll(() => threads.destroy());

  it('moves a handed-over body to the worker, and parses it there', async () => {
    const body = Buffer.from(page);
    const outcome = await threads.parse(task(body), { moveBody: true });
    expect(body.buffer.byteLength).toBe(0);
    expect(outcome.record?.template).toBe('2021');
  });

  it('copies any other body, which stays readable', async () => {
    const body = Buffer.from(page);
    const outcome = await threads.parse(task(body));
    expect(body.equals(page)).toBe(true);
    expect(outcome.record?.template).toBe('2021');
  });
});
