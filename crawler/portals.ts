/**
 * The portal list: a CSV a user edits by hand (data/portals.csv; /work/shared/data/portals.csv is the
 * catalogue it starts from). Columns are found by header name, so extra columns (example_report_url,
 * notes) may sit anywhere and are kept in `extra`. A bad row is reported with its line number and
 * skipped; the good rows around it are still crawled, because one typo must not cost a night's run.
 *
 * Recognised columns (header names are case-insensitive; `-` and `_` are the same):
 *   name                 required
 *   level                required: province | city | district | county | department | town | other
 *   province/region_code one of them required (region_code: 6-digit 行政区划代码)
 *   homepage             required, http(s) URL
 *   report_columns       optional, known 年报 column URLs separated by `;`, `|` or spaces
 *                        (`report_column` is accepted too)
 *   needs_browser        optional flag: true/false, 1/0, yes/no, 是/否, empty = false
 *   hosts                optional, further hostnames of the portal separated like columns
 *   id                   optional, else the homepage's host (plus path when it has one)
 */
import { readFile } from 'node:fs/promises';

export const PORTAL_LEVELS = ['province', 'city', 'district', 'county', 'department', 'town', 'other'] as const;
export type PortalLevel = (typeof PORTAL_LEVELS)[number];

export interface Portal {
  id: string;
  name: string;
  level: PortalLevel;
  /** Province name (上海, 内蒙古 …) when given. */
  province: string | null;
  /** 6-digit administrative division code when given. */
  regionCode: string | null;
  homepage: string;
  reportColumns: string[];
  needsBrowser: boolean;
  extraHosts: string[];
  /** Columns the loader does not know, by header name (example_report_url …). */
  extra: Record<string, string>;
  /** 1-based line of the row in the file, for messages. */
  line: number;
}

export interface PortalRowError {
  line: number;
  message: string;
}

export interface PortalList {
  portals: Portal[];
  errors: PortalRowError[];
}

// ---- CSV -------------------------------------------------------------------------------------------

export interface CsvRow {
  /** Line on which the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: fields in double quotes may hold commas, line breaks and doubled quotes. Also takes a
 * UTF-8 BOM (Excel writes one), CRLF or LF, and a trailing line without a newline. An unclosed quote
 * is an error on the line where the field started.
 */
export function parseCsv(text: string): { rows: CsvRow[]; error: PortalRowError | null } {
  const s = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quotedFrom = 0;
  let inQuotes = false;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const ch = s[i];
    if (inQuotes) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quotedFrom = line;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && s[i + 1] === '\n') i++;
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (inQuotes) return { rows, error: { line: quotedFrom, message: 'unclosed quote: the rest of the file is one field' } };
  if (field !== '' || fields.length) endRow();
  return { rows, error: null };
}

// ---- rows to portals ---------------------------------------------------------------------------

const key = (h: string): string => h.trim().toLowerCase().replace(/-/g, '_');

const ALIASES: Record<string, string> = {
  report_column: 'report_columns',
  columns: 'report_columns',
  region: 'region_code',
  needsbrowser: 'needs_browser',
  browser: 'needs_browser',
  extra_hosts: 'hosts',
};

const KNOWN = new Set(['id', 'name', 'level', 'province', 'region_code', 'homepage', 'report_columns', 'needs_browser', 'hosts']);

const TRUE = new Set(['true', '1', 'yes', 'y', '是', 'x']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '']);

function httpUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function splitList(value: string): string[] {
  return value.split(/[;；|\s]+/).map((v) => v.trim()).filter(Boolean);
}

/** Parse a portal list. Never throws on content: problems are returned in `errors`. */
export function parsePortalsCsv(text: string): PortalList {
  const { rows, error } = parseCsv(text);
  const errors: PortalRowError[] = [];
  const portals: Portal[] = [];
  if (rows.length === 0) return { portals, errors: [error ?? { line: 1, message: 'empty file: no header row' }] };

  const header = rows[0].fields.map((h) => ALIASES[key(h)] ?? key(h));
  const missing = ['name', 'level', 'homepage'].filter((c) => !header.includes(c));
  if (!header.includes('province') && !header.includes('region_code')) missing.push('province or region_code');
  if (missing.length) return { portals, errors: [{ line: rows[0].line, message: `header lacks column(s): ${missing.join(', ')}` }] };

  const ids = new Map<string, number>();
  const homepages = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.fields[0]?.trim().startsWith('#')) continue;
    const problems: string[] = [];
    if (row.fields.length > header.length && row.fields.slice(header.length).some((f) => f.trim())) {
      problems.push(`${row.fields.length} fields for ${header.length} columns (an unquoted comma?)`);
    }
    const get = (col: string): string => {
      const i = header.indexOf(col);
      return i >= 0 ? (row.fields[i] ?? '').trim() : '';
    };
    const name = get('name');
    if (!name) problems.push('name is empty');
    const levelText = get('level').toLowerCase();
    const level = PORTAL_LEVELS.find((l) => l === levelText);
    if (!level) problems.push(`level "${get('level')}" is not one of ${PORTAL_LEVELS.join(', ')}`);
    const province = get('province') || null;
    const regionCode = get('region_code') || null;
    if (!province && !regionCode) problems.push('province and region_code are both empty');
    if (regionCode && !/^\d{6}$/.test(regionCode)) problems.push(`region_code "${regionCode}" is not 6 digits`);
    const home = httpUrl(get('homepage'));
    if (!home) problems.push(`homepage "${get('homepage')}" is not an http(s) URL`);
    const reportColumns: string[] = [];
    for (const c of splitList(get('report_columns'))) {
      const u = httpUrl(c);
      if (u) reportColumns.push(u.href);
      else problems.push(`report column "${c}" is not an http(s) URL`);
    }
    const flag = get('needs_browser').toLowerCase();
    if (!TRUE.has(flag) && !FALSE.has(flag)) problems.push(`needs_browser "${get('needs_browser')}" is not true/false`);
    const extraHosts = splitList(get('hosts')).map((h) => h.toLowerCase());
    for (const h of extraHosts) if (!/^[a-z0-9.-]+(:\d+)?$/.test(h)) problems.push(`host "${h}" is not a hostname`);

    const id = get('id') || (home ? home.host + home.pathname.replace(/\/$/, '') : '');
    if (home && homepages.has(home.href)) problems.push(`homepage ${home.href} already listed on line ${homepages.get(home.href)}`);
    else if (id && ids.has(id)) problems.push(`id "${id}" already used on line ${ids.get(id)}`);

    if (problems.length || !level || !home) {
      errors.push({ line: row.line, message: problems.join('; ') });
      continue;
    }
    ids.set(id, row.line);
    homepages.set(home.href, row.line);
    const extra: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!KNOWN.has(h) && h && (row.fields[i] ?? '').trim()) extra[h] = row.fields[i].trim();
    });
    portals.push({ id, name, level, province, regionCode, homepage: home.href, reportColumns, needsBrowser: TRUE.has(flag), extraHosts, extra, line: row.line });
  }
  if (error) errors.push(error);
  return { portals, errors };
}

/** Read and parse a portal list file. Only an unreadable file throws. */
export async function readPortals(path: string): Promise<PortalList> {
  return parsePortalsCsv(await readFile(path, 'utf8'));
}
