/** Fetch failures sorted into the classes users group them by (`nianbao failures --class`). */
import type { ErrorClass } from '../../storage/fetchLog.ts';

export function classifyError(err: unknown): { class: ErrorClass; message: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  const message = String(e?.message ?? err).split('\n').slice(0, 2).join(' ').slice(0, 500);
  const text = `${e?.code ?? ''} ${e?.name ?? ''} ${message} ${(e?.cause as { code?: string } | undefined)?.code ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|ERR_NAME_NOT_RESOLVED/.test(text)) return { class: 'dns', message };
  if (/too large|too-large|maxResponseSize|ERR_FILE_TOO_BIG/i.test(text)) return { class: 'too-large', message };
  if (/TimeoutError|ETIMEDOUT|timed? ?out|Timeout/i.test(text)) return { class: 'timeout', message };
  if (/ECONNRESET|UND_ERR_SOCKET|other side closed|socket hang up|EPIPE|Premature close|ERR_STREAM_PREMATURE_CLOSE|aborted|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ReadError|content-length/i.test(text)) {
    return { class: 'reset', message };
  }
  if (/CERT|SSL|TLS|self.signed|ERR_CERT/i.test(text)) return { class: 'tls', message };
  // A compressed body that does not inflate.
  if (/Z_DATA_ERROR|Z_BUF_ERROR|incorrect header check|unexpected end of file|Decompression failed/i.test(text)) return { class: 'decode', message };
  if (/MaxRedirects|redirect|ERR_TOO_MANY_REDIRECTS/i.test(text)) return { class: 'redirect', message };
  return { class: 'network', message };
}

export function classifyStatus(status: number): ErrorClass | null {
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  return null;
}
