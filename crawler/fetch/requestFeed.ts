/**
 * The request source our fetchers hand to crawlee (its `requestManager` option). The scheduler
 * (crawl.ts) owns the frontier, deduplication, retries and persistence, so crawlee needs no request
 * queue of its own: this is a plain in-memory FIFO of the requests waiting for a free slot.
 * Crawlee's default in-memory queue would keep every request ever added and scan them all each time
 * it looks for the next one, and validate each request several times over: at a few hundred pages
 * a second that was a third of the fetching thread's time.
 */
import { Request, type IRequestManager, type RequestProvider, type RequestOptions, type RequestQueueOperationInfo } from '@crawlee/core';

export class RequestFeed implements IRequestManager {
  private readonly waiting: Request[] = [];
  private head = 0;
  private inProgress = 0;
  private handled = 0;
  private total = 0;

  /**
   * For crawlee's `requestQueue` option. Crawlee 3.18 takes a custom request manager, but the option
   * checks of HttpCrawler and BrowserCrawler do not list `requestManager` yet; a `requestQueue` that
   * is not one of crawlee's own queues is used as the request manager all the same.
   */
  asRequestQueue(): RequestProvider {
    return this as unknown as RequestProvider;
  }

  /** Queue one request; crawlee's pool picks it up on its next poll. */
  push(options: RequestOptions): void {
    this.waiting.push(new Request(options));
    this.total++;
  }

  async isFinished(): Promise<boolean> {
    return this.pendingNow() === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pendingNow() === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.total;
  }

  getPendingCount(): number {
    return this.pendingNow() + this.inProgress;
  }

  async fetchNextRequest<T extends Record<string, unknown>>(): Promise<Request<T> | null> {
    if (this.pendingNow() === 0) return null;
    const request = this.waiting[this.head++];
    // Drop the consumed prefix now and then, not on every call (shift() is linear).
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    this.inProgress++;
    return request as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const request = await this.fetchNextRequest();
      if (!request) return;
      yield request;
    }
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    this.handled++;
    return this.info(request, true);
  }

  /** Crawlee gives a request back when it delays or retries it; it goes to the front. */
  async reclaimRequest(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    if (this.head > 0) this.waiting[--this.head] = request;
    else this.waiting.unshift(request);
    return this.info(request, false);
  }

  async addRequest(requestLike: RequestOptions | Request): Promise<RequestQueueOperationInfo> {
    const request = requestLike instanceof Request ? requestLike : new Request(requestLike);
    this.waiting.push(request);
    this.total++;
    return this.info(request, false);
  }

  async addRequestsBatched(): Promise<never> {
    throw new Error('nianbao feeds crawlee one request at a time (RequestFeed.push)');
  }

  private pendingNow(): number {
    return this.waiting.length - this.head;
  }

  private info(request: Request, handled: boolean): RequestQueueOperationInfo {
    return { requestId: request.id ?? request.uniqueKey, uniqueKey: request.uniqueKey, wasAlreadyPresent: false, wasAlreadyHandled: handled, forefront: false };
  }
}
