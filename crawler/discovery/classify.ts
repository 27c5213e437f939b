/**
 * What a link probably leads to, judged before fetching it, from its anchor text, its `title`
 * attribute and its URL. Report titles are judged by parsers/classify.ts (`isReportTitle`,
 * `isNoticeTitle`) so that discovery and the parser never disagree on what a report is; this module
 * adds what only a link has: column and area names, attachment file names, pagination words.
 *
 * The phrase lists below come from the navigation of the portals in /work/shared/data/portals.csv (150
 * real hosts; the column folder names of its `report_column` URLs) and the demo web's distractor kinds
 * (test/web/content/model.ts). They are guarded as a set by test/crawler/classify.test.ts and the crawl
 * test on the demo web ("no distractor becomes a report"): change one, run both.
 */
import { isNoticeTitle, isReportTitle } from '../../parsers/classify.ts';
import { cleanText } from './links.ts';

export type LinkKind = 'reportColumn' | 'report' | 'attachment' | 'pagination' | 'distractor' | 'other';

/**
 * For `reportColumn`: a 年报 column itself, a year folder inside one (2023年度), or an area (政务公开,
 * 信息公开) that leads to the columns.
 */
export type ColumnLevel = 'column' | 'year' | 'area';

export interface LinkClass {
  kind: LinkKind;
  /** Higher is fetched first; 0 for links that are not followed. */
  priority: number;
  /** What matched, for logs and skip reasons. */
  reason: string;
  level?: ColumnLevel;
  /** For attachments: the lower-case file type (pdf, docx, …). */
  fileType?: string;
}

export interface LinkLike {
  url: string;
  text: string;
  title?: string;
}

/**
 * Names of 年报 columns, most specific first. Seen as column names on real portals: 政府信息公开年报
 * (most provinces), 政府信息公开工作年度报告, 信息公开年报, 政务公开年报 (Zhejiang), 年度报告 (Jilin
 * 通化县 `ndbg/`), 工作年报, 年报 (short menus), 年度工作报告, 政府信息公开年度报告.
 */
export const COLUMN_NAMES: readonly RegExp[] = [
  /政府信息公开(工作)?(年度报告|年报)/,
  /信息公开(工作)?(年度报告|年报)/,
  /政务公开(工作)?(年度报告|年报)/,
  /^(政府信息公开)?(工作)?年度(工作)?报告$/,
  /^(工作)?年报$/,
  /^年报(专栏|公开|信息)?$/,
];

/**
 * Areas that lead to the columns, with a priority (higher = more likely to hold the 年报 column).
 * From the menus of real portals: 政府信息公开 / 政府信息公开专栏 (the statutory platform, which has
 * the 年报 column in its side menu), 法定主动公开内容 (national standard platform, 年报 under it),
 * 信息公开, 政务公开, 公开目录 / 信息公开目录, 政府信息公开制度/指南 (sibling pages that carry the same
 * side menu).
 */
export const AREA_NAMES: readonly { re: RegExp; priority: number }[] = [
  { re: /^政府信息公开(专栏|平台|目录)?$/, priority: 70 },
  { re: /法定主动公开(内容)?/, priority: 65 },
  { re: /^(政府)?信息公开(目录|专栏|平台)?$/, priority: 60 },
  { re: /^政务公开(专栏|平台)?$/, priority: 55 },
  { re: /^(主动)?公开目录$|^信息公开目录$/, priority: 50 },
  { re: /^政府信息公开(指南|制度)$/, priority: 40 },
];

/**
 * URL path pieces of 年报 columns and of areas. Column folders in portals.csv are pinyin initials that
 * end in gknb (公开年报: zfxxgknb in 42 of them, xxgknb, zwgknb, bmxxgknb, `zfxxgknb_97478` with
 * Chongqing's suffix) or ndbg (年度报告, 20: ndbg, tyxrmzfndbg, zfxxgkgzndbg, News_toNdbg.action), or say
 * nianbao / annualreport (Guangdong gkmlpt, Hanweb `xxgkAnnualReport.jsp`, Anhui `XxgkAnnualReport`);
 * 92 of its 98 column URLs match (the rest are opaque: nw12344, c106127, uuids).
 * Area folders: zwgk, xxgk, zfxxgk, gkml, gongkai, zfxxgkzl.
 */
