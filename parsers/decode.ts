/**
 * Bytes -> text. Government pages are often GBK/GB2312/GB18030 and often mislabelled, so the order is:
 * BOM, then the declared charset (HTTP header, then <meta>) checked against the bytes, then detection.
 * Detection is "valid UTF-8, else GB18030": GB18030 is a superset of GBK and GB2312 and decodes any
 * byte sequence, and in this corpus a non-UTF-8 page is Chinese legacy-encoded far more often than not.
 */
import iconv from 'iconv-lite';
import { UnparseableDocumentError } from './errors.ts';

export type DocumentKind = 'html' | 'text';

export interface DecodedDocument {
  kind: DocumentKind;
  text: string;
  /** The charset actually used (`utf-8`, `gb18030`, `utf-16le`, `big5` …). */
  encoding: string;
}

const SNIFF_BYTES = 4096;

/** Charset labels as pages write them -> the decoder iconv-lite should use. */
function canonicalCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|gb_2312-80|chinese|csgb2312|iso-ir-58)$/.test(l)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5)$/.test(l)) return 'big5';
  if (/^utf-?16(le)?$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  if (/^(iso-8859-1|latin1|us-ascii|ascii|windows-1252)$/.test(l)) return 'windows-1252';
  return iconv.encodingExists(l) ? l : null;
}

export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? canonicalCharset(m[1]) : null;
}

function charsetFromMeta(head: string): string | null {
  const m =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  return m ? canonicalCharset(m[1]) : null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** A truncated download may end inside a multi-byte character: judge UTF-8 validity without the tail. */
function isValidUtf8IgnoringTail(bytes: Uint8Array): boolean {
  if (isValidUtf8(bytes)) return true;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    if (isValidUtf8(bytes.subarray(0, bytes.length - cut))) return true;
  }
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > n * 0.05;
}

/** Office and PDF files come in a later stage; name them so the user knows what they passed. */
function attachmentType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return 'PDF';
  if (head.startsWith('PK\u0003\u0004')) {
    const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).toString('latin1');
    if (probe.includes('word/')) return 'DOCX';
    if (probe.includes('xl/')) return 'XLSX';
    if (probe.includes('ppt/')) return 'PPTX';
    return 'ZIP';
  }
  if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'DOC/WPS/XLS (OLE)';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return 'image';
  if (head.startsWith('Rar!') || head.startsWith('\x1f\x8b')) return 'archive';
  return null;
}

function detectKind(text: string): DocumentKind {
  const head = text.slice(0, SNIFF_BYTES);
  return /^\s*</.test(head) || /<(html|body|head|div|p|table|meta|title)[\s>]/i.test(head) ? 'html' : 'text';
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Decode a stored document. `contentType` is the HTTP header when the snapshot has one.
 * Throws UnparseableDocumentError for empty input, binary junk and attachment formats.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string): DecodedDocument {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d))) {
    throw new UnparseableDocumentError('empty', 'empty document: the file has no content');
  }
  const type = attachmentType(bytes);
  if (type) {
    throw new UnparseableDocumentError('unsupported-type', `unsupported type: ${type} documents are not parsed yet`);
  }
  let encoding: string | null = null;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  }
  if (!encoding) {
    if (looksBinary(bytes)) throw new UnparseableDocumentError('binary', 'unsupported type: binary data, not a text or HTML document');
    const declared =
      charsetFromContentType(contentType) ??
      charsetFromMeta(Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1'));
    const utf8 = isValidUtf8IgnoringTail(bytes);
    if (declared === 'utf-8' || declared === null) encoding = utf8 ? 'utf-8' : 'gb18030';
    // A page declared GBK whose bytes are valid multi-byte UTF-8 was re-saved without fixing its meta.
    else if (declared === 'gb18030' && utf8 && hasMultibyte(bytes)) encoding = 'utf-8';
    else if (declared === 'windows-1252') encoding = utf8 ? 'utf-8' : 'gb18030';
    else encoding = declared;
  }
  const text = decodeWith(body, encoding);
  return { kind: detectKind(text), text, encoding };
}
