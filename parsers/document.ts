/**
 * The intermediate form every input (HTML page or flattened text) is read into before the
 * record is extracted: the main content as blocks in reading order, plus what the page says
 * about itself outside that content (meta tags, labelled lines, links).
 */
import type { Attachment } from './record.ts';

/** One table cell. `col` is its grid column when the table's geometry is known, else -1. */
export interface Cell {
  text: string;
  col: number;
  span: number;
  /** A copy of a cell spanning down from an earlier row (rowspan): context, not new data. */
  inherited: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  /**
   * One table row. `exact` rows come from a real grid (every cell in its column, empty cells kept);
   * inexact rows are reconstructed from flattened text, where empty cells were dropped.
   */
  | { kind: 'row'; cells: Cell[]; table: number; width: number; exact: boolean };

export interface PageDocument {
  /** Main content, chrome removed. */
  blocks: Block[];
  /** `<meta name=… content=…>` keyed by lower-cased name. */
  metaTags: Record<string, string>;
  /** `<title>` text. */
  htmlTitle: string | null;
  /** A title printed in the page itself (article heading), when one was found. */
  headingTitle: string | null;
  /** Every visible line of the page, chrome included: metadata labels live there. */
  pageLines: string[];
  attachments: Attachment[];
  /** Images inside the main content (a report whose tables are images has several). */
  contentImages: number;
  /** The document ends before its closing tags (a cut-off download). */
  truncated: boolean;
}
