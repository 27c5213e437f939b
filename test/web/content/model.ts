/**
 * The structured data the demo web is generated from. A report is a record-shaped object (the truth
 * the expected JSON is written from) plus the body blocks and the table style it is rendered with;
 * nothing here is ever produced by parsing a page.
 */
import type { ReportRecord, Attachment } from '../../../parsers/record.ts';

/**
 * The expected record of a page: the keys record.md fixes, minus `text` and `checks`. Extra keys the
 * parser adds for itself (encoding, guessedRows, …) are not part of the truth.
 */
export type ExpectedRecord = Pick<ReportRecord,
  'url' | 'isReport' | 'title' | 'year' | 'agency' | 'publisher' | 'indexNumber' | 'documentNumber' | 'writtenOn'
  | 'publishedOn' | 'template' | 'active' | 'applications' | 'reviewLitigation' | 'flags'> & {
  /** Files the page links as the report (attachment-only pages). */
  attachments?: Attachment[];
};

/** What a report page says about itself, before a portal decides where it lives. */
export type ReportTruth = Omit<ExpectedRecord, 'url'>;

/** One piece of a report body, in reading order. Tables are rendered from the record, not stored. */
export type Block =
  | { kind: 'h'; text: string }
  | { kind: 'p'; text: string; align?: 'right' }
  | { kind: 'table'; table: 'active' | 'applications' | 'reviewLitigation' }
  | { kind: 'image'; src: string; alt: string }
  /** A free-form table that is not one of the official three (pre-2019 附表, budget tables). */
  | { kind: 'grid'; rows: string[][]; header?: number };

/**
 * How a report's author (or their Word export) laid out the tables. Every option is a variant seen in
 * real reports (templates.md, the seeds, real/); the record is the same whatever the style.
 */
export interface TableStyle {
  /** （一） or (一) in labels. */
  parens: 'full' | 'half';
  /** 商业<br>企业 instead of 商业企业 in the 表三 header. */
  splitHeaders: boolean;
  /** 自 然 人 / 总 计 with spaces, as some editors pad short labels. */
  spacedLabels: boolean;
  /** 总计 (template) or 合计 (seed 001) in the 表三 header. */
  totalLabel: '总计' | '合计';
  /** 结果维持 (template) or 结果维护 (seed 001) in 表四. */
  upheldLabel: '结果维持' | '结果维护';
  /** 2019 本年增/减: `62`, `+62`/`-6`, or `增62`/`减6`. */
  change: 'plain' | 'signed' | 'chinese';
  /** 2019 采购总金额: `63014.23万元`, `394432.52元`, a bare number, or 万元 stated in the header. */
  procurementUnit: '万元' | '元' | 'none' | 'header';
  /** What an empty (null) cell holds. */
  empty: '' | '&nbsp;' | '/' | '—';
  /** Appended to 表二 row labels (seed 000: `行政许可(市本级)`). */
  rowSuffix: string;
  /** `120,052` instead of `120052`. */
  thousands: boolean;
  /** Full-width digits (`１２`) in number cells. */
  fullWidthDigits: boolean;
  /** Cell markup: bare text, `<p>` per cell (TRS editor), or Word's MsoNormal export. */
  cellMarkup: 'plain' | 'p' | 'word';
}

export const DEFAULT_STYLE: TableStyle = {
  parens: 'full',
  splitHeaders: false,
  spacedLabels: false,
  totalLabel: '总计',
  upheldLabel: '结果维持',
  change: 'plain',
  procurementUnit: '万元',
  empty: '',
  rowSuffix: '',
  thousands: false,
  fullWidthDigits: false,
  cellMarkup: 'p',
};

export interface ReportDoc {
  id: string;
  truth: ReportTruth;
  body: Block[];
  style: TableStyle;
  /** Publication date (YYYY-MM-DD) used for URLs and listings, even where the page prints none. */
  date: string;
}

export type DistractorKind =
  | 'notice-prepare'      // 关于做好…年度报告编制发布工作的通知
  | 'enterprise-annual'   // 企业年报公示
  | 'statistics-annual'   // 统计年报
  | 'news'                // news that mentions 年报
  | 'budget'              // 财政预决算
  | 'other-report'        // another kind of 年度报告 (法治政府建设…)
  | 'assessment';         // 年报评估/检查情况通报

export interface DistractorDoc {
  id: string;
  kind: DistractorKind;
  title: string;
  date: string;
  publisher: string;
  body: Block[];
}
