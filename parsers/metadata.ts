/**
 * Report metadata: title, covered year, agency, publisher, 索引号, 文号, 成文日期, 发布日期.
 * Sources in order of trust: labelled lines of the page (metadata tables, `来源：` lines), the CMS's
 * `<meta>` tags (ArticleTitle, PubDate, ContentSource), then the title itself and the body.
 */
import type { PageDocument } from './document.ts';
import { parseDate } from './dates.ts';
import { chineseDigitsToArabic, collapseSpaces, toHalfWidth } from './normalize.ts';
import { looksLikeTitle } from './plaintext.ts';
import type { ReportRecord } from './record.ts';

/** The metadata part of the record. */
export type Metadata = Pick<ReportRecord, 'title' | 'year' | 'agency' | 'publisher' | 'indexNumber' | 'documentNumber' | 'writtenOn' | 'publishedOn'>;

type Field = 'indexNumber' | 'publisher' | 'documentNumber' | 'writtenOn' | 'publishedOn' | 'other';

/**
 * Labels of metadata blocks, longest first so `发布日期` is not read as `日期`. `other` labels are
 * only there to end the value before them (`文号: | 所属主题: |` leaves 文号 empty).
 */
const LABELS: [string, Field][] = [
  ['索引号', 'indexNumber'], ['索取号', 'indexNumber'],
  ['发布机构', 'publisher'], ['发布单位', 'publisher'], ['信息来源', 'publisher'], ['文章来源', 'publisher'], ['来源', 'publisher'],
  ['发文字号', 'documentNumber'], ['发文文号', 'documentNumber'], ['文号', 'documentNumber'],
  ['成文日期', 'writtenOn'], ['成文时间', 'writtenOn'], ['生成日期', 'writtenOn'], ['发文日期', 'writtenOn'],
  ['发布日期', 'publishedOn'], ['发布时间', 'publishedOn'], ['公开日期', 'publishedOn'], ['公开时间', 'publishedOn'],
  ['发表时间', 'publishedOn'], ['日期', 'publishedOn'], ['时间', 'publishedOn'],
  ['废止日期', 'other'], ['失效日期', 'other'], ['所属主题', 'other'], ['主题分类', 'other'], ['主题词', 'other'],
  ['分类', 'other'], ['有效性', 'other'], ['效力状态', 'other'], ['体裁分类', 'other'], ['组配分类', 'other'],
  ['公文种类', 'other'], ['浏览次数', 'other'], ['访问次数', 'other'], ['点击数', 'other'], ['字号', 'other'],
  ['作者', 'other'], ['责任编辑', 'other'], ['关键词', 'other'], ['公开方式', 'other'], ['公开范围', 'other'],
  ['发文机关', 'other'], ['视力保护色', 'other'], ['编号', 'other'], ['名称', 'other'], ['标题', 'other'],
  ['字体', 'other'], ['阅读', 'other'], ['阅读次数', 'other'], ['浏览量', 'other'], ['访问量', 'other'], ['点击量', 'other'],
  ['分享到', 'other'], ['打印', 'other'],
];

/**
 * A label may be printed with spaces between its characters (`索 引 号`), and is followed by a colon,
 * or by a cell boundary in the label/value tables of 集约化 platforms (`索引号 | 014000319/2024-00012`).
 */
const spaced = (label: string): string => [...label].join('\\s*');
const LABEL_RE = new RegExp(`(${LABELS.map(([l]) => spaced(l)).sort((a, b) => b.length - a.length).join('|')})\\s*(?:[:：]|(?=\\|))`, 'g');
const LABEL_FIELD = new Map(LABELS.map(([l, f]) => [l, f]));

/** A cheap first look: a line with none of these characters holds no label (most table rows). */
const LABEL_HINT = /[索来文日时分字作编名标阅打发成生公废失所主有效体组浏访点责关视]/;

/** Metadata lines are short; a body sentence that happens to contain `时间：` is not one. */
const MAX_META_LINE = 160;
/** Bare `日期` / `时间` count only when a date follows right away. */
const GENERIC_DATE_LABELS = new Set(['日期', '时间']);

function labelledValues(lines: string[]): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const raw of lines) {
    if (raw.length > MAX_META_LINE || !LABEL_HINT.test(raw)) continue;
    const line = toHalfWidth(raw).replace(/：/g, ':');
    const matches = [...line.matchAll(LABEL_RE)];
    matches.forEach((m, i) => {
      const label = m[1].replace(/\s+/g, '');
      const field = LABEL_FIELD.get(label);
      // The label must start the line or follow a separator: not the tail of a sentence.
      const prev = line.slice(0, m.index).slice(-1);
      if (!field || field === 'other' || (prev && !/[\s|\[【(（\-·•]/.test(prev))) return;
      const end = i + 1 < matches.length ? matches[i + 1].index : line.length;
      let value = line.slice(m.index! + m[0].length, end);
      value = collapseSpaces(value.replace(/^[\s|]+/, '').split('|')[0].replace(/\s*[【[](?!\d).*$/, '').replace(/[\]】)）\s]+$/, ''));
      if (GENERIC_DATE_LABELS.has(label) && !parseDate(value)) return;
      if (!found[field]) found[field] = value;
    });
  }
  return found;
}

