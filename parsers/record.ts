/**
 * The report record: the JSON that `nianbao parse` prints and the database stores.
 * The contract is ../shared/spec/record.md (copied into docs/record.md); keys and value
 * conventions are fixed there. Row and column keys follow docs/templates.md.
 */

/** A number as printed, normalised; `null` for an empty cell (never 0). */
export type CellValue = number | null;

export type Template = '2021' | '2019' | 'pre2019' | 'unknown';

/** 表二 rows of 第二十条第（一）项 in the 2021 format. */
export interface DocumentCounts2021 { issued?: CellValue; repealed?: CellValue; inForce?: CellValue }
/** 表二 rows of 第二十条第（一）项 in the 2019 format. */
export interface DocumentCounts2019 { made?: CellValue; published?: CellValue; total?: CellValue }

/** One part of a cell that breaks an item into parts (`行政征收:14`). */
export interface BreakdownPart { label: string; previousItems?: CellValue; change?: CellValue; decisions?: CellValue }

/** 2019 rows of 第（五）（六）（八）项: 上一年项目数量 / 本年增/减 / 处理决定数量. */
export interface ItemCounts2019 {
  previousItems?: CellValue;
  change?: CellValue;
  decisions?: CellValue;
  breakdown?: BreakdownPart[];
}

/** 表二 主动公开政府信息情况 (`active`). Which keys appear depends on the template. */
export interface ActiveTable {
  regulations?: DocumentCounts2021 & DocumentCounts2019;
  normativeDocuments?: DocumentCounts2021 & DocumentCounts2019;
  licensing?: ItemCounts2019;
  otherServices?: ItemCounts2019;
  penalty?: ItemCounts2019;
  coercion?: ItemCounts2019;
  fees?: { amount?: CellValue; previousItems?: CellValue; change?: CellValue; breakdown?: BreakdownPart[] };
  procurement?: { items?: CellValue; amount?: CellValue };
}

/** The seven applicant columns of 表三, in the order the format prints them. */
export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type ApplicationRow = Record<ApplicantColumn, CellValue>;
/** 表三 收到和处理政府信息公开申请情况 (`applications`), keyed `r1` … `r4`. */
export type ApplicationsTable = Partial<Record<string, ApplicationRow>>;

/** The five columns of each block of 表四, in the order the format prints them. */
export const OUTCOME_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];
export type OutcomeBlock = Record<OutcomeColumn, CellValue>;
export const REVIEW_BLOCKS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewBlock = (typeof REVIEW_BLOCKS)[number];
/** 表四 行政复议、行政诉讼情况 (`reviewLitigation`). */
export type ReviewLitigationTable = Partial<Record<ReviewBlock, OutcomeBlock>>;

export type CheckId =
  | 'applications.balance'
  | 'applications.rowTotal'
  | 'applications.outcomeTotal'
  | 'reviewLitigation.total';

/** One evaluated arithmetic identity (勾稽关系). */
export interface Check { id: CheckId; scope: string; ok: boolean; detail: string }

/** Conditions a user should know about; each is documented in README.md. */
export type Flag =
  | 'unit-missing'
  | 'cell-breakdown'
  | 'table-missing'
  | 'attachment-only'
  | 'tampered-text'
  | 'checks-failed'
  | 'not-utf8'
  | 'truncated';

export interface ReportRecord {
  url: string | null;
  isReport: boolean;
  title: string | null;
  year: number | null;
  agency: string | null;
  publisher: string | null;
  indexNumber: string | null;
  documentNumber: string | null;
  writtenOn: string | null;
  publishedOn: string | null;
  template: Template;
  text: string;
  active: ActiveTable;
  applications: ApplicationsTable;
  reviewLitigation: ReviewLitigationTable;
  checks: Check[];
  flags: Flag[];
  /** Extra keys (allowed by the contract): how the document was read. */
  /**
   * Table rows printed with fewer values than columns in flattened text, so the column of each value
   * was guessed (`applications.r1`, `active.fees`, `reviewLitigation`). Grid tables never need this.
   */
  guessedRows: string[];
  encoding: string;
  attachments: Attachment[];
}

/** A file the page links as (part of) the report: PDF, DOC(X), WPS, XLS(X). */
export interface Attachment { url: string; text: string; type: string }
