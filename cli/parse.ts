/** `nianbao parse FILE [--url URL]`: print the record of one stored document. */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UnparseableDocumentError } from '../parsers/errors.ts';
import { parseReport } from '../parsers/parse.ts';
import { EXIT, UserError } from './exit.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('Parse one stored document (HTML in any encoding, or flattened page text) and print its record as JSON')
    .argument('<file>', 'the document: an HTML page as served, or page text')
    .option('--url <url>', 'the URL the document was served from (printed in the record, used to resolve links)')
    .option('--content-type <type>', 'the HTTP Content-Type it was served with (its charset is a decoding hint)')
    .option('--compact', 'print the JSON on one line')
    .addHelpText(
      'after',
      `
Prints exactly one JSON object (the record, see README "The record"). Exit codes:
  0  the record was printed
  1  the file could not be read or is not a parseable document (empty, binary,
     PDF/Word attachments: not supported yet); the reason is printed on stderr
  2  usage error
`,
    )
    .action((file: string, opts: { url?: string; contentType?: string; compact?: boolean }) => {
      let bytes: Buffer;
      try {
        if (statSync(file).isDirectory()) throw new UserError(`${file} is a directory, not a document`);
        bytes = readFileSync(file);
      } catch (err) {
        if (err instanceof UserError) throw err;
        throw new UserError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      try {
        const record = parseReport(bytes, { url: opts.url ?? null, contentType: opts.contentType });
        process.stdout.write(JSON.stringify(record, null, opts.compact ? undefined : 1) + '\n');
      } catch (err) {
        if (err instanceof UnparseableDocumentError) throw new UserError(`${file}: ${err.message}`, EXIT.inputFailed);
        throw err;
      }
    });
}
