/** `nianbao export`: reports, cells, checks and one wide table per template, as CSV, JSON lines or Parquet. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../storage/db.ts';
import { EXPORT_FORMATS, exportDatabase, type ExportFormat } from '../storage/export.ts';
import { EXIT, UserError } from './exit.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the database: reports, cells (long form), checks, and a wide file per template')
    .option('--db <file>', 'SQLite database', 'data/nianbao.db')
    .option('--format <format>', 'csv (UTF-8 with BOM), jsonl or parquet', 'csv')
    .option('--out <dir>', 'output folder', 'data/export')
    .addHelpText('after', `
Files: reports, cells, checks, reports_2019, reports_2021 (.csv, .jsonl or .parquet). Wide
columns are named <table>_<row>_<column> with dots as underscores, e.g. applications_r3_3_1_natural.`)
    .action((flags: { db: string; format: string; out: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) throw new UserError(`--format: ${EXPORT_FORMATS.join(', ')}, not "${flags.format}"`, EXIT.usage);
      if (!existsSync(flags.db)) throw new UserError(`database ${flags.db} not found`);
      const db = openDatabase(flags.db);
      try {
        for (const f of exportDatabase(db, flags.out, flags.format as ExportFormat)) process.stdout.write(`${f.file}: ${f.rows} rows\n`);
      } finally {
        db.close();
      }
    });
}