/** Titles as CMSes write <title>: `报告名_栏目名_网站名`. */
function titleFromHtmlTitle(title: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s*[_|｜]\s*|\s+-\s+|--/).map(collapseSpaces).filter(Boolean);
  return parts.find((p) => /报告|年报/.test(p)) ?? parts[0] ?? null;
}

/**
 * The report's title. Candidates in order of trust: the CMS's ArticleTitle meta, a heading named as
 * a title, a title-like first paragraph, the <title>. A candidate naming a report with its year wins
 * over one without (an ArticleTitle that is only the column name, 政府信息公开年报); among those, one
 * the <title> agrees with wins (a sidebar's "related report" heading does not).
 */
function pickTitle(page: PageDocument): string | null {
  const fromTitleTag = titleFromHtmlTitle(page.htmlTitle);
  const candidates = [
    page.metaTags['articletitle'],
    page.headingTitle,
    page.blocks.flatMap((b) => (b.kind === 'paragraph' && looksLikeTitle(b.text) ? [b.text] : []))[0],
    fromTitleTag,
  ]
    .filter((t): t is string => !!t && !!collapseSpaces(t))
    .map(collapseSpaces);
  const named = candidates.filter((t) => /报告|年报/.test(t) && /(19|20)\d{2}|[〇零一二三四五六七八九]{4}/.test(t));
  const agreed = named.find((t) => fromTitleTag && (fromTitleTag.includes(t) || t.includes(fromTitleTag)));
  return agreed ?? named[0] ?? candidates.find((t) => /报告|年报/.test(t)) ?? candidates[0] ?? null;
}

const YEAR_IN_TITLE_RE = /((?:19|20)\d{2})\s*年度?/;

function coveredYear(title: string | null, page: PageDocument): number | null {
  const t = title ? chineseDigitsToArabic(toHalfWidth(title)) : '';
  const m = YEAR_IN_TITLE_RE.exec(t);
  if (m) return Number(m[1]);
  // No year in the title: the statistics period the preamble states (统计期限自2019年1月1日起).
  for (const block of page.blocks.slice(0, 40)) {
    if (block.kind !== 'paragraph') continue;
    const p = toHalfWidth(block.text);
    const period = /(?:统计期限|统计时限|数据)[^。]{0,12}?((?:19|20)\d{2})年\s*1\s*月\s*1\s*日/.exec(p);
    if (period) return Number(period[1]);
    const named = /((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/.exec(p);
    if (named) return Number(named[1]);
  }
  return null;
}

/**
 * The agency as the title names it: `长治市人民政府2019年政府信息公开工作年度报告` -> 长治市人民政府;
 * also with the year after the name of the report (`XX区政府信息公开工作年度报告（2023年）`).
 */
function agencyFromTitle(title: string | null): string | null {
  if (!title) return null;
  const t = chineseDigitsToArabic(toHalfWidth(title)).replace(/\s+/g, '');
  const m =
    /^(.*?)(?:关于)?(?:(?:19|20)\d{2})年度?(.*?)(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:报告|年报)/.exec(t) ??
    /^()(.*?)(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:报告|年报)/.exec(t);
  if (!m) return null;
  const agency = (m[1] + m[2]).replace(/^关于|关于$|的$/g, '').replace(/[(（【\[].*$/, '');
  return agency.length >= 2 ? agency : null;
}

export function extractMetadata(page: PageDocument): Metadata {
  const labelled = labelledValues(page.pageLines);
  const title = pickTitle(page);
  const meta = page.metaTags;
  const text = (v: string | undefined): string | null => {
    const s = v === undefined ? '' : collapseSpaces(v);
    return s && !/^(无|暂无|\/|-)$/.test(s) ? s : null;
  };
  return {
    title,
    year: coveredYear(title, page),
    agency: agencyFromTitle(title),
    publisher: 'publisher' in labelled ? text(labelled.publisher) : text(meta['contentsource']),
    indexNumber: text(labelled.indexNumber),
    documentNumber: text(labelled.documentNumber),
    writtenOn: parseDate(labelled.writtenOn),
    publishedOn: parseDate(labelled.publishedOn) ?? parseDate(meta['pubdate']) ?? parseDate(meta['firstpublishedtime']),
  };
}
