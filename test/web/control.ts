/**
 * The HTTP control endpoint on the reserved host `control.demo-web.test`, for a crawler under test in
 * another process: reach it through the proxy (`GET http://control.demo-web.test/faults`) or directly
 * with that Host header.
 *
 *   GET    /faults              list active faults
 *   POST   /faults              add one (JSON FaultSpec body) -> 201 + the fault with its id
 *   DELETE /faults[?host=H]     clear all faults (of one host)
 *   DELETE /faults/<id>         remove one
 *   GET    /requests[?since=N&host=H]   the request log (entries with seq > N)
 *   DELETE /requests            clear the log
 *   GET    /manifest            the truth manifest
 *   POST   /reset               clear faults and the log
 *   GET    /health              {"ok":true, "hosts": [...]}
 *   GET    /bench/manifest      the bench portal's BenchManifest (404 unless started with benchReports)
 *   GET    /bench/expected?i=N  the expected record of bench report N
 */
import type { FaultRegistry } from './faults.ts';
import { validateFaultSpec } from './faults.ts';
import type { Manifest } from './manifest.ts';
import type { RequestLogEntry } from './request-log.ts';
import type { BenchSite } from './portals/bench.ts';

export const CONTROL_HOST = 'control.demo-web.test';

export interface ControlState {
  faults: FaultRegistry;
  log: RequestLogEntry[];
  clearLog(): void;
  manifest: Manifest;
  hosts: string[];
  bench: BenchSite | null;
}

export interface ControlAnswer {
  status: number;
  json: unknown;
}

export function control(method: string, pathname: string, query: URLSearchParams, body: Buffer, state: ControlState): ControlAnswer {
  const ok = (json: unknown, status = 200): ControlAnswer => ({ status, json });
  if (pathname === '/health') return ok({ ok: true, hosts: state.hosts });
  if (pathname === '/manifest' && method === 'GET') return ok(state.manifest);
  if (pathname === '/faults') {
    if (method === 'GET') return ok(state.faults.list());
    if (method === 'DELETE') return ok({ removed: state.faults.clear(query.get('host') ?? undefined) });
    if (method === 'POST') {
      try {
        return ok(state.faults.add(validateFaultSpec(JSON.parse(body.toString('utf8') || '{}'))), 201);
      } catch (err) {
        return ok({ error: (err as Error).message }, 400);
      }
    }
  }
  if (pathname.startsWith('/faults/') && method === 'DELETE') {
    return state.faults.remove(pathname.slice('/faults/'.length)) ? ok({ removed: 1 }) : ok({ error: 'no such fault' }, 404);
  }
  if (pathname === '/requests') {
    if (method === 'DELETE') {
      state.clearLog();
      return ok({ cleared: true });
    }
    const since = Number(query.get('since') ?? 0) || 0;
    const host = query.get('host');
    return ok(state.log.filter((r) => r.seq > since && (!host || r.host === host)));
  }
  if (pathname.startsWith('/bench/') && method === 'GET') {
    // For a crawler benchmark in another process (main.ts --bench-reports N).
    if (!state.bench) return ok({ error: 'no bench portal (start with benchReports)' }, 404);
    if (pathname === '/bench/manifest') return ok(state.bench.manifest);
    const i = Number(query.get('i'));
    if (pathname === '/bench/expected' && Number.isInteger(i) && state.bench.manifest.reports[i]) return ok(state.bench.expected(i));
  }
  if (pathname === '/reset' && method === 'POST') {
    state.faults.clear();
    state.clearLog();
    return ok({ reset: true });
  }
  return ok({ error: `no control route ${method} ${pathname}` }, 404);
}
