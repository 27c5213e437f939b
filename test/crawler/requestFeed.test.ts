import { describe, expect, it } from 'vitest';
import { RequestFeed } from '../../crawler/fetch/requestFeed.ts';

describe('RequestFeed (the request source handed to crawlee)', () => {
  it('hands requests out in order, counts them and knows when all are done', async () => {
    const feed = new RequestFeed();
    expect(await feed.isEmpty()).toBe(true);
    for (let i = 0; i < 3; i++) feed.push({ url: `http://www.example.gov.cn/${i}.html`, uniqueKey: `k${i}` });
    expect(feed.getTotalCount()).toBe(3);
    const first = await feed.fetchNextRequest();
    const second = await feed.fetchNextRequest();
    expect([first?.uniqueKey, second?.uniqueKey]).toEqual(['k0', 'k1']);
    expect(feed.getPendingCount()).toBe(3);
    await feed.markRequestHandled(first!);
    // A reclaimed request comes back before the ones still waiting.
    await feed.reclaimRequest(second!);
    expect((await feed.fetchNextRequest())?.uniqueKey).toBe('k1');
    expect((await feed.fetchNextRequest())?.uniqueKey).toBe('k2');
    expect(await feed.fetchNextRequest()).toBeNull();
    expect(await feed.isFinished()).toBe(false);
    await feed.markRequestHandled(second!);
    await feed.markRequestHandled(second!);
    expect(await feed.isFinished()).toBe(true);
    expect(await feed.handledCount()).toBe(3);
  });

  it('keeps memory bounded however many requests pass through', async () => {
    const feed = new RequestFeed();
    for (let i = 0; i < 5000; i++) {
      feed.push({ url: `http://www.example.gov.cn/${i}.html`, uniqueKey: `k${i}` });
      const r = await feed.fetchNextRequest();
      expect(r?.uniqueKey).toBe(`k${i}`);
      await feed.markRequestHandled(r!);
    }
    expect((feed as unknown as { waiting: unknown[] }).waiting.length).toBeLessThan(2100);
  });
});
