/**
 * Faults the reliability tests switch on at run time, per portal and/or per path, optionally for a
 * limited number of requests (so a crawler's retries can recover). The registry only decides *which*
 * fault applies; fault-responses.ts carries it out on the wire.
 */

export const FAULT_KINDS = [
  'latency', 'status', 'redirect-chain', 'redirect-loop', 'reset', 'truncate', 'wrong-length', 'drip',
  'oversize', 'calendar', 'changing',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that replace or damage the response (at most one applies to a request). */
export const RESPONSE_FAULTS: FaultKind[] = ['status', 'redirect-chain', 'redirect-loop', 'reset', 'truncate', 'wrong-length', 'drip', 'oversize'];

export interface FaultSpec {
  kind: FaultKind;
  /** Portal host it applies to; omitted: every portal. */
  host?: string;
  /**
   * Exact path (`/zwgk/zfxxgknb/index.html`, compared without the query unless it contains `?`),
   * or a prefix ending in `*` (`/art/*`). Omitted: every path.
   */
  path?: string;
  /** Apply this many times, then stop. Omitted: until cleared. */
  times?: number;
  /** `status`: the status code to answer (500, 503, 429, 404, ...). */
  status?: number;
  /** `status`: Retry-After value in seconds (default 1 for 503 and 429). */
  retryAfter?: number;
  /** `latency`: delay before answering; `drip`: pause between chunks (default 200). */
  ms?: number;
  /** `redirect-chain`: number of redirects until the page is reached again (default 3). */
  hops?: number;
  /** `redirect-chain`: status of the first redirect (default 301; later ones are 302). */
  redirectStatus?: 301 | 302 | 307 | 308;
  /** `truncate`: bytes sent before the connection is cut (default half); `oversize`: body size (default 16 MiB); `drip`: chunk size (default 256). */
  bytes?: number;
  /** `wrong-length`: declared Content-Length minus the real length (default +512). */
  extraLength?: number;
  /** `changing`: visits answered with the first version before the content changes (default 1). */
  after?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** How many requests it has been applied to. */
  applied: number;
}

export function validateFaultSpec(input: unknown): FaultSpec {
  if (!input || typeof input !== 'object') throw new Error('fault spec must be an object');
  const spec = input as Record<string, unknown>;
  if (!FAULT_KINDS.includes(spec.kind as FaultKind)) throw new Error(`unknown fault kind ${String(spec.kind)}; one of ${FAULT_KINDS.join(', ')}`);
  for (const key of ['times', 'status', 'retryAfter', 'ms', 'hops', 'bytes', 'extraLength', 'after', 'redirectStatus'] as const) {
    if (spec[key] !== undefined && (typeof spec[key] !== 'number' || !Number.isFinite(spec[key]))) throw new Error(`${key} must be a number`);
  }
  for (const key of ['host', 'path'] as const) {
    if (spec[key] !== undefined && typeof spec[key] !== 'string') throw new Error(`${key} must be a string`);
  }
  if (spec.kind === 'status' && spec.status === undefined) throw new Error('a status fault needs status');
  return spec as unknown as FaultSpec;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private seq = 0;
  /** Visit counters of `changing` faults: fault id -> url -> visits. */
  private readonly visits = new Map<string, Map<string, number>>();
  /** Redirect targets outlive their faults, so a chain already under way still lands. */
  readonly targets = new Map<string, string>();
  /** Per chain fault: urls whose next request is the landing after the last hop. */
  private readonly landings = new Map<string, Set<string>>();

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...validateFaultSpec(spec), id: `f${++this.seq}`, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  /** Removes every fault (of one host when given) and their visit counters; returns how many. */
  clear(host?: string): number {
    const gone = this.faults.filter((f) => !host || f.host === host);
    this.faults = this.faults.filter((f) => !gone.includes(f));
    for (const f of gone) {
      this.visits.delete(f.id);
      this.landings.delete(f.id);
    }
    return gone.length;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  matching(host: string, pathname: string, search: string, kinds: readonly FaultKind[]): Fault[] {
    return this.faults.filter((f) => kinds.includes(f.kind) && (!f.host || f.host === host) && pathMatches(f.path, pathname, search));
  }

  /** Counts one application; a fault with `times` left at zero is dropped. */
  consume(fault: Fault): void {
    fault.applied += 1;
    if (fault.times !== undefined && fault.applied >= fault.times) this.remove(fault.id);
  }

  /** Content version of a url under the `changing` faults that match it (1 when none). */
  version(host: string, pathname: string, search: string): number {
    let version = 1;
    for (const f of this.matching(host, pathname, search, ['changing'])) {
      const counts = this.visits.get(f.id) ?? new Map<string, number>();
      this.visits.set(f.id, counts);
      const key = `${host}${pathname}${search}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      f.applied += 1;
      if (n > (f.after ?? 1)) version = 2;
    }
    return version;
  }

  expectLanding(fault: Fault, url: string): void {
    const set = this.landings.get(fault.id) ?? new Set<string>();
    set.add(url);
    this.landings.set(fault.id, set);
  }

  /** True (once) when this request is the end of a redirect chain of that fault. */
  takeLanding(fault: Fault, url: string): boolean {
    return this.landings.get(fault.id)?.delete(url) ?? false;
  }
}

function pathMatches(pattern: string | undefined, pathname: string, search: string): boolean {
  if (!pattern) return true;
  const target = pattern.includes('?') ? `${pathname}${search}` : pathname;
  return pattern.endsWith('*') ? target.startsWith(pattern.slice(0, -1)) : target === pattern;
}
