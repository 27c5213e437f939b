/** One request the demo web answered (or refused), kept in memory for tests to assert on. */
import type { FaultKind } from './faults.ts';

export interface RequestLogEntry {
  /** 1, 2, 3 … in arrival order. */
  seq: number;
  /** Epoch ms when the request arrived. */
  time: number;
  method: string;
  host: string;
  /** pathname + search. */
  path: string;
  /** Status sent; 0 when the connection was reset; 403/502 for refused hosts. */
  status: number;
  /** The fault that shaped the answer, if any (`changing` when a changed version was served). */
  fault: FaultKind | null;
  /** Body bytes sent. */
  bytes: number;
  /** How it arrived: absolute-URI through the proxy, inside a CONNECT tunnel, or origin-form with Host. */
  mode: 'proxy' | 'tunnel' | 'direct' | 'connect';
  userAgent: string | null;
  durationMs: number;
}