export const COLUMN_PATH = /ndbg|gknb|nianbao|annual-?report/i;
export const AREA_PATH = /(^|\/)(zwgk|xxgk|zfxxgk|zfxxgkzl|gkml|gongkai|zwgkzl|xxgkml|govinfo|gkmlpt)(\/|_|\.|$)/i;

/** File types a report is published in. OFD is China's own fixed-layout format; WPS and ET are Kingsoft. */
export const ATTACHMENT_TYPES: readonly string[] = ['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'ofd', 'rtf'];
const ATTACHMENT_EXT = new RegExp(`\\.(${ATTACHMENT_TYPES.join('|')})$`, 'i');
/**
 * Download endpoints whose URL hides the file name: Hanweb `/module/download/downfile.jsp?filename=…`,
 * generic `download.jsp?id=`, `DownFile.aspx`, `attachment.do`. The type then comes from the text or query.
 */
const DOWNLOAD_ENDPOINT = /\/(module\/download\/)?(down(load)?file|download|attachment|fujian)[^/]*\.(jsp|aspx?|php|do|action)$/i;

/** Pagination words in Chinese list footers; 首页 is left out because it is also every menu's "home". */
export const PAGINATION_TEXT = /^(下一?页|下页|后一?页|尾页|末页|最后一?页|上一?页|前一?页|>|>>|»|›|next|last|more)$/i;
/** Page URLs: TRS index_3.html, Hanweb/JCMS index_3.jhtml, query `page=`/`pageNum=`/`pageIndex=`/`curpage=`. */
export const PAGE_URL = /\/index_\d+\.\w+$|[?&](page|pageno|pagenum|pageindex|curpage|currentpage|pn|p|start)=\d+/i;

/**
 * Titles that mention a 年报 but are not one, beyond the notice patterns of parsers/classify.ts. From
 * the demo web's distractor kinds: enterprise and statistics 年报, 解读/图解 of a report, budget and
 * final accounts (财政预决算), other kinds of 年度报告 (法治政府建设, 食品安全…), news about 年报 work.
 *
 * `anywhere`: words no publisher name contains (召开, 解读), so they count even inside a title that
 * parsers/classify.ts takes for a report ("召开2023年政府信息公开工作年度报告编制培训会"). The others can
 * be part of a publisher (统计局, 国有资产监督管理委员会, 中小企业局) and are looked for only after the year.
 * `alone`: a distractor even when no 年报 is mentioned (a 财政预决算 column beside the 年报 column).
 */
export const DISTRACTOR_PATTERNS: readonly { re: RegExp; why: string; anywhere?: boolean; alone?: boolean }[] = [
  { re: /解读|图解|一图读懂|一图看懂|答记者问|新闻发布/, why: 'interpretation', anywhere: true, alone: true },
  { re: /召开|举办|举行|培训|部署|推进会|座谈|荣获|获评|排名|第三方评估/, why: 'news', anywhere: true },
  { re: /年报公示|工商年报|市场主体年报|个体工商户|企业.{0,6}(年度报告|年报)|社会组织年报|年检/, why: 'enterprise 年报', anywhere: true },
  { re: /统计(年报|年鉴|公报|月报)|年报统计|统计报表/, why: 'statistics 年报' },
  { re: /预决算|预算|决算|三公经费/, why: 'budget', alone: true },
  { re: /法治政府|依法行政|食品安全|环境状况|国有资产|审计工作|社会责任|慈善|人大代表建议|政协提案/, why: 'another kind of report' },
];

/** Detail-page URL shapes (/work/shared/data/README.md): TRS tYYYYMMDD_ID, Hanweb art_, 32-hex,
 * gkmlpt post_, numeric and timestamp ids, Hebei uuids, Shaanxi 24-hex. */
export const DETAIL_URL = /\/t\d{8}_\d+\.s?html?$|\/t\d{6,}\.s?html?$|\/art_\d+_\d+\.html$|\/art_[0-9a-f]{32}\.html$|\/[0-9a-f]{32}\.s?html?$|\/post_\d+\.html$|\/content\/[^/]+\.html?$|\/doc_[0-9a-f]+\.html$|\/\d{4,}\.(s?html?|jhtml|htm)$|\/\d{9,}\/index\.s?html?$|\/[0-9a-f]{24}\.html$|\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.html?$|\/content_\d+$/i;

/** Text to judge: the `title` attribute when the anchor text is a truncated form of it. */
export function linkLabel(link: LinkLike): string {
  const text = cleanText(link.text);
  const title = cleanText(link.title ?? '');
  if (!title) return text;
  if (!text) return title;
  const stem = text.replace(/(\.{2,}|…+)$/, '');
  return title.length > stem.length && (title.startsWith(stem) || stem !== text) ? title : text;
}

/** File type of an attachment link, from the URL path, a `filename=` query or the anchor text. */
export function attachmentType(link: LinkLike): string | null {
  let u: URL;
  try {
    u = new URL(link.url);
  } catch {
    return null;
  }
  const path = decodeSafe(u.pathname);
  const fromPath = ATTACHMENT_EXT.exec(path);
  if (fromPath) return fromPath[1].toLowerCase();
  for (const value of u.searchParams.values()) {
    const m = ATTACHMENT_EXT.exec(value.trim());
    if (m) return m[1].toLowerCase();
  }
  // `<a href="/module/download/downfile.jsp?id=1">2023年度报告.pdf</a>`: the text names the file.
  if (DOWNLOAD_ENDPOINT.test(path) || !/\.\w{2,6}$/.test(path)) {
    const m = ATTACHMENT_EXT.exec(cleanText(link.text)) ?? ATTACHMENT_EXT.exec(cleanText(link.title ?? ''));
    if (m) return m[1].toLowerCase();
  }
  return null;
}

/**
 * Report titles parsers/classify.ts does not take because words sit between 信息公开 and 年度报告:
 * "伊宁县政府信息公开工作2023年度报告", "…审计厅2025年政务信息公开工作开展年度报告" (both real, portals.csv).
 */
const LOOSE_REPORT_TITLE = /(信息|政务)公开.{0,10}(年度报告|年报)/;

/** `isReportTitle` of the parser, widened by LOOSE_REPORT_TITLE; notices stay out either way. */
export function looksLikeReportTitle(title: string): boolean {
  if (isReportTitle(title)) return true;
  return LOOSE_REPORT_TITLE.test(title) && YEAR.test(title) && !isNoticeTitle(title);
}

const YEAR_FOLDER = /^((19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年?度?(政府信息公开)?(工作)?(年度报告|年报|报告)?$/;
const MENTIONS_ANNUAL = /年报|年度报告|工作报告/;
const ELLIPSIS = /(\.{2,}|…+)$/;
const YEAR = /(19|20)\d{2}|[〇零一二三四五六七八九]{4}/;

/**
 * The class of one link. Order matters: attachments and pagination are decided by form before any
 * title rule; distractors before reports (a notice title contains a report title); reports before
 * columns (a report title contains a column name).
 */
export function classifyLink(link: LinkLike): LinkClass {
  const label = linkLabel(link);
  const texts = [cleanText(link.text), cleanText(link.title ?? '')].filter(Boolean);

  const fileType = attachmentType(link);
  if (fileType) {
    const bad = distractorReason(texts);
    if (bad) return { kind: 'distractor', priority: 0, reason: `attachment: ${bad}`, fileType };
    const named = texts.some(looksLikeReportTitle);
    return { kind: 'attachment', priority: named ? 95 : 85, reason: named ? 'report attachment' : `.${fileType} file`, fileType };
  }

  if (texts.some((t) => PAGINATION_TEXT.test(t)) || (/^\d{1,4}$/.test(label) && PAGE_URL.test(link.url))) {
    return { kind: 'pagination', priority: 70, reason: `pagination "${label}"` };
  }

  const bad = distractorReason(texts);
  if (bad) return { kind: 'distractor', priority: 0, reason: bad };

  if (texts.some(looksLikeReportTitle)) return { kind: 'report', priority: 100, reason: 'report title' };
  // Listings cut long titles: "包头市外事办公室2023年政府信息公开工作年…".
  if (ELLIPSIS.test(label) && /信息公开|政务公开/.test(label) && /(19|20)\d{2}/.test(label)) {
    return { kind: 'report', priority: 90, reason: 'truncated report title' };
  }

  if (YEAR_FOLDER.test(label)) return { kind: 'reportColumn', level: 'year', priority: 75, reason: `year folder "${label}"` };
  // Column names with 信息公开/政务公开 in them name a column whatever their length (department
  // sub-columns: "市发展改革委政府信息公开工作年度报告"); the bare ones (年度报告, 年报) only as short labels.
  const col = COLUMN_NAMES.findIndex((re) => re.test(label));
  if (col >= 0 && (col < 3 || label.length <= 12)) {
    return { kind: 'reportColumn', level: 'column', priority: 80, reason: `column "${label}"` };
  }
  const area = label.length <= 20 ? AREA_NAMES.find((a) => a.re.test(label)) : undefined;
  if (area) return { kind: 'reportColumn', level: 'area', priority: area.priority, reason: `area "${label}"` };

  // Nothing in the text: the URL. A detail page inside a 年报 folder is a report ("查看详情").
  const { path, query } = urlParts(link.url);
  if (COLUMN_PATH.test(path) || COLUMN_PATH.test(query)) {
    if (DETAIL_URL.test(path)) return { kind: 'report', priority: 60, reason: 'detail page in a 年报 folder' };
    if (!MENTIONS_ANNUAL.test(label) || label.length <= 12) {
      return { kind: 'reportColumn', level: 'column', priority: 78, reason: 'column path' };
    }
  }
  if (texts.some((t) => MENTIONS_ANNUAL.test(t))) {
    return { kind: 'distractor', priority: 0, reason: 'mentions 年报 but is no report title' };
  }
  if (AREA_PATH.test(path) && label.length <= 12 && !DETAIL_URL.test(path)) {
    return { kind: 'reportColumn', level: 'area', priority: 30, reason: 'area path' };
  }
  return { kind: 'other', priority: 0, reason: 'no 年报 signal' };
}

const NOTICE = /^关于|通知$|的函$|方案$|要点$/;

/**
 * Why one of the texts is a distractor, or null. parsers/classify.ts `isNoticeTitle` decides for
 * everything it knows (notices, enterprise and statistics 年报, 解读); the patterns here name the
 * reason and add what it does not know (news, budget, other kinds of report).
 */
export function distractorReason(texts: string[]): string | null {
  for (const t of texts) {
    if (!isNoticeTitle(t)) continue;
    if (NOTICE.test(t)) return 'notice about 年报';
    return DISTRACTOR_PATTERNS.find((d) => d.re.test(t))?.why ?? 'not a report (parsers/classify.ts)';
  }
  for (const t of texts) {
    // "…统计局2023年政府信息公开工作年度报告" is a report: for report titles, look past the publisher.
    const year = looksLikeReportTitle(t) ? YEAR.exec(t) : null;
    const rest = year ? t.slice(year.index) : t;
    const mentions = MENTIONS_ANNUAL.test(t);
    for (const d of DISTRACTOR_PATTERNS) {
      if ((d.alone || mentions) && d.re.test(d.anywhere ? t : rest)) return d.why;
    }
  }
  return null;
}

function urlParts(url: string): { path: string; query: string } {
  try {
    const u = new URL(url);
    return { path: decodeSafe(u.pathname), query: decodeSafe(u.search) };
  } catch {
    return { path: '', query: '' };
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
