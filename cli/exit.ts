/** Exit codes of the CLI (documented in README.md, following ../shared/spec/measures.md). */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The command ran but some inputs failed (details printed on stderr). */
  inputFailed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** Another run holds the lock (crawl). */
  locked: 3,
} as const;

/** An error meant for the user: printed as one line, no stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.inputFailed,
  ) {
    super(message);
  }
}
