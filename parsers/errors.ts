/** Raised when a document cannot be turned into a record at all; the message says why. */
export class UnparseableDocumentError extends Error {
  constructor(
    /** Stable machine-readable reason, e.g. `empty`, `binary`, `unsupported-type`. */
    readonly reason: 'empty' | 'binary' | 'unsupported-type',
    message: string,
  ) {
    super(message);
    this.name = 'UnparseableDocumentError';
  }
}
